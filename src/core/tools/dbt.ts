import {
  expandWord,
  findFlagValue,
  parseCommandLine,
  quoteWords,
  type CommandWords,
} from '../schedule/command-line.js';
import type { Env } from '../model.js';
import { dirName, joinRelativePath } from '../relative-path.js';
import { parseDbtCommand, type DbtCommand } from './dbt-command.js';
import { describeRetryableNodes, parseRunResults, summariseRunResults } from './dbt-run-results.js';
import {
  NO_SUMMARY,
  describeEnd,
  findFileContent,
  findParentFile,
  programEnv,
  simpleCommand,
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

/** Flags `dbt retry` takes from its own command line, so they are copied from the step. */
const RETRY_FLAGS = ['--project-dir', '--profiles-dir', '--target-path', '--vars', '--threads'];

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

/** `<project-dir>/<target-path>/run_results.json`, honouring flags and DBT_* variables. */
function statePaths(match: DbtMatch, env: Env): string[] {
  const scoped = programEnv(match.words, env);
  const projectDir = flagValue(match, '--project-dir', scoped) ?? scoped['DBT_PROJECT_DIR'] ?? '.';
  const targetPath =
    flagValue(match, '--target-path', scoped) ?? scoped['DBT_TARGET_PATH'] ?? 'target';
  const path = joinRelativePath(projectDir || '.', targetPath || 'target', RUN_RESULTS);
  return path === null ? [] : [path];
}

/** `--flag value` / `--flag=value` words of the retry flags, copied as written. */
function copyRetryFlags(args: readonly string[]): string[] {
  const copied: string[] = [];
  for (const [index, word] of args.entries()) {
    const next = args[index + 1];
    if (RETRY_FLAGS.includes(word) && next !== undefined) copied.push(word, next);
    else if (RETRY_FLAGS.some((flag) => word.startsWith(`${flag}=`))) copied.push(word);
  }
  return copied;
}

function retryForm(context: RetryContext<DbtMatch>): RetryForm {
  const { match, parent } = context;
  const asWritten = (reason: string): RetryForm => ({ kind: 'as-written', reason });
  if (parent.exitCode !== 1) {
    return asWritten(
      parent.exitCode === 2
        ? 'dbt exited 2 (an error, not node failures), so there are no failed nodes to retry'
        : `dbt ${describeEnd(parent)}; only exit 1 (node failures) is retried node by node`,
    );
  }
  const paths = statePaths(match, context.env);
  if (paths.length === 0) {
    return asWritten(`${RUN_RESULTS} is outside the working directory, so it was not saved`);
  }
  const file = findParentFile(context.files, paths, RUN_RESULTS);
  if (file?.content === undefined) return asWritten(`${RUN_RESULTS} missing from the parent run`);
  const runResults = parseRunResults(file.content);
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
  const stateRoot = context.stateRoot.replace(/\/+$/, '');
  const storedDir = dirName(file.stored);
  const { words } = match;
  const exec = quoteWords([
    ...words.prefix,
    words.program,
    ...match.dbt.globalFlags,
    'retry',
    '--state',
    storedDir === '.' ? stateRoot : `${stateRoot}/${storedDir}`,
    ...copyRetryFlags(match.dbt.args),
  ]);
  const nodes = describeRetryableNodes(summariseRunResults(runResults));
  return {
    kind: 'retry',
    exec,
    restore: [],
    reason: `dbt retry re-runs only the failed and skipped nodes (${nodes})`,
    successExitCodes: RETRY_SUCCESS_EXIT_CODES,
  };
}

/** dbt 1.6+: node commands resume with `dbt retry --state <saved run_results.json dir>`. */
export const dbtTool: ToolDeclaration<DbtMatch> = {
  name: 'dbt',
  recognise(step) {
    const words = simpleCommand(parseCommandLine(step.run));
    const dbt = words === null ? null : parseDbtCommand(words);
    if (words === null || dbt === null || !RETRYABLE_SUBCOMMANDS.has(dbt.subcommand)) return null;
    return { words, dbt };
  },
  statePaths,
  retryForm,
  retrySuccessExitCodes: RETRY_SUCCESS_EXIT_CODES,
  summarise(_match, files) {
    const content = findFileContent(files, RUN_RESULTS);
    const runResults = content === null ? null : parseRunResults(content);
    if (runResults?.kind !== 'run-results') return NO_SUMMARY;
    return { nodes: summariseRunResults(runResults), failedTests: null };
  },
};
