/**
 * The benchmark's measuring functions at a tiny size: proof that `npm run bench` works end to
 * end (its figures are real: nodes counted from dbt's trace, tests from the runners' reports,
 * requests from the emulator's log). No timing is asserted; timings belong to the bench itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { measureActionOverhead } from '../../bench/action-overhead.js';
import { measureAppCost } from '../../bench/app-cost.js';
import { measureAppQueue } from '../../bench/app-queue.js';
import { measureArtifactSizes } from '../../bench/artifact-size.js';
import { snapshotBundles } from '../../bench/bundles.js';
import { measureDbtWorkSaved, prepareDbtProject } from '../../bench/dbt-work-saved.js';
import { checkTargets, type BenchResults } from '../../bench/results.js';
import { renderResults } from '../../bench/results-tables.js';
import { measureRetryPlanning } from '../../bench/retry-planning.js';
import { measureSuiteWorkSaved } from '../../bench/test-suite-work-saved.js';
import { checkPytest } from '../support/tools.js';

const hasPytest = checkPytest('the bench smoke test skips its pytest suite');

describe('the benchmark measures at a tiny size', () => {
  const temp = mkdtempSync(path.join(tmpdir(), 'gh-retry-bench-smoke-'));
  const results: Partial<Record<keyof BenchResults, unknown>> = {};
  const bundles = snapshotBundles(path.join(temp, 'bundles'));
  const { cli } = bundles;
  const bench = prepareDbtProject({
    dir: path.join(temp, 'dbt'),
    models: 20,
    failRatio: 0.1,
    nodeSleepMs: 0,
  });

  afterAll(() => {
    rmSync(temp, { recursive: true, force: true });
  });

  it('counts the dbt nodes a retry from failure, a retry all and a whole-job re-run execute', async () => {
    const saved = await measureDbtWorkSaved({ bench, cli, repetitions: 1, traceDir: temp });
    expect(saved.failed).toBeGreaterThan(0);
    expect(saved.retriedExactly).toBe(true);
    expect(saved.executed['from-failure'].run).toBe(saved.failed + saved.skipped);
    expect(saved.executed['from-failure'].seed).toBe(0);
    expect(saved.executed.all).toEqual(saved.executed['whole-job']);
    expect(saved.executed.all.run).toBe(20);
    expect(saved.expectedRunRatio).toBe((saved.failed + saved.skipped) / 20);
    expect(saved.samplesMs['from-failure']).toHaveLength(1);
    // A second measurement of the same project in the same folder counts the same nodes.
    const again = await measureDbtWorkSaved({ bench, cli, repetitions: 1, traceDir: temp });
    expect(again.executed).toEqual(saved.executed);
    results.dbt = [saved];
  });

  it.skipIf(!hasPytest)('counts the pytest and Playwright tests each variant runs', async () => {
    const suites = [];
    for (const tool of ['pytest', 'playwright'] as const) {
      const saved = await measureSuiteWorkSaved({
        tool,
        cli,
        dir: path.join(temp, tool),
        tests: 5,
        failing: 1,
        costMs: 0,
        repetitions: 1,
      });
      expect(saved.executed).toEqual({ 'from-failure': 1, all: 5, 'whole-job': 5 });
      expect(saved.retriedExactly).toBe(true);
      suites.push(saved);
    }
    results.suites = suites;
  });

  it('times the Action bundle against a shell step and upload-artifact in the emulator', async () => {
    const overhead = await measureActionOverhead({ bundles, steps: [1, 2, 3], repetitions: 1 });
    expect(overhead.sizes.map((size) => size.steps)).toEqual([1, 2, 3]);
    for (const size of overhead.sizes) {
      expect(size.actionMs).toBeGreaterThan(0);
      expect(size.shellMs).toBeGreaterThan(0);
      // The baseline's upload process ran (and uploaded: its span below is measured).
      expect(size.uploadMs).toBeGreaterThan(0);
      // A successful run whose main uploaded its record starts no post process (action.yml post-if).
      expect(size.postRuns).toBe(0);
    }
    expect(overhead.samples['action-large']).toHaveLength(1);
    expect(Number.isFinite(overhead.recordUploadMs)).toBe(true);
    expect(Number.isFinite(overhead.baselineUploadSpanMs)).toBe(true);
    expect(Number.isFinite(overhead.overheadPerStepMs)).toBe(true);
    expect(Number.isFinite(overhead.bashPerStepMs)).toBe(true);
    results.action = overhead;
  });

  it('plans a retry of a stored dbt build in a fresh process and reads its peak memory', async () => {
    const planning = await measureRetryPlanning({
      cli,
      dir: path.join(temp, 'planning'),
      models: [40, 80],
      repetitions: 1,
    });
    expect(planning.sizes.map((p) => p.build)).toEqual([
      // Model 37 fails (its 4 tests and the next 2 models with theirs are skipped); 1% of the tests fail.
      { models: 40, tests: 160, nodes: 200, failed: 3, skipped: 14 },
      { models: 80, tests: 320, nodes: 400, failed: 5, skipped: 14 },
    ]);
    for (const size of planning.sizes) {
      expect(size.runResultsBytes).toBeGreaterThan(0);
      expect(size.samples).toHaveLength(1);
      expect(size.cliSamplesMs).toHaveLength(1);
      expect(size.peakRssMb).toBeGreaterThanOrEqual(size.rssBeforeMb);
    }
    results.planning = planning;
  });

  it('weighs the record artifact the Action uploads for a failed run', async () => {
    const [size] = await measureArtifactSizes({ projects: [bench], actionDir: bundles.actionDir });
    expect(size).toMatchObject({ models: 20, files: 3 });
    expect(size!.artifactBytes).toBeGreaterThan(0);
    expect(size!.rawToolBytes).toBeGreaterThan(0);
    results.artifacts = [size];
  });

  it('counts the App requests per /retry and per completed run, and sends signed deliveries', async () => {
    const app = await measureAppCost({
      app: bundles.app ?? '',
      samples: 1,
      deliveries: 20,
      concurrency: 4,
    });
    expect(app.retryComment.operations).toMatchObject({ 'actions/create-workflow-dispatch': 1 });
    expect(app.runCompleted.operations).toMatchObject({ 'checks/create': 1 });
    expect(app.throughput).toMatchObject({ deliveries: 20, accepted: 20 });
    // The 👀 reaction comes before the dispatch, both after the delivery was sent.
    const [latency] = app.retryLatency?.samples ?? [];
    expect(latency?.reactionMs).toBeGreaterThanOrEqual(0);
    expect(latency?.dispatchMs).toBeGreaterThanOrEqual(latency?.reactionMs ?? Infinity);
    results.app = app;
  });

  it('counts the requests per completed run behind Redis and sends deliveries through the queue', async () => {
    const queue = await measureAppQueue({ deliveries: 4, concurrency: 2 });
    expect(queue.completed.unrelatedRun.operations).toEqual([
      'actions/list-workflow-run-artifacts',
    ]);
    expect(queue.completed.retryRun.operations).toContain('checks/create');
    expect(queue.redis).toMatchObject({ deliveries: 4, accepted: 4 });
    expect(queue.inProcess).toMatchObject({ deliveries: 4, accepted: 4 });
    results.queue = queue;
  });

  it('puts every figure next to its target', () => {
    const all = {
      command: 'smoke',
      machine: {},
      settings: {},
      dbt: [],
      suites: [],
      action: null,
      planning: null,
      app: null,
      artifacts: [],
      ...results,
    } as BenchResults;
    const checks = checkTargets(all);
    expect(checks.map((c) => c.target)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^dbt 20 models: retry runs failed \+ skipped/),
        '/retry costs ≤ 6 API requests',
        'Action per step ≤ `bash -c` + 2 ms',
        'Redis: workflow_run.completed of an unrelated run ≤ 1 request',
        'Redis: workflow_run.completed of a gh-retry run ≤ 6 requests',
      ]),
    );
    expect(checks.find((c) => c.target.startsWith('dbt 20'))?.verdict).toBe('PASS');
    expect(renderResults(all)).toContain('Targets');
  });
});
