import { expandWord, findFlagValue } from '../schedule/command-line.js';
import type { Env } from '../env.js';
import { joinRelativePath } from '../relative-path.js';
import { capTestIds, failedTestsTool, type TestRunnerMatch } from './failed-tests.js';
import { parseJson, programEnv } from './tool.js';

const LAST_RUN = '.last-run.json';

/** `<output dir>/.last-run.json`, honouring `--output` (default `test-results`). */
function statePaths(match: TestRunnerMatch, env: Env): string[] {
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
  return capTestIds(failedTests.filter((id): id is string => typeof id === 'string'));
}

/** Playwright test (1.44+): re-runs only the failed tests with `--last-failed`. */
export const playwrightTool = failedTestsTool({
  name: 'playwright',
  command: 'playwright test',
  // `playwright test`, `npx playwright test`.
  runs: (words) => words.programName === 'playwright' && words.args[0] === 'test',
  stateFile: LAST_RUN,
  stateLabel: LAST_RUN,
  statePaths,
  noStatePath: `${LAST_RUN} is outside the working directory`,
  readFailed: readLastRun,
  unreadable: `${LAST_RUN} has no failedTests list`,
  retryArguments: ['--last-failed'],
  retrySuccessExitCodes: [0],
});
