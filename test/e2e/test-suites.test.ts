/**
 * The loop end to end (issue scenario 5): a pytest workflow and a Playwright workflow fail on a
 * pull request, each with one flaky test; one `/retry` retries both, and each retry runs only the
 * failed test (real pytest, the real Playwright test runner, Node-only tests).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLoop, type Loop } from '../support/e2e/loop.js';
import { suiteJob } from '../support/e2e/projects.js';
import { scheduleWorkflow } from '../support/e2e/workflows.js';
import { checkPytest } from '../support/tools.js';

const hasPytest = checkPytest('the pytest and Playwright loop test is skipped');

const PYTEST = '.github/workflows/pytest.yml';
const PLAYWRIGHT = '.github/workflows/playwright.yml';
const PYTEST_COMMAND = 'python3 -m pytest -rA --junitxml=report.xml test_orders.py';
const PLAYWRIGHT_COMMAND = 'npx playwright test --reporter=list,json';

interface JsonSuite {
  specs?: { title: string; tests: { results: { status: string }[] }[] }[];
  suites?: JsonSuite[];
}

/** The tests a Playwright JSON report says ran, as `title: status`. */
function playwrightTests(workspace: string): string[] {
  const report = JSON.parse(readFileSync(path.join(workspace, 'report.json'), 'utf8')) as {
    suites: JsonSuite[];
  };
  const walk = (suite: JsonSuite): string[] => [
    ...(suite.specs ?? []).flatMap((spec) =>
      spec.tests.flatMap((t) => t.results.map((r) => `${spec.title}: ${r.status}`)),
    ),
    ...(suite.suites ?? []).flatMap(walk),
  ];
  return report.suites.flatMap(walk);
}

/** The tests a junit XML report lists, as `name: outcome`. */
function pytestTests(workspace: string): string[] {
  const xml = readFileSync(path.join(workspace, 'report.xml'), 'utf8');
  return [...xml.matchAll(/<testcase [^>]*name="([^"]+)"[^>]*?(\/>|>([\s\S]*?)<\/testcase>)/g)].map(
    (m) => `${m[1] ?? ''}: ${/<(failure|error)/.test(m[3] ?? '') ? 'failed' : 'passed'}`,
  );
}

describe.skipIf(!hasPytest)(
  'pytest and Playwright schedules: the retry runs only the failed tests',
  () => {
    const markers = mkdtempSync(path.join(tmpdir(), 'gh-retry-e2e-markers-'));
    let loop: Loop;

    beforeAll(async () => {
      loop = await startLoop({
        workflows: {
          [PYTEST]: {
            yaml: scheduleWorkflow({
              name: 'unit tests',
              job: 'pytest',
              scheduleName: 'unit',
              commands: [PYTEST_COMMAND],
            }),
            job: suiteJob({ fixture: 'pytest-fails-once', marker: path.join(markers, 'pytest') }),
          },
          [PLAYWRIGHT]: {
            yaml: scheduleWorkflow({
              name: 'e2e tests',
              job: 'playwright',
              scheduleName: 'e2e',
              commands: [PLAYWRIGHT_COMMAND],
            }),
            job: suiteJob({
              fixture: 'playwright-fails-once',
              marker: path.join(markers, 'playwright'),
            }),
          },
        },
      });
    });
    afterAll(async () => {
      await loop.stop();
      rmSync(markers, { recursive: true, force: true });
    });

    const workspaceOf = (runId: number) => loop.gh.jobResults(runId).at(-1)?.workspace ?? '';

    it('one /retry retries both workflows, each running only its failed test', async () => {
      const pr = await loop.openPullRequest({ head: 'feature/discounts' });
      const pytestRun = pr.runs[PYTEST]!;
      const playwrightRun = pr.runs[PLAYWRIGHT]!;
      expect(loop.gh.run(pytestRun).conclusion).toBe('failure');
      expect(loop.gh.run(playwrightRun).conclusion).toBe('failure');
      expect(pytestTests(workspaceOf(pytestRun))).toEqual([
        'test_totals_add_up: passed',
        'test_names_are_trimmed: passed',
        'test_fails_once: failed',
        'test_discounts_never_negative: passed',
      ]);
      expect(playwrightTests(workspaceOf(playwrightRun))).toHaveLength(4);

      const known = loop.runIds();
      await loop.comment(pr.number, '/retry');
      const retries = loop.runsAfter(known);
      expect(
        retries.map((r) => [r.path.replace(/@.*$/, ''), r.event, r.conclusion]).sort(),
      ).toEqual([
        [PLAYWRIGHT, 'workflow_dispatch', 'success'],
        [PYTEST, 'workflow_dispatch', 'success'],
      ]);
      const retryOf = (workflow: string) => retries.find((r) => r.path.startsWith(workflow))!.id;

      const pytestRetry = retryOf(PYTEST);
      expect(pytestTests(workspaceOf(pytestRetry))).toEqual(['test_fails_once: passed']);
      expect(loop.gh.jobResults(pytestRetry).at(-1)?.main?.stdout).toContain(
        'run-last-failure: rerun previous 1 failure',
      );
      expect(loop.record(pytestRetry).record?.steps[0]).toMatchObject({
        status: 'success',
        action: 'retry',
        executed: `${PYTEST_COMMAND} --last-failed --last-failed-no-failures none`,
      });

      const playwrightRetry = retryOf(PLAYWRIGHT);
      expect(playwrightTests(workspaceOf(playwrightRetry))).toEqual(['fails once: passed']);
      expect(loop.record(playwrightRetry).record?.steps[0]).toMatchObject({
        status: 'success',
        action: 'retry',
        executed: `${PLAYWRIGHT_COMMAND} --last-failed`,
      });

      const [reply] = loop.replies(pr.number);
      expect(reply).toContain(`#${pytestRetry}`);
      expect(reply).toContain(`#${playwrightRetry}`);
      expect(reply?.match(/✅ /g)).toHaveLength(2);
    });
  },
);
