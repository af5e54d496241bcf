{% macro maybe_fail() %}
  {{ log("running maybe_fail", info=True) }}
  {% if env_var('OP_FAIL', '0') == '1' %}
    {{ exceptions.raise_compiler_error("maybe_fail was told to fail") }}
  {% endif %}
{% endmacro %}
