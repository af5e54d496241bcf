import {
  expandWord,
  findFlagValue,
  parseCommandLine,
  quoteWords,
  type CommandWords,
} from '../schedule/command-line.js';
import type { Env } from '../env.js';
import { dirName, joinRelativePath } from '../relative-path.js';
import { parseDbtCommand, type DbtCommand } from './dbt-command.js';
import { MANIFEST, planFixAware } from './dbt-fix-aware.js';
import { copyRetryFlags, flagsBeforeRetry } from './dbt-retry-flags.js';
import { interruptedReason, readInterruptedFile, wasInterrupted } from './dbt-interrupted.js';
import { DBT_PROJECT_FILE, projectTargetPath, type ProjectTargetPath } from './dbt-project.js';
import {
  dbtRetrySet,
  parseRunResults,
  summariseRunResults,
  type RunResults,
} from './dbt-run-results.js';
import {
  NO_SUMMARY,
  describeEnd,
  findFileContent,
  findParentFile,
  programEnv,
  simpleCommand,
  type ParentStateFile,
  type RetryContext,
  type RetryForm,
  type ToolDeclaration,
} from './tool.js';

const RETRY_SUCCESS_EXIT_CODES: readonly number[] = [0];

const RUN_RESULTS = 'run_results.json';

/** Subcommands `dbt retry` can resume, by how users write them (dbt-core 1.6+ TASK_DICT). */
const RETRYABLE_SUBCOMMANDS = new Set([
  'build',
  'run',
  'test',
  'seed',
  'snapshot',
  'compile',
  'clone',
  'docs generate',
  'run-operation',
]);

/** The oldest dbt-core whose `dbt retry` gh-retry drives (see README "Supported dbt versions"). */
const DBT_FLOOR = { major: 1, minor: 8 } as const;

/** A recognised dbt step. */
export interface DbtMatch {
  readonly words: CommandWords;
  readonly dbt: DbtCommand;
}

/** The flags that say where dbt writes: global flags first, then the subcommand's (last wins). */
function flagValue(match: DbtMatch, flag: string, env: Env): string | null {
  const value = findFlagValue([...match.dbt.globalFlags, ...match.dbt.args], [flag]);
  return value === null ? null : expandWord(value, env);
}

/** The project folder: `--project-dir`, else DBT_PROJECT_DIR, else the working directory. */
function projectDir(match: DbtMatch, scoped: Env): string {
  return (flagValue(match, '--project-dir', scoped) ?? scoped['DBT_PROJECT_DIR'] ?? '.') || '.';
}

/** `<project-dir>/dbt_project.yml`, whose `target-path:` says where dbt writes when no flag does. */
function configPaths(match: DbtMatch, env: Env): string[] {
  const path = joinRelativePath(projectDir(match, programEnv(match.words, env)), DBT_PROJECT_FILE);
  return path === null ? [] : [path];
}

/** What the project file read before saving (`config`, by path) says about `target-path:`. */
function projectTarget(match: DbtMatch, env: Env, config: ReadonlyMap<string, string>) {
  const [file] = configPaths(match, env);
  const content = file === undefined ? undefined : config.get(file);
  return content === undefined ? ({ kind: 'unset' } as const) : projectTargetPath(content);
}

/**
 * The target path as dbt resolves it: `--target-path`, else DBT_TARGET_PATH, else the project
 * file's `target-path:` (when the shell read it into `config`), else `target`.
 */
function targetPath(
  match: DbtMatch,
  env: Env,
  config: ReadonlyMap<string, string>,
): ProjectTargetPath {
  const scoped = programEnv(match.words, env);
  const given = flagValue(match, '--target-path', scoped) ?? scoped['DBT_TARGET_PATH'];
  if (given !== undefined && given !== '') return { kind: 'path', path: given };
  const fromProject = projectTarget(match, env, config);
  return fromProject.kind === 'unset' ? { kind: 'path', path: 'target' } : fromProject;
}

/** run_results.json and manifest.json in `<project-dir>/<target-path>/`, honouring flags, DBT_* variables and the project file. */
function statePaths(
  match: DbtMatch,
  env: Env,
  config: ReadonlyMap<string, string> = new Map(),
): string[] {
  const target = targetPath(match, env, config);
  if (target.kind !== 'path') return [];
  const dir = projectDir(match, programEnv(match.words, env));
  return [RUN_RESULTS, MANIFEST].flatMap((name) => {
    const path = joinRelativePath(dir, target.path, name);
    return path === null ? [] : [path];
  });
}

/** Why run_results.json is not saved although the step's flags allow it (the project file's path). */
function stateRefusal(
  match: DbtMatch,
  env: Env,
  config: ReadonlyMap<string, string>,
): string | null {
  const target = targetPath(match, env, config);
  return target.kind === 'refused' ? target.reason : null;
}

/** Whether the retry runs with `--warn-error` (so dbt retries `warn` rows too). */
function warnsAsErrors(match: DbtMatch, env: Env): boolean {
  const words = [...match.dbt.globalFlags, ...match.dbt.args];
  if (words.includes('--warn-error')) return true;
  const value = programEnv(match.words, env)['DBT_WARN_ERROR']?.toLowerCase();
  return value === '1' || value === 'true';
}

/** Why a file dbt could read is still not resumed with `dbt retry`, or null when it can be. */
function whyNotRetry(
  match: DbtMatch,
  runResults: Extract<RunResults, { kind: 'run-results' }>,
  retrySet: readonly string[],
): string | null {
  const version = /^(\d+)\.(\d+)/.exec(runResults.dbtVersion ?? '');
  if (
    version !== null &&
    Number(version[1]) * 1000 + Number(version[2]) < DBT_FLOOR.major * 1000 + DBT_FLOOR.minor
  ) {
    return `${RUN_RESULTS} was written by dbt ${runResults.dbtVersion ?? ''}; gh-retry uses dbt retry from dbt ${DBT_FLOOR.major}.${DBT_FLOOR.minor}`;
  }
  if (match.dbt.which === 'generate') {
    return 'dbt retry of docs generate would write a catalog of only the retried nodes';
  }
  if (retrySet.length === 0) {
    return `dbt retry would re-run nothing (no failed or skipped nodes besides hooks in ${RUN_RESULTS}; dbt would say "Nothing to do" and exit 0)`;
  }
  return null;
}

/** `2 error, 1 skipped`: the statuses of the nodes dbt retry re-runs. */
function describeStatuses(
  runResults: Extract<RunResults, { kind: 'run-results' }>,
  ids: readonly string[],
): string {
  const wanted = new Set(ids);
  const counts = new Map<string, number>();
  for (const result of runResults.results) {
    if (wanted.has(result.uniqueId))
      counts.set(result.status, (counts.get(result.status) ?? 0) + 1);
  }
  return [...counts].map(([status, count]) => `${count} ${status}`).join(', ');
}

/** The statuses of the nodes dbt retry re-runs. */
function statusesOf(
  runResults: Extract<RunResults, { kind: 'run-results' }>,
  ids: readonly string[],
): string[] {
  const wanted = new Set(ids);
  return [
    ...new Set(runResults.results.filter((r) => wanted.has(r.uniqueId)).map((r) => r.status)),
  ];
}

/** The parent's saved run_results.json, read; or why there is none to use. */
function savedRunResults(
  context: RetryContext<DbtMatch>,
):
  | { readonly kind: 'found'; readonly file: ParentStateFile; readonly runResults: RunResults }
  | { readonly kind: 'none'; readonly reason: string } {
  const paths = statePaths(context.match, context.env);
  if (paths.length === 0) {
    return {
      kind: 'none',
      reason: `${RUN_RESULTS} is outside the working directory, so it was not saved`,
    };
  }
  const file = findParentFile(context.files, paths, RUN_RESULTS);
  if (file?.content === undefined) {
    return { kind: 'none', reason: `${RUN_RESULTS} missing from the parent run` };
  }
  return { kind: 'found', file, runResults: parseRunResults(file.content) };
}

/** Why an interrupted step runs as written, from what dbt wrote before it stopped. */
function interruptedForm(context: RetryContext<DbtMatch>): RetryForm {
  const saved = savedRunResults(context);
  const warnError = warnsAsErrors(context.match, context.env);
  const file = readInterruptedFile(saved.kind === 'found' ? saved.runResults : null, (read) =>
    dbtRetrySet(read, { warnError }),
  );
  return { kind: 'as-written', reason: interruptedReason(context.parent, file) };
}

function retryForm(context: RetryContext<DbtMatch>): RetryForm {
  const { match, parent } = context;
  const asWritten = (reason: string): RetryForm => ({ kind: 'as-written', reason });
  if (wasInterrupted(parent)) return interruptedForm(context);
  if (parent.exitCode !== 1) {
    return asWritten(
      parent.exitCode === 2
        ? 'dbt exited 2 (an error, not node failures), so there are no failed nodes to retry'
        : `dbt ${describeEnd(parent)}; only exit 1 (node failures) is retried node by node`,
    );
  }
  const saved = savedRunResults(context);
  if (saved.kind === 'none') return asWritten(saved.reason);
  const { file, runResults } = saved;
  if (runResults.kind === 'unreadable') {
    return asWritten(`${RUN_RESULTS} is unreadable: ${runResults.reason}`);
  }
  if (runResults.results.length === 0) return asWritten(`${RUN_RESULTS} has no results`);
  if (runResults.which !== match.dbt.which) {
    return asWritten(
      runResults.which === null
        ? `${RUN_RESULTS} does not say which command wrote it (args.which)`
        : `${RUN_RESULTS} is from \`dbt ${runResults.which}\`, not \`dbt ${match.dbt.subcommand}\``,
    );
  }
  const retrySet = dbtRetrySet(runResults, { warnError: warnsAsErrors(match, context.env) });
  const notRetried = whyNotRetry(match, runResults, retrySet);
  if (notRetried !== null) return asWritten(notRetried);
  const stateRoot = context.stateRoot.replace(/\/+$/, '');
  const storedDir = dirName(file.stored);
  const stateDir = storedDir === '.' ? stateRoot : `${stateRoot}/${storedDir}`;
  const { words } = match;
  const exec = quoteWords([
    ...words.prefix,
    words.program,
    ...flagsBeforeRetry(match.dbt),
    'retry',
    '--state',
    stateDir,
    ...copyRetryFlags(match.dbt.args),
  ]);
  const manifestStored = storedDir === '.' ? MANIFEST : `${storedDir}/${MANIFEST}`;
  const fixAware = planFixAware({
    ...match,
    env: context.env,
    enabled: context.step.fixAware !== false,
    statuses: statusesOf(runResults, retrySet),
    manifest: context.files.find((saved) => saved.stored === manifestStored)?.content,
    stateDir,
    parentRun: context.parentRun ?? 'the parent run',
  });
  return {
    kind: 'retry',
    exec,
    restore: [],
    reason: `dbt retry re-runs only the failed and skipped nodes (${describeStatuses(runResults, retrySet)})${fixAware.reason}`,
    ...(fixAware.form === null ? {} : { fixAware: fixAware.form }),
  };
}

/** dbt 1.8+: node commands resume with `dbt retry --state <saved run_results.json dir>`. */
export const dbtTool: ToolDeclaration<DbtMatch> = {
  name: 'dbt',
  recognise(step) {
    const words = simpleCommand(parseCommandLine(step.run));
    const dbt = words === null ? null : parseDbtCommand(words);
    if (words === null || dbt === null || !RETRYABLE_SUBCOMMANDS.has(dbt.subcommand)) return null;
    return { words, dbt };
  },
  configPaths,
  statePaths,
  rewritesState: true,
  stateRefusal,
  retryForm,
  retrySuccessExitCodes: RETRY_SUCCESS_EXIT_CODES,
  summarise(_match, files) {
    const content = findFileContent(files, RUN_RESULTS);
    const runResults = content === null ? null : parseRunResults(content);
    if (runResults?.kind !== 'run-results') return NO_SUMMARY;
    return { nodes: summariseRunResults(runResults), failedTests: null };
  },
};
