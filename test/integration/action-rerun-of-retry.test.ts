/**
 * The bundled Action in the GitHub emulator: "Re-run failed jobs" of a dispatched retry (a run with
 * retry-of) resumes from that run's previous attempt, whose record already carries the chain, and
 * reads the retry-of parent only when no earlier attempt left a usable record.
 */
import { describe, expect, it } from 'vitest';
import {
  executedNodes,
  FAILED_SCHEDULE_STATUSES,
  RETRIED_STATUSES,
  retryLineage,
  withFailedSchedule,
  modelIds,
  RETRIED_MODELS,
  statuses,
  type CompletedRun,
} from '../support/action/harness.js';

/** The one model the dispatched retry leaves failing. */
const STILL_FAILING = ['int_1_suppliers_2'];

describe('a native re-run of a dispatched retry', () => {
  const suite = withFailedSchedule();

  /** A retry of the failed schedule (retry-of) that fixes all but one model, so it fails too. */
  const failedRetry = async (): Promise<CompletedRun> => {
    const { harness: h, schedule } = suite;
    h.scenario.failing = [...STILL_FAILING];
    const retry = await h.dispatch({ 'retry-of': String(schedule.runId) });
    expect(retry.conclusion).toBe('failure');
    expect(executedNodes(retry, 'dbt-run')).toEqual(RETRIED_MODELS);
    expect(retry.record?.steps[2]?.nodes?.failed.map((n) => n.id)).toEqual(modelIds(STILL_FAILING));
    expect(retry.record?.lineage).toMatchObject(
      retryLineage(schedule.runId, schedule.runId, 1, 'dispatch'),
    );
    return retry;
  };

  it('starts from a failed schedule', () => {
    const { schedule } = suite;
    expect(schedule.conclusion).toBe('failure');
    expect(statuses(schedule.record)).toEqual(FAILED_SCHEDULE_STATUSES);
  });

  it("plans attempt 2 from the retry's attempt 1, not from the retry-of parent again", async () => {
    const { harness: h, schedule } = suite;
    const retry = await failedRetry();
    h.scenario.failing = [];
    const attempt2 = await h.rerunFailed(retry.runId);
    expect(attempt2).toMatchObject({ runId: retry.runId, attempt: 2, conclusion: 'success' });
    expect(attempt2.record?.id).toBe(`${retry.runId}-2`);
    expect(attempt2.record?.lineage).toEqual(
      retryLineage(retry.runId, schedule.runId, 2, 'rerun', {
        mode: { kind: 'from-failure' },
        requestedBy: 'acme',
      }),
    );
    // Only the model attempt 1 left failing runs again; the schedule's record would give three.
    expect(executedNodes(attempt2, 'dbt-run')).toEqual(modelIds(STILL_FAILING));
    expect(statuses(attempt2.record)).toEqual(RETRIED_STATUSES);
    expect(attempt2.record?.steps[1]?.reusedFrom).toBe(`${schedule.runId}-1`);
    expect(attempt2.record?.steps[2]).toMatchObject({
      action: 'retry',
      nodes: { merged: true, failed: [], skipped: [] },
    });
    expect(attempt2.record?.steps[2]?.executed).toMatch(/^dbt retry --state \S+\/dbt-run\/target$/);
    expect(attempt2.job.main?.outputs).toMatchObject({
      status: 'success',
      'retried-from': `${retry.runId}-1`,
    });
    const log = attempt2.job.main?.stdout ?? '';
    expect(log).toContain(
      `Attempt 2 of run ${retry.runId} is a re-run: retrying ${retry.runId}-1 (gh-retry-nightly-1), its latest attempt with a record, with mode from-failure (on-rerun); retry-of ${schedule.runId} is not read again`,
    );
    expect(log).not.toContain('the run named by retry-of');
  });

  it("falls back to the retry-of parent when the retry's attempt 1 left no usable record", async () => {
    const { harness: h, schedule } = suite;
    const retry = await failedRetry();
    const [artifact] = h.gh.artifacts(retry.runId);
    h.gh.expireArtifact(artifact!.id);
    h.scenario.failing = [];
    const attempt2 = await h.rerunFailed(retry.runId);
    expect(attempt2).toMatchObject({ attempt: 2, conclusion: 'success' });
    expect(attempt2.record?.lineage).toMatchObject(
      retryLineage(schedule.runId, schedule.runId, 1, 'rerun', { mode: { kind: 'from-failure' } }),
    );
    // Planned from the schedule's record: its failed and skipped models run again.
    expect(executedNodes(attempt2, 'dbt-run')).toEqual(RETRIED_MODELS);
    expect(attempt2.job.main?.stdout).toMatch(
      new RegExp(
        `Attempt 2 of run ${retry.runId} is a re-run, but the record of run ${retry.runId} expired on [0-9-]+: planning from the run named by retry-of \\(${schedule.runId}\\) instead`,
      ),
    );
    expect(attempt2.job.main?.stdout).toContain(
      `Retrying ${schedule.runId}-1 (gh-retry-nightly-1), the run named by retry-of`,
    );
  });

  it('passes over an attempt that stopped before the schedule, to the attempt before it', async () => {
    const { harness: h, schedule } = suite;
    const retry = await failedRetry();
    // Attempt 2 cannot look up its own run, so it stops before its first step (a record without steps).
    h.gh.failNext('actions/get-workflow-run', { status: 404, message: 'Not Found' });
    const attempt2 = await h.rerunFailed(retry.runId);
    expect(attempt2.conclusion).toBe('failure');
    expect(attempt2.record).toMatchObject({ id: `${retry.runId}-2`, steps: [] });

    h.scenario.failing = [];
    const attempt3 = await h.rerunFailed(retry.runId);
    expect(attempt3).toMatchObject({ attempt: 3, conclusion: 'success' });
    expect(attempt3.record?.lineage).toMatchObject(
      retryLineage(retry.runId, schedule.runId, 2, 'rerun'),
    );
    expect(executedNodes(attempt3, 'dbt-run')).toEqual(modelIds(STILL_FAILING));
    expect(attempt3.job.main?.stdout).toContain(
      `${retry.runId}-2 stopped before its first step; looking at the attempt before`,
    );
  });
});
