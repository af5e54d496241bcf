/**
 * What the test runners that re-run only their failed tests share (pytest and Playwright, both
 * with `--last-failed`): how a step is recognised, the retry form from the parent's state file,
 * the summary of that file, and the caps a record keeps test ids to. Each runner names only its
 * program, its state file and how to read it.
 */
import { parseCommandLine, type CommandWords } from '../schedule/command-line.js';
import type { Env } from '../env.js';
import { RECORD_LIMITS, type ToolName } from '../run-record/schema.js';
import {
  appendArguments,
  describeEnd,
  findFileContent,
  findParentFile,
  simpleCommand,
  type RetryContext,
  type RetryForm,
  type ToolDeclaration,
} from './tool.js';

/** A recognised test-runner step: its words, and whether a comment ends the line. */
export interface TestRunnerMatch {
  readonly words: CommandWords;
  readonly hasComment: boolean;
}

/** A test runner that keeps its failed tests in one state file and re-runs only those. */
export interface FailedTestsRunner {
  readonly name: ToolName;
  /** How reasons name the command: `pytest`, `playwright test`. */
  readonly command: string;
  /** Whether a simple command runs this tool. */
  readonly runs: (words: CommandWords) => boolean;
  /** The state file's base name (`lastfailed`, `.last-run.json`). */
  readonly stateFile: string;
  /** How reasons name the state file. */
  readonly stateLabel: string;
  readonly statePaths: (match: TestRunnerMatch, env: Env) => string[];
  /** Why no state path is saved (the cache is off, or outside the working directory). */
  readonly noStatePath: string;
  /** The failed test ids of the state file, or null when it is not one. */
  readonly readFailed: (content: string) => string[] | null;
  /** Why the state file could not be read. */
  readonly unreadable: string;
  /** What is appended to the command to re-run only the failed tests. */
  readonly retryArguments: readonly string[];
  readonly retrySuccessExitCodes: readonly number[];
}

/** Test ids as a record keeps them: at most `maxNodeIds`, each cut to `maxStringLength`. */
export function capTestIds(ids: readonly string[]): string[] {
  return ids
    .slice(0, RECORD_LIMITS.maxNodeIds)
    .map((id) => id.slice(0, RECORD_LIMITS.maxStringLength));
}

/** The tool declaration of a test runner that re-runs its failed tests. */
export function failedTestsTool(runner: FailedTestsRunner): ToolDeclaration<TestRunnerMatch> {
  return {
    name: runner.name,
    recognise(step) {
      const line = parseCommandLine(step.run);
      const words = simpleCommand(line);
      if (words === null || !runner.runs(words)) return null;
      return { words, hasComment: line.hasComment };
    },
    statePaths: runner.statePaths,
    retryForm: (context) => retryForm(runner, context),
    retrySuccessExitCodes: runner.retrySuccessExitCodes,
    summarise(_match, files) {
      const content = findFileContent(files, runner.stateFile);
      return { nodes: null, failedTests: content === null ? null : runner.readFailed(content) };
    },
  };
}

function retryForm(runner: FailedTestsRunner, context: RetryContext<TestRunnerMatch>): RetryForm {
  const { match, parent } = context;
  const asWritten = (reason: string): RetryForm => ({ kind: 'as-written', reason });
  if (parent.exitCode !== 1) {
    return asWritten(
      `${runner.command} ${describeEnd(parent)}; only exit 1 (test failures) re-runs the failed tests`,
    );
  }
  const [path] = runner.statePaths(match, context.env);
  if (path === undefined) return asWritten(runner.noStatePath);
  const file = findParentFile(context.files, [path], runner.stateFile);
  if (file?.content === undefined)
    return asWritten(`${runner.stateLabel} missing from the parent run`);
  const failed = runner.readFailed(file.content);
  if (failed === null) return asWritten(runner.unreadable);
  if (failed.length === 0) return asWritten(`${runner.stateLabel} lists no failed tests`);
  return {
    kind: 'retry',
    exec: appendArguments(context.step.run, match, runner.retryArguments),
    restore: [{ from: file.stored, to: path }],
    reason: `${runner.command} --last-failed re-runs only the ${failed.length} failed test(s)`,
  };
}
