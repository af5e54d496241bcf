import {
  expandWord,
  findFlagValue,
  parseCommandLine,
  type CommandWords,
} from '../schedule/command-line.js';
import type { Env } from '../env.js';
import { joinRelativePath } from '../relative-path.js';
import { RECORD_LIMITS } from '../run-record/schema.js';
import {
  appendArguments,
  describeEnd,
  findFileContent,
  findParentFile,
  parseJson,
  programEnv,
  simpleCommand,
  type RetryContext,
  type RetryForm,
  type ToolDeclaration,
} from './tool.js';

const RETRY_SUCCESS_EXIT_CODES: readonly number[] = [0];

const LAST_RUN = '.last-run.json';

/** A recognised Playwright test step (`playwright test`, `npx playwright test`). */
export interface PlaywrightMatch {
  readonly words: CommandWords;
  readonly hasComment: boolean;
}

/** `<output dir>/.last-run.json`, honouring `--output` (default `test-results`). */
function statePaths(match: PlaywrightMatch, env: Env): string[] {
  const output = findFlagValue(match.words.args, ['--output']);
  const dir = output === null ? 'test-results' : expandWord(output, programEnv(match.words, env));
  const path = joinRelativePath(dir, LAST_RUN);
  return path === null ? [] : [path];
}

/** The failed test ids of a `.last-run.json`, or null when it is not one. */
function readLastRun(content: string): string[] | null {
  const data = parseJson(content);
  if (typeof data !== 'object' || data === null) return null;
  const failedTests = (data as { failedTests?: unknown }).failedTests;
  if (!Array.isArray(failedTests)) return null;
  return failedTests
    .filter((id): id is string => typeof id === 'string')
    .slice(0, RECORD_LIMITS.maxNodeIds)
    .map((id) => id.slice(0, RECORD_LIMITS.maxStringLength));
}

function retryForm(context: RetryContext<PlaywrightMatch>): RetryForm {
  const { match, parent } = context;
  const asWritten = (reason: string): RetryForm => ({ kind: 'as-written', reason });
  if (parent.exitCode !== 1) {
    return asWritten(
      `playwright test ${describeEnd(parent)}; only exit 1 (test failures) re-runs the failed tests`,
    );
  }
  const [path] = statePaths(match, context.env);
  if (path === undefined) return asWritten(`${LAST_RUN} is outside the working directory`);
  const file = findParentFile(context.files, [path], LAST_RUN);
  if (file?.content === undefined) return asWritten(`${LAST_RUN} missing from the parent run`);
  const failed = readLastRun(file.content);
  if (failed === null) return asWritten(`${LAST_RUN} has no failedTests list`);
  if (failed.length === 0) return asWritten(`${LAST_RUN} lists no failed tests`);
  return {
    kind: 'retry',
    exec: appendArguments(context.step.run, match, ['--last-failed']),
    restore: [{ from: file.stored, to: path }],
    reason: `playwright test --last-failed re-runs only the ${failed.length} failed test(s)`,
    successExitCodes: RETRY_SUCCESS_EXIT_CODES,
  };
}

/** Playwright test (1.44+): re-runs only the failed tests with `--last-failed`. */
export const playwrightTool: ToolDeclaration<PlaywrightMatch> = {
  name: 'playwright',
  recognise(step) {
    const line = parseCommandLine(step.run);
    const words = simpleCommand(line);
    if (words?.programName !== 'playwright' || words.args[0] !== 'test') return null;
    return { words, hasComment: line.hasComment };
  },
  statePaths,
  retryForm,
  retrySuccessExitCodes: RETRY_SUCCESS_EXIT_CODES,
  summarise(_match, files) {
    const content = findFileContent(files, LAST_RUN);
    return { nodes: null, failedTests: content === null ? null : readLastRun(content) };
  },
};
