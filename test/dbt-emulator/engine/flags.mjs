// @ts-check
// dbt's Flags: the resolved parameters of one invocation, how they are recorded in
// run_results.json `args` (args_to_dict), and how `dbt retry` rebuilds the previous command.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { applyEnvironmentFor, optionKeys } from './cli.mjs';

/** Flag values every node command records (dbt-core 1.11 `args`, see reference run_results). */
const GLOBAL_DEFAULTS = {
  quiet: false,
  log_format: 'default',
  log_format_file: 'debug',
  log_level: 'info',
  log_level_file: 'debug',
  log_file_max_bytes: 10485760,
  send_anonymous_usage_stats: true,
  printer_width: 80,
  use_colors: true,
  use_colors_file: true,
  cache_selected_only: false,
  print: true,
  version_check: true,
  populate_cache: true,
  indirect_selection: 'eager',
  defer: false,
  favor_state: false,
  static_parser: true,
  write_json: true,
  partial_parse: true,
  partial_parse_file_diff: true,
  macro_debugging: false,
  introspect: true,
  show_all_deprecations: false,
};

/** Behaviour-change flags from the project (`flags:` in dbt_project.yml), at their 1.11 defaults. */
const PROJECT_FLAG_DEFAULTS = {
  use_fast_test_edges: false,
  skip_nodes_if_on_run_start_fails: false,
  strict_mode: false,
  show_resource_report: false,
  validate_macro_args: false,
  require_unique_project_resource_names: false,
  source_freshness_run_project_hooks: true,
  upload_to_artifacts_ingest_api: false,
  require_batched_execution_for_custom_microbatch_strategy: false,
  state_modified_compare_vars: false,
  state_modified_compare_more_unrendered_values: false,
  require_yaml_configuration_for_mf_time_spines: false,
  require_ref_searches_node_package_before_root: false,
  require_generic_test_arguments_property: true,
  require_all_warnings_handled_by_warn_error: false,
  require_nested_cumulative_type_params: false,
  require_explicit_package_overrides_for_builtin_materializations: true,
  require_resource_names_without_spaces: true,
};

/** @type {Record<string, Record<string, unknown>>} */
const COMMAND_DEFAULTS = {
  run: { select: [], exclude: [], empty: false },
  build: {
    select: [],
    exclude: [],
    empty: false,
    resource_types: [],
    exclude_resource_types: [],
    show: false,
    include_saved_query: false,
    export_saved_queries: false,
  },
  test: { select: [], exclude: [], resource_types: [], exclude_resource_types: [] },
  seed: { select: [], exclude: [], show: false },
  snapshot: { select: [], exclude: [], empty: false },
  compile: { select: [], exclude: [] },
};

/** args_to_dict drops these keys when they are false. */
const DEFAULT_FALSE_KEYS = new Set([
  'debug',
  'full_refresh',
  'fail_fast',
  'warn_error',
  'single_threaded',
  'log_cache_events',
  'store_failures',
  'use_experimental_parser',
]);

/** retry.py IGNORE_PARENT_FLAGS: the retry invocation's own values replace the parent's. */
const IGNORE_PARENT_FLAGS = [
  'log_path',
  'output_path',
  'profiles_dir',
  'profiles_dir_exists_false',
  'project_dir',
  'defer_state',
  'deprecated_state',
  'target_path',
  'warn_error',
];

/** retry.py ALLOW_CLI_OVERRIDE_FLAGS: replace the parent's values only when given on the command line. */
const ALLOW_CLI_OVERRIDE_FLAGS = ['vars', 'threads'];

/** The commands `dbt retry` can replay (retry.py TASK_DICT keys). */
export const RETRYABLE_COMMANDS = [
  'build',
  'compile',
  'clone',
  'generate',
  'seed',
  'snapshot',
  'test',
  'run',
  'run-operation',
];

/**
 * @typedef {Record<string, unknown> & { which: string, project_dir: string, profiles_dir: string }} Flags
 */

/**
 * Resolves the flags of one invocation: defaults, then values from the command line or env.
 * @param {{ command: string, params: Record<string, unknown>, cwd: string,
 *   warnErrorOptionsDefault: Record<string, string[]> }} input
 * @returns {Flags}
 */
export function resolveFlags({ command, params, cwd, warnErrorOptionsDefault }) {
  const projectDir = /** @type {string | undefined} */ (params.project_dir) ?? findProjectDir(cwd);
  const profilesDir =
    /** @type {string | undefined} */ (params.profiles_dir) ?? defaultProfilesDir(cwd);
  return {
    ...PROJECT_FLAG_DEFAULTS,
    ...GLOBAL_DEFAULTS,
    warn_error_options: warnErrorOptionsDefault,
    ...(COMMAND_DEFAULTS[command] ?? {}),
    vars: {},
    ...params,
    which: command,
    project_dir: projectDir,
    profiles_dir: profilesDir,
    log_path: /** @type {string | undefined} */ (params.log_path) ?? path.join(projectDir, 'logs'),
  };
}

/**
 * dbt's default_project_dir: the nearest directory upwards with a dbt_project.yml, else cwd.
 * @param {string} cwd
 */
function findProjectDir(cwd) {
  for (let dir = path.resolve(cwd); ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'dbt_project.yml'))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(cwd);
  }
}

/**
 * dbt's default_profiles_dir: the working directory when it holds profiles.yml, else ~/.dbt.
 * @param {string} cwd
 */
function defaultProfilesDir(cwd) {
  const here = path.resolve(cwd);
  return existsSync(path.join(here, 'profiles.yml')) ? here : path.join(homedir(), '.dbt');
}

/**
 * args_to_dict: the `args` object of run_results.json. Null values are dropped, and false for
 * the DEFAULT_FALSE_KEYS; secrets (DBT_ENV_SECRET_*) are scrubbed from the command and vars.
 * @param {Flags} flags
 * @param {string} invocationCommand "dbt " + argv joined by spaces, as dbt records it
 * @param {Record<string, string | undefined>} env
 */
export function argsToDict(flags, invocationCommand, env) {
  /** @type {Record<string, unknown>} */
  const args = {};
  const entries = Object.entries({ ...flags, invocation_command: invocationCommand });
  for (const [key, value] of entries.sort(([a], [b]) => a.localeCompare(b))) {
    if (value === null || value === undefined) continue;
    if (DEFAULT_FALSE_KEYS.has(key) && value === false) continue;
    args[key] = value;
  }
  const secrets = Object.entries(env)
    .filter(([k, v]) => k.startsWith('DBT_ENV_SECRET_') && v)
    .map(([, v]) => /** @type {string} */ (v));
  if (secrets.length > 0) {
    /** @param {string} text */
    const scrub = (text) => secrets.reduce((t, s) => t.split(s).join('*****'), text);
    args.invocation_command = scrub(String(args.invocation_command));
    args.vars = JSON.parse(scrub(JSON.stringify(args.vars)));
  }
  return args;
}

/**
 * retry.py L84-117: the previous command's args, minus the keys that break re-parsing and the
 * IGNORE_PARENT_FLAGS, plus the retry invocation's own path flags and its command-line --vars and
 * --threads. Keys that are not parameters of the previous command are dropped, and parameters the
 * dict does not set come from environment variables, as when click re-parses the command.
 * @param {{ previousArgs: Record<string, unknown>, retryParams: Record<string, unknown>,
 *   retryFromCommandLine: Set<string>, env: Record<string, string | undefined> }} input
 * @returns {Record<string, unknown>} params for resolveFlags with command = previousArgs.which
 */
export function rebuildRetryParams({ previousArgs, retryParams, retryFromCommandLine, env }) {
  const which = String(previousArgs.which);
  const accepted = optionKeys(which);
  /** @type {Record<string, unknown>} */
  const params = {};
  for (const [key, value] of Object.entries(previousArgs)) {
    if (!accepted.has(key) || IGNORE_PARENT_FLAGS.includes(key)) continue;
    if (key === 'show' || (key === 'resource_types' && Array.isArray(value) && value.length === 0))
      continue;
    if (key === 'warn_error_options' && isEmptyWarnErrorOptions(value)) continue;
    params[key] = value;
  }
  for (const key of IGNORE_PARENT_FLAGS) {
    if (retryParams[key] !== undefined) params[key] = retryParams[key];
  }
  for (const key of ALLOW_CLI_OVERRIDE_FLAGS) {
    if (retryFromCommandLine.has(key)) params[key] = retryParams[key];
  }
  applyEnvironmentFor(which, params, env);
  return params;
}

/** @param {unknown} value */
function isEmptyWarnErrorOptions(value) {
  if (typeof value !== 'object' || value === null) return false;
  return Object.values(value).every((v) => Array.isArray(v) && v.length === 0);
}
