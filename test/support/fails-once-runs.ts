/** What every fails-once suite's first gh-retry run shows, whichever test runner it uses. */
import { expect } from 'vitest';
import type { CliResult } from './cli.js';

/**
 * Run `command` through gh-retry in a fresh fails-once suite: the run fails (exit 1), the runner's
 * own report (`reported`) lists `tests` with the one failure, and `show --json` has step `stepId`
 * failed with exit code 1.
 */
export async function expectFirstRunFails(params: {
  readonly cli: (...args: string[]) => Promise<CliResult>;
  readonly command: string;
  readonly stepId: string;
  readonly reported: () => string[];
  readonly tests: readonly string[];
}): Promise<void> {
  const { cli, command } = params;
  const run = await cli('run', '--command', command);
  expect(run.exitCode).toBe(1);
  expect(params.reported()).toEqual(params.tests);
  const shown = JSON.parse((await cli('show', '--json')).stdout);
  expect(shown.steps[0]).toMatchObject({ id: params.stepId, status: 'failed', exitCode: 1 });
}
