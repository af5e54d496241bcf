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

/**
 * Options as dbt's params.py declares nearly all of them: each keyed by its long name in snake
 * case and read from the environment variable `DBT_<KEY>`.
 * @param {OptionType} type
 * @param {string[]} options each option's names, space-separated: `-d --debug`
 * @returns {OptionSpec[]}
 */
const envOptions = (type, ...options) =>
  options.map((spaced) => {
    const names = spaced.split(' ');
    const key = String(names.at(-1)).slice(2).replaceAll('-', '_');
    const env = `DBT_${key.toUpperCase()}`;
    return type === 'flag' ? flag(key, names, env) : option(key, names, type, env);
  });

/** Options every command (and the bare `dbt` group) accepts since dbt 1.8. */
export const GLOBAL_OPTIONS = [
  ...envOptions('flag', '-d --debug', '-q --quiet', '-x --fail-fast', '--warn-error'),
  ...envOptions('yaml', '--warn-error-options'),
  ...envOptions(
    'flag',
    '--use-colors',
    '--use-colors-file',
    '--partial-parse',
    '--partial-parse-file-diff',
    '--write-json',
    '--print',
    '--version-check',
    '--send-anonymous-usage-stats',
    '--static-parser',
    '--populate-cache',
    '--cache-selected-only',
    '--defer',
    '--favor-state',
    '--single-threaded',
    '--log-cache-events',
    '--macro-debugging',
  ),
  flag('show_all_deprecations', ['--show-all-deprecations']),
  ...envOptions(
    'value',
    '--log-level',
    '--log-level-file',
    '--log-format',
    '--log-format-file',
    '--log-path',
  ),
  ...envOptions('int', '--log-file-max-bytes', '--printer-width'),
  ...envOptions(
    'value',
    '--profile',
    '-t --target',
    '--state',
    '--defer-state',
    '--indirect-selection',
  ),
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
