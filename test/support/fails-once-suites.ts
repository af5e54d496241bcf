/** The fails-once suites of the real test runners, and what the runners say they ran (their own reports). */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { withFixtureSuite, type CliResult } from './cli.js';

/** The test cases a junit XML report (pytest's `--junitxml`) lists, as `name: outcome`. */
export function junitCases(file: string): string[] {
  const xml = readFileSync(file, 'utf8');
  return [...xml.matchAll(/<testcase [^>]*name="([^"]+)"[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g)].map(
    (m) => `${m[1] ?? ''}: ${/<(failure|error)/.test(m[3] ?? '') ? 'failed' : 'passed'}`,
  );
}

interface JsonSuite {
  specs?: { title: string; tests: { results: { status: string }[] }[] }[];
  suites?: JsonSuite[];
}

/** The tests Playwright's JSON report says ran, as `title: status`. */
export function reportedTests(file: string): string[] {
  const report = JSON.parse(readFileSync(file, 'utf8')) as { suites: JsonSuite[] };
  const walk = (suite: JsonSuite): string[] => [
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests.flatMap((t) => t.results.map((r) => `${spec.title}: ${r.status}`)),
    ),
    ...(suite.suites ?? []).flatMap(walk),
  ];
  return report.suites.flatMap(walk);
}

/**
 * For the enclosing `describe`: the `playwright-fails-once` suite (see withFixtureSuite) with its
 * JSON report written to `report.json`, and the command that runs it.
 */
export function withPlaywrightSuite() {
  const suite = withFixtureSuite('playwright-fails-once', {
    env: { PLAYWRIGHT_JSON_OUTPUT_NAME: 'report.json', CI: '1' },
    nodeModules: true,
  });
  return { ...suite, command: 'npx playwright test --reporter=list,json' };
}

/** For the enclosing `describe`: the `pytest-fails-once` suite, and a command that writes `report.xml`. */
export function withPytestSuite() {
  const suite = withFixtureSuite('pytest-fails-once');
  return { ...suite, command: 'python3 -m pytest -rA --junitxml=report.xml test_orders.py' };
}

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
