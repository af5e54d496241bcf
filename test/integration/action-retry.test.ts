/**
 * The bundled Action end to end in the GitHub emulator: a dbt schedule fails at `dbt run`, and
 * retries (dispatched with retry-of, or native re-runs) re-execute only what failed.
 */
import { describe, expect, it } from 'vitest';
import {
  executedNodes,
  ALL_PASSED_STATUSES,
  FAILED_SCHEDULE_STATUSES,
  RETRIED_STATUSES,
  retryLineage,
  withFailedSchedule,
  MODELS,
  modelIds,
  RETRIED_MODELS,
  statuses,
} from '../support/action/harness.js';

describe('the Action retries a dbt schedule from failure', () => {
  const suite = withFailedSchedule();

  it('records a failed first run and uploads its dbt state', () => {
    const { harness: h, schedule: first } = suite;
    expect(first.conclusion).toBe('failure');
    expect(statuses(first.record)).toEqual(FAILED_SCHEDULE_STATUSES);
    expect(h.gh.artifacts(first.runId).map((a) => a.name)).toEqual(['gh-retry-nightly-1']);
    expect(Object.keys(first.files).sort()).toEqual([
      'record.json',
      'state/dbt-run/target/run_results.json',
      'state/dbt-seed/target/run_results.json',
    ]);
    const run = first.record?.steps[2];
    expect(run?.nodes?.failed.map((n) => n.id).sort()).toEqual(modelIds(MODELS.failing));
    expect(run?.nodes?.skipped).toEqual(modelIds(MODELS.skippedByFailure));
    expect(first.record).toMatchObject({
      id: `${first.runId}-1`,
      status: 'failed',
      github: {
        repository: 'acme/warehouse',
        workflow: '.github/workflows/nightly.yml',
        job: 'dbt',
        runAttempt: 1,
      },
      lineage: { parent: null, root: `${first.runId}-1`, retryNumber: 0 },
    });
    expect(first.job.main?.outputs).toMatchObject({
      status: 'failed',
      'failed-steps': 'dbt-run',
      'retried-from': '',
    });
    expect(first.job.main?.stdout).toContain('::error::The schedule failed at step "dbt-run"');
    expect(first.job.main?.stdout).toMatch(
      /::group::\[3\/4\] dbt run: dbt run\n[\s\S]*Done\. PASS=5 WARN=0 ERROR=2 SKIP=1/,
    );
    expect(first.job.summary).toContain('dbt-run');
    expect(first.job.post?.stdout).toContain('uploaded by the main step');
  });

  it('retries with retry-of: reuses what succeeded and runs dbt retry on the failed and skipped models only', async () => {
    const { harness: h, schedule: first } = suite;
    h.scenario.failing = [];
    const retry = await h.dispatch({ 'retry-of': String(first.runId) });
    expect(retry.conclusion).toBe('success');
    expect(h.gh.run(retry.runId).display_title).toBe(`Retry of #${first.runId}`);
    expect(statuses(retry.record)).toEqual(RETRIED_STATUSES);
    const dbtRun = retry.record?.steps[2];
    expect(dbtRun?.action).toBe('retry');
    expect(dbtRun?.executed).toMatch(/^dbt retry --state \S+\/dbt-run\/target$/);
    expect(executedNodes(retry, 'dbt-run')).toEqual(RETRIED_MODELS);
    expect(dbtRun?.nodes).toMatchObject({ merged: true, failed: [], skipped: [] });
    expect(retry.record?.steps[1]?.reusedFrom).toBe(`${first.runId}-1`);
    expect(retry.record?.lineage).toEqual(
      retryLineage(first.runId, first.runId, 1, 'dispatch', {
        mode: { kind: 'from-failure' },
        requestedBy: 'acme',
      }),
    );
    expect(retry.job.main?.outputs).toMatchObject({
      status: 'success',
      'retried-from': `${first.runId}-1`,
    });
  });

  it('retries with retry-mode all: every step runs as written', async () => {
    const { harness: h, schedule: first } = suite;
    h.scenario.failing = [];
    const all = await h.dispatch({ 'retry-of': String(first.runId), 'retry-mode': 'all' });
    expect(all.conclusion).toBe('success');
    expect(statuses(all.record)).toEqual(ALL_PASSED_STATUSES);
    expect(all.record?.steps[2]?.executed).toBe('dbt run');
    expect(executedNodes(all, 'dbt-run')).toHaveLength(8);
    expect(all.record?.lineage).toMatchObject({
      parent: `${first.runId}-1`,
      mode: { kind: 'all' },
    });
  });

  it('retries a retry from its immediate parent, and then has nothing left to retry', async () => {
    const { harness: h, schedule: first } = suite;
    h.scenario.failing = ['int_1_suppliers_2'];
    const retry1 = await h.dispatch({ 'retry-of': String(first.runId) });
    expect(retry1.conclusion).toBe('failure');
    expect(executedNodes(retry1, 'dbt-run')).toEqual(RETRIED_MODELS);
    expect(retry1.record?.steps[2]?.nodes?.failed.map((n) => n.id)).toEqual(
      modelIds(['int_1_suppliers_2']),
    );

    h.scenario.failing = [];
    const retry2 = await h.dispatch({ 'retry-of': String(retry1.runId) });
    expect(retry2.conclusion).toBe('success');
    expect(executedNodes(retry2, 'dbt-run')).toEqual(modelIds(['int_1_suppliers_2']));
    expect(retry2.record?.steps[1]).toMatchObject({
      status: 'reused',
      reusedFrom: `${first.runId}-1`,
    });
    expect(retry2.record?.lineage).toMatchObject(
      retryLineage(retry1.runId, first.runId, 2, 'dispatch'),
    );

    const nothing = await h.dispatch({
      'retry-of': `https://github.com/acme/warehouse/actions/runs/${retry2.runId}`,
    });
    expect(nothing.conclusion).toBe('success');
    expect(nothing.record?.nothingToRetry).toBe(true);
    expect(
      nothing.record?.steps.every((s) => s.status === 'reused' || s.status === 'skipped'),
    ).toBe(true);
    expect(nothing.record?.steps.some((s) => s.executed !== null)).toBe(false);
    expect(nothing.job.main?.stdout).toContain(`Nothing to retry: ${retry2.runId}-1 succeeded`);
    expect(nothing.record?.lineage).toMatchObject({ parent: `${retry2.runId}-1`, retryNumber: 3 });
  });

  it('resumes attempt 2 of a run ("Re-run failed jobs") from attempt 1', async () => {
    const { harness: h } = suite;
    h.scenario.failing = [...MODELS.failing];
    const attempt1 = await h.dispatch();
    expect(attempt1.conclusion).toBe('failure');
    h.scenario.failing = [];
    const attempt2 = await h.rerunFailed(attempt1.runId);
    expect(attempt2).toMatchObject({ runId: attempt1.runId, attempt: 2, conclusion: 'success' });
    expect(
      h.gh
        .artifacts(attempt1.runId)
        .map((a) => a.name)
        .sort(),
    ).toEqual(['gh-retry-nightly-1', 'gh-retry-nightly-2']);
    expect(attempt2.record?.id).toBe(`${attempt1.runId}-2`);
    expect(attempt2.record?.lineage).toMatchObject(
      retryLineage(attempt1.runId, attempt1.runId, 1, 'rerun'),
    );
    expect(statuses(attempt2.record)).toEqual(RETRIED_STATUSES);
    expect(executedNodes(attempt2, 'dbt-run')).toEqual(RETRIED_MODELS);
  });
});
