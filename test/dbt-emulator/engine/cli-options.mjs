// @ts-check
// The options dbt-core 1.8+ declares for each command (core/dbt/cli/main.py and params.py).

/**
 * @typedef {'flag' | 'value' | 'int' | 'multi' | 'append' | 'yaml'} OptionType
 * flag: --x / --no-x; value: one string; int: one integer; multi: dbt's MultiOption (takes every
 * following token up to the next option, may repeat); append: click multiple=True; yaml: --vars.
 * @typedef {{ key: string, names: string[], type: OptionType, negations?: string[], env?: string }} OptionSpec
 */

/** @type {(key: string, names: string[], env?: string) => OptionSpec} */
const flag = (key, names, env) => ({
  key,
  names,
  type: 'flag',
  negations: names.filter((n) => n.startsWith('--')).map((n) => `--no-${n.slice(2)}`),
  ...(env ? { env } : {}),
});
/** @type {(key: string, names: string[], type?: OptionType, env?: string) => OptionSpec} */
const option = (key, names, type = 'value', env) => ({ key, names, type, ...(env ? { env } : {}) });

/** Options every command (and the bare `dbt` group) accepts since dbt 1.8. */
export const GLOBAL_OPTIONS = [
  flag('debug', ['-d', '--debug'], 'DBT_DEBUG'),
  flag('quiet', ['-q', '--quiet'], 'DBT_QUIET'),
  flag('fail_fast', ['-x', '--fail-fast'], 'DBT_FAIL_FAST'),
  flag('warn_error', ['--warn-error'], 'DBT_WARN_ERROR'),
  option('warn_error_options', ['--warn-error-options'], 'yaml', 'DBT_WARN_ERROR_OPTIONS'),
  flag('use_colors', ['--use-colors'], 'DBT_USE_COLORS'),
  flag('use_colors_file', ['--use-colors-file'], 'DBT_USE_COLORS_FILE'),
  flag('partial_parse', ['--partial-parse'], 'DBT_PARTIAL_PARSE'),
  flag('partial_parse_file_diff', ['--partial-parse-file-diff'], 'DBT_PARTIAL_PARSE_FILE_DIFF'),
  flag('write_json', ['--write-json'], 'DBT_WRITE_JSON'),
  flag('print', ['--print'], 'DBT_PRINT'),
  flag('version_check', ['--version-check'], 'DBT_VERSION_CHECK'),
  flag(
    'send_anonymous_usage_stats',
    ['--send-anonymous-usage-stats'],
    'DBT_SEND_ANONYMOUS_USAGE_STATS',
  ),
  flag('static_parser', ['--static-parser'], 'DBT_STATIC_PARSER'),
  flag('populate_cache', ['--populate-cache'], 'DBT_POPULATE_CACHE'),
  flag('cache_selected_only', ['--cache-selected-only'], 'DBT_CACHE_SELECTED_ONLY'),
  flag('defer', ['--defer'], 'DBT_DEFER'),
  flag('favor_state', ['--favor-state'], 'DBT_FAVOR_STATE'),
  flag('single_threaded', ['--single-threaded'], 'DBT_SINGLE_THREADED'),
  flag('log_cache_events', ['--log-cache-events'], 'DBT_LOG_CACHE_EVENTS'),
  flag('macro_debugging', ['--macro-debugging'], 'DBT_MACRO_DEBUGGING'),
  flag('show_all_deprecations', ['--show-all-deprecations']),
  option('log_level', ['--log-level'], 'value', 'DBT_LOG_LEVEL'),
  option('log_level_file', ['--log-level-file'], 'value', 'DBT_LOG_LEVEL_FILE'),
  option('log_format', ['--log-format'], 'value', 'DBT_LOG_FORMAT'),
  option('log_format_file', ['--log-format-file'], 'value', 'DBT_LOG_FORMAT_FILE'),
  option('log_path', ['--log-path'], 'value', 'DBT_LOG_PATH'),
  option('log_file_max_bytes', ['--log-file-max-bytes'], 'int', 'DBT_LOG_FILE_MAX_BYTES'),
  option('printer_width', ['--printer-width'], 'int', 'DBT_PRINTER_WIDTH'),
  option('profile', ['--profile'], 'value', 'DBT_PROFILE'),
  option('target', ['-t', '--target'], 'value', 'DBT_TARGET'),
  option('state', ['--state'], 'value', 'DBT_STATE'),
  option('defer_state', ['--defer-state'], 'value', 'DBT_DEFER_STATE'),
  option('indirect_selection', ['--indirect-selection'], 'value', 'DBT_INDIRECT_SELECTION'),
];

const PROJECT_DIR = option('project_dir', ['--project-dir'], 'value', 'DBT_PROJECT_DIR');
const PROFILES_DIR = option('profiles_dir', ['--profiles-dir'], 'value', 'DBT_PROFILES_DIR');
const VARS = option('vars', ['--vars'], 'yaml');
const TARGET_PATH = option('target_path', ['--target-path'], 'value', 'DBT_TARGET_PATH');
const THREADS = option('threads', ['--threads'], 'int');
const FULL_REFRESH = flag('full_refresh', ['-f', '--full-refresh'], 'DBT_FULL_REFRESH');
const SELECT = option('select', ['-s', '--select', '-m', '--models', '--model'], 'multi');
const EXCLUDE = option('exclude', ['--exclude'], 'multi');
const SELECTOR = option('selector', ['--selector'], 'value');
const EMPTY = flag('empty', ['--empty']);
const SHOW = flag('show', ['--show']);
const STORE_FAILURES = flag('store_failures', ['--store-failures'], 'DBT_STORE_FAILURES');
const RESOURCE_TYPES = option('resource_types', ['--resource-type', '--resource-types'], 'append');
const EXCLUDE_RESOURCE_TYPES = option(
  'exclude_resource_types',
  ['--exclude-resource-type', '--exclude-resource-types'],
  'append',
);

const PATHS = [PROJECT_DIR, PROFILES_DIR, VARS, TARGET_PATH];
const SELECTION = [
  THREADS,
  SELECT,
  EXCLUDE,
  SELECTOR,
  flag('introspect', ['--introspect'], 'DBT_INTROSPECT'),
];

/** Command-specific options (dbt-core 1.11 `core/dbt/cli/main.py`). */
export const COMMAND_OPTIONS = {
  build: [
    ...PATHS,
    ...SELECTION,
    FULL_REFRESH,
    EMPTY,
    SHOW,
    STORE_FAILURES,
    RESOURCE_TYPES,
    EXCLUDE_RESOURCE_TYPES,
  ],
  run: [...PATHS, ...SELECTION, FULL_REFRESH, EMPTY],
  test: [...PATHS, ...SELECTION, STORE_FAILURES, RESOURCE_TYPES, EXCLUDE_RESOURCE_TYPES],
  seed: [...PATHS, ...SELECTION, FULL_REFRESH, SHOW],
  snapshot: [...PATHS, ...SELECTION, EMPTY],
  compile: [...PATHS, ...SELECTION, FULL_REFRESH, option('inline', ['--inline'])],
  // `dbt retry` takes only these besides the global flags; --select & co are usage errors.
  retry: [...PATHS, THREADS, FULL_REFRESH],
  deps: [PROJECT_DIR, PROFILES_DIR, VARS, flag('upgrade', ['--upgrade']), flag('lock', ['--lock'])],
  debug: [
    PROJECT_DIR,
    PROFILES_DIR,
    VARS,
    flag('config_dir', ['--config-dir']),
    flag('connection', ['--connection']),
  ],
  parse: [...PATHS, THREADS],
  clean: [...PATHS, flag('clean_project_files_only', ['--clean-project-files-only'])],
};

/** Real dbt commands the emulator does not implement: a clear exit 2 instead of "No such command". */
export const NOT_EMULATED = [
  'clone',
  'docs',
  'init',
  'list',
  'ls',
  'run-operation',
  'show',
  'source',
];

/** @typedef {keyof typeof COMMAND_OPTIONS} CommandName */

/**
 * The options `command` accepts: its own and the global ones.
 * @param {string} command
 * @returns {OptionSpec[]}
 */
export function optionsOf(command) {
  const own = Object.hasOwn(COMMAND_OPTIONS, command)
    ? COMMAND_OPTIONS[/** @type {CommandName} */ (command)]
    : [];
  return [...own, ...GLOBAL_OPTIONS];
}
