// @ts-check
// Click-style command-line parsing with the options dbt-core 1.8+ declares for each command.
import { parse as parseYaml } from 'yaml';
import { UsageError } from './errors.mjs';

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
const GLOBAL_OPTIONS = [
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
const COMMAND_OPTIONS = {
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
const NOT_EMULATED = ['clone', 'docs', 'init', 'list', 'ls', 'run-operation', 'show', 'source'];

/** @typedef {keyof typeof COMMAND_OPTIONS} CommandName */

/**
 * @typedef {object} Invocation
 * @property {CommandName | 'version' | 'help' | 'not-emulated'} command
 * @property {string} [requested] the command name as typed, for 'not-emulated' and 'help'
 * @property {Record<string, unknown>} params values given on the command line or by env vars
 * @property {Set<string>} fromCommandLine keys whose value came from the command line
 */

/**
 * Parses dbt's argv (without "dbt") the way click does.
 * @param {string[]} argv
 * @param {Record<string, string | undefined>} env
 * @returns {Invocation}
 */
export function parseCommandLine(argv, env) {
  /** @type {Record<string, unknown>} */
  const params = {};
  const fromCommandLine = new Set();
  let i = 0;
  // Options before the sub-command belong to the `dbt` group.
  for (; i < argv.length; i++) {
    const token = /** @type {string} */ (argv[i]);
    if (token === '--version') return { command: 'version', params, fromCommandLine };
    if (token === '-h' || token === '--help') return { command: 'help', params, fromCommandLine };
    if (!token.startsWith('-') || token === '-') break;
    i = consumeOption({
      argv,
      i,
      specs: GLOBAL_OPTIONS,
      params,
      fromCommandLine,
      commandPath: 'dbt',
    });
  }
  const name = argv[i];
  if (name === undefined) return { command: 'help', params, fromCommandLine };
  if (NOT_EMULATED.includes(name))
    return { command: 'not-emulated', requested: name, params, fromCommandLine };
  if (!Object.hasOwn(COMMAND_OPTIONS, name))
    throw new UsageError(`No such command '${name}'.`, 'dbt');
  const command = /** @type {CommandName} */ (name);
  const specs = [...COMMAND_OPTIONS[command], ...GLOBAL_OPTIONS];
  const commandPath = `dbt ${command}`;
  for (i += 1; i < argv.length; i++) {
    const token = /** @type {string} */ (argv[i]);
    if (token === '-h' || token === '--help')
      return { command: 'help', requested: command, params, fromCommandLine };
    if (!token.startsWith('-') || token === '-') {
      throw new UsageError(
        `Got unexpected extra argument (${argv.slice(i).join(' ')})`,
        commandPath,
      );
    }
    i = consumeOption({ argv, i, specs, params, fromCommandLine, commandPath });
  }
  applyEnvironment(specs, params, env, commandPath);
  return { command, params, fromCommandLine };
}

/**
 * @param {{ argv: string[], i: number, specs: OptionSpec[], params: Record<string, unknown>,
 *   fromCommandLine: Set<string>, commandPath: string }} state
 * @returns {number} the index of the last token consumed
 */
function consumeOption({ argv, i, specs, params, fromCommandLine, commandPath }) {
  const token = /** @type {string} */ (argv[i]);
  const eq = token.startsWith('--') ? token.indexOf('=') : -1;
  const name = eq === -1 ? token : token.slice(0, eq);
  const inline = eq === -1 ? undefined : token.slice(eq + 1);
  const spec = specs.find((s) => s.names.includes(name) || s.negations?.includes(name));
  if (!spec) throw new UsageError(noSuchOption(name, specs), commandPath);
  fromCommandLine.add(spec.key);
  if (spec.type === 'flag') {
    if (inline !== undefined)
      throw new UsageError(`Option '${name}' does not take a value.`, commandPath);
    params[spec.key] = !spec.negations?.includes(name);
    return i;
  }
  if (spec.type === 'multi') {
    const values = inline !== undefined ? [inline] : [];
    let j = i + 1;
    for (; inline === undefined && j < argv.length && !String(argv[j]).startsWith('-'); j++) {
      values.push(String(argv[j]));
    }
    if (values.length === 0)
      throw new UsageError(`Option '${name}' requires an argument.`, commandPath);
    // dbt splits each value on whitespace: `--select "a b"` selects a and b.
    const words = values.flatMap((v) => v.split(/\s+/).filter(Boolean));
    params[spec.key] = [.../** @type {string[]} */ (params[spec.key] ?? []), ...words];
    return inline !== undefined ? i : j - 1;
  }
  const value = inline ?? argv[i + 1];
  if (value === undefined)
    throw new UsageError(`Option '${name}' requires an argument.`, commandPath);
  const converted = convertValue(spec, name, value, commandPath);
  params[spec.key] =
    spec.type === 'append'
      ? [.../** @type {unknown[]} */ (params[spec.key] ?? []), converted]
      : converted;
  return inline !== undefined ? i : i + 1;
}

/**
 * @param {OptionSpec} spec
 * @param {string} name
 * @param {string} value
 * @param {string} commandPath
 */
function convertValue(spec, name, value, commandPath) {
  if (spec.type === 'int') {
    if (!/^[+-]?\d+$/.test(value.trim())) {
      throw new UsageError(
        `Invalid value for '${name}': '${value}' is not a valid integer.`,
        commandPath,
      );
    }
    return Number.parseInt(value, 10);
  }
  if (spec.type === 'yaml') return parseYamlDict(name, value, commandPath);
  return value;
}

/**
 * @param {string} name
 * @param {string} value
 * @param {string} commandPath
 */
function parseYamlDict(name, value, commandPath) {
  let parsed;
  try {
    parsed = parseYaml(value);
  } catch {
    throw new UsageError(
      `Invalid value for '${name}': String '${value}' is not valid YAML`,
      commandPath,
    );
  }
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UsageError(
      `Invalid value for '${name}': The ${name} argument must be a YAML dictionary, but was of type '${pythonTypeName(parsed)}'`,
      commandPath,
    );
  }
  return parsed;
}

/** @param {unknown} value */
function pythonTypeName(value) {
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'boolean') return 'bool';
  return typeof value;
}

/**
 * Values not given on the command line come from the option's environment variable, as in click.
 * @param {OptionSpec[]} specs
 * @param {Record<string, unknown>} params
 * @param {Record<string, string | undefined>} env
 * @param {string} commandPath
 */
function applyEnvironment(specs, params, env, commandPath) {
  for (const spec of specs) {
    if (!spec.env || params[spec.key] !== undefined) continue;
    const raw = env[spec.env];
    if (raw === undefined || raw === '') continue;
    if (spec.type === 'flag')
      params[spec.key] = ['1', 'true', 't', 'yes', 'y', 'on'].includes(raw.toLowerCase());
    else params[spec.key] = convertValue(spec, spec.env, raw, commandPath);
  }
}

/**
 * click's "No such option" message, with its difflib-based suggestion.
 * @param {string} name
 * @param {OptionSpec[]} specs
 */
function noSuchOption(name, specs) {
  const candidates = specs
    .flatMap((s) => [...s.names, ...(s.negations ?? [])])
    .filter((n) => n.startsWith('--'));
  const close = candidates
    .map((c) => ({ c, score: similarity(name, c) }))
    .filter((x) => x.score >= 0.6)
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map((x) => x.c);
  if (close.length === 0) return `No such option: ${name}`;
  return close.length === 1
    ? `No such option: ${name} Did you mean ${close[0]}?`
    : `No such option: ${name} (Possible options: ${close.join(', ')})`;
}

/**
 * Ratcliff/Obershelp similarity, as Python's difflib.SequenceMatcher.ratio().
 * @param {string} a
 * @param {string} b
 */
function similarity(a, b) {
  /** @type {(a: string, b: string) => number} */
  const matches = (x, y) => {
    let best = { i: 0, j: 0, size: 0 };
    for (let i = 0; i < x.length; i++) {
      for (let j = 0; j < y.length; j++) {
        let k = 0;
        while (i + k < x.length && j + k < y.length && x[i + k] === y[j + k]) k++;
        if (k > best.size) best = { i, j, size: k };
      }
    }
    if (best.size === 0) return 0;
    return (
      best.size +
      matches(x.slice(0, best.i), y.slice(0, best.j)) +
      matches(x.slice(best.i + best.size), y.slice(best.j + best.size))
    );
  };
  return (2 * matches(a, b)) / (a.length + b.length);
}

/**
 * Help text: the command's options, one a line.
 * @param {string | undefined} command
 */
export function renderHelp(command) {
  if (!command || !Object.hasOwn(COMMAND_OPTIONS, command)) {
    return [
      'Usage: dbt [OPTIONS] COMMAND [ARGS]...',
      '',
      '  An ELT tool for managing your SQL transformations and data models (simulated by the',
      '  gh-retry dbt emulator).',
      '',
      'Commands:',
      ...Object.keys(COMMAND_OPTIONS).map((c) => `  ${c}`),
      '',
    ].join('\n');
  }
  const specs = COMMAND_OPTIONS[/** @type {CommandName} */ (command)];
  return [
    `Usage: dbt ${command} [OPTIONS]`,
    '',
    'Options:',
    ...[...specs, ...GLOBAL_OPTIONS].map((s) => `  ${s.names.join(', ')}`),
    '  -h, --help',
    '',
  ].join('\n');
}

/**
 * The parameter names a command accepts (its own options and the global ones).
 * @param {string} command
 * @returns {Set<string>}
 */
export function optionKeys(command) {
  const own = Object.hasOwn(COMMAND_OPTIONS, command)
    ? COMMAND_OPTIONS[/** @type {CommandName} */ (command)]
    : [];
  return new Set([...own, ...GLOBAL_OPTIONS].map((s) => s.key));
}

/**
 * Fills params not yet set from the environment variables of `command`'s options, as click does
 * when dbt rebuilds a command line from a dict (`dbt retry`).
 * @param {string} command
 * @param {Record<string, unknown>} params
 * @param {Record<string, string | undefined>} env
 */
export function applyEnvironmentFor(command, params, env) {
  const own = Object.hasOwn(COMMAND_OPTIONS, command)
    ? COMMAND_OPTIONS[/** @type {CommandName} */ (command)]
    : [];
  applyEnvironment([...own, ...GLOBAL_OPTIONS], params, env, `dbt ${command}`);
}
