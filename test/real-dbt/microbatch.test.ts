// A microbatch model on real dbt 1.11 (dbt-duckdb ≥ 1.10.1 on DuckDB ≥ 1.4): one daily batch
// fails, so the model ends `partial success` (exit 1 from dbt 1.10 on); `dbt retry` re-runs only
// the failed batch, and gh-retry's retry, which is `dbt retry`, does the same.
import { afterEach, describe, expect, it } from 'vitest';
import { makeLab, names, REAL_DBT_TIMEOUT, runIdOf, type Lab } from './lab.js';

let lab: Lab | undefined;
afterEach(() => lab?.remove());

const EVENTS = `{{ config(materialized='table', event_time='event_at') }}
select * from (values
  (1, timestamp '2025-01-01 10:00'),
  (2, timestamp '2025-01-02 10:00'),
  (3, timestamp '2025-01-03 10:00')
) t(id, event_at)
`;

/** Batch 2025-01-03 selects a column that does not exist while BATCH_FAIL=1. */
const DAILY = `{{ config(materialized='incremental', incremental_strategy='microbatch',
    event_time='event_at', batch_size='day', begin='2025-01-01') }}
{% set batch = model.get('batch') or {} %}
select id, event_at
{% if env_var('BATCH_FAIL', '0') == '1' and batch.get('id') == '20250103' %}, no_such_column{% endif %}
from {{ ref('events') }}
`;

/** The days whose batch dbt started, in the order printed. */
function batchesStarted(output: string): string[] {
  return [...output.matchAll(/START batch (\d{4}-\d{2}-\d{2})/g)].map((m) => m[1] ?? '');
}

describe('real dbt: a microbatch model with a failed batch', { timeout: REAL_DBT_TIMEOUT }, () => {
  it('the retry re-runs only the failed batch, as dbt retry does', async () => {
    lab = makeLab();
    lab.write('models/events.sql', EVENTS);
    lab.write('models/events_daily.sql', DAILY);
    lab.schedule([
      'dbt run --select events events_daily --event-time-start 2025-01-01 --event-time-end 2025-01-04',
    ]);
    const parent = await lab.cli(['run'], { BATCH_FAIL: '1' });
    expect(parent.exitCode).toBe(1);
    expect(batchesStarted(parent.stdout).sort()).toEqual([
      '2025-01-01',
      '2025-01-02',
      '2025-01-03',
    ]);
    const saved = lab.saved(runIdOf(parent), 'dbt-run');
    expect(names(saved).filter((n) => !n.startsWith('retry_lab-'))).toEqual([
      'events',
      'events_daily',
    ]);
    expect(saved.statuses).toMatchObject({ events: 'success', events_daily: 'partial success' });
    const retry = await lab.cli(['retry'], { BATCH_FAIL: '0' });
    expect(retry.exitCode).toBe(0);
    expect(batchesStarted(retry.stdout)).toEqual(['2025-01-03']);
    const rerun = lab.runResults();
    expect(rerun.invocationCommand).toMatch(/^dbt retry/);
    expect(names(rerun).filter((n) => !n.startsWith('retry_lab-'))).toEqual(['events_daily']);
    expect(rerun.statuses['events_daily']).toBe('success');
  });
});
