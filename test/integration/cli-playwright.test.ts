// The real Playwright test runner through the gh-retry CLI: one test fails once; the retry runs
// only that test. Node-only tests, no browser.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  expectFirstRunFails,
  reportedTests,
  withPlaywrightSuite,
} from '../support/fails-once-suites.js';

describe('gh-retry with the real Playwright test runner', () => {
  const { work, cli, command } = withPlaywrightSuite();

  it('fails the first run', async () => {
    await expectFirstRunFails({
      cli,
      command,
      stepId: 'playwright-test',
      reported: () => reportedTests(path.join(work, 'report.json')),
      tests: [
        'totals add up: passed',
        'names are trimmed: passed',
        'fails once: failed',
        'discounts are never negative: passed',
      ],
    });
  });

  it('retries only the failed test, from the saved last run, and passes', async () => {
    // The retry must not depend on what the first run left in the working directory.
    rmSync(path.join(work, 'test-results'), { recursive: true, force: true });
    const retry = await cli('retry', '--command', command);
    expect(retry.exitCode).toBe(0);
    expect(retry.stdout).toContain(`${command} --last-failed`);
    expect(reportedTests(path.join(work, 'report.json'))).toEqual(['fails once: passed']);
    expect(retry.stdout).toMatch(/1 passed/);
    const shown = JSON.parse((await cli('show', '--json')).stdout);
    expect(shown.steps[0]).toMatchObject({
      status: 'success',
      executed: `${command} --last-failed`,
    });
  });
});
