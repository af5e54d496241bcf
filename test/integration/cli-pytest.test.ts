// Real pytest through the gh-retry CLI: one test fails once; the retry runs only that test.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { expectFirstRunFails, junitCases, withPytestSuite } from '../support/fails-once-suites.js';
import { checkPytest } from '../support/tools.js';

const hasPytest = checkPytest('the pytest CLI test is skipped');

describe.skipIf(!hasPytest)('gh-retry with real pytest', () => {
  const { work, cli, command } = withPytestSuite();

  it('fails the first run and saves the failed test ids', async () => {
    await expectFirstRunFails({
      cli,
      command,
      stepId: 'pytest',
      reported: () => junitCases(path.join(work, 'report.xml')),
      tests: [
        'test_totals_add_up: passed',
        'test_names_are_trimmed: passed',
        'test_fails_once: failed',
        'test_discounts_never_negative: passed',
      ],
    });
  });

  it('retries only the failed test, from the saved cache, and passes', async () => {
    // The retry must not depend on the cache the first run left in the working directory.
    rmSync(path.join(work, '.pytest_cache'), { recursive: true, force: true });
    const plan = JSON.parse((await cli('plan', '--json', '--command', command)).stdout);
    expect(plan.steps).toEqual([
      expect.objectContaining({
        id: 'pytest',
        action: 'retry',
        exec: `${command} --last-failed --last-failed-no-failures none`,
      }),
    ]);
    const retry = await cli('retry', '--command', command);
    expect(retry.exitCode).toBe(0);
    // pytest's own words: it selected the one known failure and ran nothing else.
    expect(retry.stdout).toContain('run-last-failure: rerun previous 1 failure');
    expect(retry.stdout).toContain('PASSED test_orders.py::test_fails_once');
    expect(retry.stdout).not.toContain('PASSED test_orders.py::test_totals_add_up');
    expect(junitCases(path.join(work, 'report.xml'))).toEqual(['test_fails_once: passed']);
    const shown = JSON.parse((await cli('show', '--json')).stdout);
    expect(shown.steps[0]).toMatchObject({
      status: 'success',
      executed: `${command} --last-failed --last-failed-no-failures none`,
    });
  });

  it('has nothing left to retry afterwards', async () => {
    const again = await cli('retry', '--command', command);
    expect(again.exitCode).toBe(0);
    expect(again.stdout).toContain('nothing to retry');
    const shown = JSON.parse((await cli('show', '--json')).stdout);
    expect(shown.steps[0]).toMatchObject({ status: 'reused', executed: null });
  });
});
