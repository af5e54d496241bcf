// A retry never loses a failure: a step a retry leaves alone keeps the failure it had (status,
// exit code, node picture and state files), the run stays failed, and the next from-failure
// retry still retries it. A failed continue-on-error step is retried by a from-failure retry.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../core/run-record/schema.js';
import { scheduleRuns } from '../../test/support/schedule-runs.js';

const runs = scheduleRuns('gh-retry-kept');
const execute = (yaml: string) => runs.execute(yaml);
const retry = runs.retry;

const statuses = (record: RunRecord) => record.steps.map((s) => [s.id, s.status]);

describe('a step a retry leaves alone', () => {
  const yaml = `steps:
  - id: load
    run: test -f fixed-load
  - id: report
    run: echo report
`;

  it('keeps its failure after a retry --only of another step, and the run stays failed', async () => {
    const first = await execute(yaml);
    expect(statuses(first)).toEqual([
      ['load', 'failed'],
      ['report', 'skipped'],
    ]);
    const { record } = await retry(yaml, first.id, { kind: 'only', steps: ['report'] });
    expect(statuses(record)).toEqual([
      ['load', 'failed'],
      ['report', 'success'],
    ]);
    expect(record.status).toBe('failed');
    const load = record.steps[0]!;
    expect(load.executed).toBeNull();
    expect(load.exitCode).toBe(1);
    expect(load.reason).toContain(`still failed from run ${first.id}`);

    // The next from-failure retry still has something to retry: the kept failure.
    writeFileSync(path.join(runs.work(), 'fixed-load'), '');
    const next = await retry(yaml, record.id);
    expect(next.plan.nothingToRetry).toBe(false);
    expect(next.plan.steps.map((s) => [s.id, s.action])).toEqual([
      ['load', 'run'],
      ['report', 'run'],
    ]);
    expect(next.record.status).toBe('success');
  });
});

describe('a failed continue-on-error step', () => {
  const yaml = `steps:
  - id: build
    run: echo build
  - id: checks
    run: test -f fixed-checks
    continue-on-error: true
  - id: publish
    run: echo publish
`;

  it('is retried by a from-failure retry while the run keeps the conclusion the user asked for', async () => {
    const first = await execute(yaml);
    expect(first.status).toBe('success');
    expect(statuses(first)).toEqual([
      ['build', 'success'],
      ['checks', 'failed'],
      ['publish', 'success'],
    ]);
    const again = await retry(yaml, first.id);
    expect(again.plan.nothingToRetry).toBe(false);
    expect(again.plan.steps.map((s) => [s.id, s.action])).toEqual([
      ['build', 'reuse'],
      ['checks', 'run'],
      // It ran after a failure: it runs again, as after any failure.
      ['publish', 'run'],
    ]);
    expect(again.record.status).toBe('success');
    expect(statuses(again.record)[1]).toEqual(['checks', 'failed']);

    writeFileSync(path.join(runs.work(), 'fixed-checks'), '');
    const fixed = await retry(yaml, again.record.id);
    expect(statuses(fixed.record)[1]).toEqual(['checks', 'success']);
    // Nothing failed any more: the next from-failure retry has nothing to do.
    const done = await retry(yaml, fixed.record.id);
    expect(done.plan.nothingToRetry).toBe(true);
  });
});
