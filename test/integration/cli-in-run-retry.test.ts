// In-run retries with the real pytest and Playwright test runners: a test fails once; the step's
// second attempt, in the same run, runs only that test (proven from the runners' own reports).
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  junitCases,
  reportedTests,
  withPlaywrightSuite,
  withPytestSuite,
} from '../support/fails-once-suites.js';
import { checkPytest } from '../support/tools.js';

const hasPytest = checkPytest('the pytest in-run retry test is skipped');

describe.skipIf(!hasPytest)('in-run retries with real pytest', () => {
  const { work, cli, command } = withPytestSuite();

  it('runs only the failed test on the second attempt, and the step succeeds', async () => {
    writeFileSync(
      path.join(work, 'gh-retry.yml'),
      `steps:\n  - run: ${command}\n    id: tests\n    retries: 2\n    retry-on:\n      exit-codes: [1]\n`,
    );
    const run = await cli('run');
    expect(run.exitCode).toBe(0);
    // pytest's own words and report: the second attempt selected the one failure and ran it alone.
    expect(run.stdout).toContain('run-last-failure: rerun previous 1 failure');
    expect(junitCases(path.join(work, 'report.xml'))).toEqual(['test_fails_once: passed']);
    const shown = JSON.parse((await cli('show', '--json')).stdout);
    const [step] = shown.steps;
    expect(step).toMatchObject({ id: 'tests', status: 'success' });
    expect(
      step.attempts.map((a: { executed: string; form: string; exitCode: number }) => [
        a.executed,
        a.form,
        a.exitCode,
      ]),
    ).toEqual([
      [command, 'as-written', 1],
      [`${command} --last-failed --last-failed-no-failures none`, 'tool-retry', 0],
    ]);
    expect(step.attempts[0].failedTests).toEqual(['test_orders.py::test_fails_once']);
    expect(run.stdout).toContain('tests: success');
    expect(run.stdout).toContain('after 2 attempts');
  });
});

describe('in-run retries with the real Playwright test runner', () => {
  const { work, cli, command } = withPlaywrightSuite();

  it('runs only the failed test on the second attempt', async () => {
    writeFileSync(path.join(work, 'gh-retry.yml'), `steps:\n  - run: ${command}\n    retries: 1\n`);
    const run = await cli('run');
    expect(run.exitCode).toBe(0);
    expect(reportedTests(path.join(work, 'report.json'))).toEqual(['fails once: passed']);
    const shown = JSON.parse((await cli('show', '--json')).stdout);
    expect(
      shown.steps[0].attempts.map((a: { executed: string; exitCode: number }) => [
        a.executed,
        a.exitCode,
      ]),
    ).toEqual([
      [command, 1],
      [`${command} --last-failed`, 0],
    ]);
  });
});
