// In-run retries with the real pytest and Playwright test runners: a test fails once; the step's
// second attempt, in the same run, runs only that test (proven from the runners' own reports).
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { withFixtureSuite } from '../support/cli.js';
import { checkPytest } from '../support/tools.js';

const hasPytest = checkPytest('the pytest in-run retry test is skipped');

/** The test cases a junit XML report lists, as `name: outcome`. */
function junitCases(file: string): string[] {
  const xml = readFileSync(file, 'utf8');
  return [...xml.matchAll(/<testcase [^>]*name="([^"]+)"[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g)].map(
    (m) => `${m[1] ?? ''}: ${/<(failure|error)/.test(m[3] ?? '') ? 'failed' : 'passed'}`,
  );
}

describe.skipIf(!hasPytest)('in-run retries with real pytest', () => {
  const { work, cli } = withFixtureSuite('pytest-fails-once');
  const command = 'python3 -m pytest -rA --junitxml=report.xml test_orders.py';

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

interface JsonSuite {
  specs?: { title: string; tests: { results: { status: string }[] }[] }[];
  suites?: JsonSuite[];
}

function reportedTests(file: string): string[] {
  const report = JSON.parse(readFileSync(file, 'utf8')) as { suites: JsonSuite[] };
  const walk = (suite: JsonSuite): string[] => [
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests.flatMap((t) => t.results.map((r) => `${spec.title}: ${r.status}`)),
    ),
    ...(suite.suites ?? []).flatMap(walk),
  ];
  return report.suites.flatMap(walk);
}

describe('in-run retries with the real Playwright test runner', () => {
  const { work, cli } = withFixtureSuite('playwright-fails-once', {
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: 'report.json', CI: '1' },
    nodeModules: true,
  });
  const command = 'npx playwright test --reporter=list,json';

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
