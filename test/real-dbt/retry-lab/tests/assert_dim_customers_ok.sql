-- Fails (returns rows) when TEST_FAIL=1: a data test that fails on demand.
select * from {{ ref('dim_customers') }} where {{ env_var('TEST_FAIL', '0') }} = 1
