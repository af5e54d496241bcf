import { existsSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunRecord } from '../core/run-record/schema.js';
import type { RecordWriter, RunEvent } from '../ports/execution.js';
import { scheduleRuns } from '../../test/support/schedule-runs.js';

// A stand-in for dbt that writes target/run_results.json naming the sub-command that wrote it.
// With FAIL_EARLY set it exits 2 before writing anything, as dbt does on a parse error.
const FAKE_DBT = `#!/bin/sh
[ -n "$FAIL_EARLY" ] && exit 2
mkdir -p target
cat > target/run_results.json <<JSON
{"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/run-results/v6.json"},
 "results": [{"unique_id": "model.p.$1_node", "status": "success", "message": null}],
 "args": {"which": "$1"}}
JSON
`;

const runs = scheduleRuns('gh-retry-exec', FAKE_DBT);
const execute = runs.execute;
const retry = async (yaml: string, parentId: string) => (await runs.retry(yaml, parentId)).record;

const statuses = (record: RunRecord) => record.steps.map((s) => [s.id, s.status]);

describe('runSchedule', () => {
  it('stops at the first failed step, skips the rest, and saves the record', async () => {
    const record = await execute('steps:\n  - echo one\n  - exit 3\n  - echo three\n');
    expect(record.status).toBe('failed');
    expect(statuses(record)).toEqual([
      ['echo-one', 'success'],
      ['exit', 'failed'],
      ['echo-three', 'skipped'],
    ]);
    expect(record.steps[1]).toMatchObject({ exitCode: 3, attempts: 1, executed: 'exit 3' });
    expect(record.steps[0]?.outputTail).toBe('one\n');
    expect(record.lineage).toMatchObject({ parent: null, root: record.id, retryNumber: 0 });
    expect((await runs.store().loadRun(record.id)).record).toEqual(record);
  });

  it('goes on after a step that may continue on error, and the run counts as a success', async () => {
    const record = await execute(
      'steps:\n  - run: exit 1\n    continue-on-error: true\n  - echo after\n',
    );
    expect(statuses(record)).toEqual([
      ['exit', 'failed'],
      ['echo-after', 'success'],
    ]);
    expect(record.status).toBe('success');
  });

  it('re-runs a flaky step in place up to its retries', async () => {
    const flaky =
      'n=$(cat count 2>/dev/null || echo 0); n=$((n+1)); echo $n > count; echo "try $n"; [ $n -ge 3 ]';
    const record = await execute(`steps:\n  - id: flaky\n    run: '${flaky}'\n    retries: 2\n`);
    expect(record.steps[0]).toMatchObject({ status: 'success', attempts: 3, exitCode: 0 });
    expect(record.steps[0]?.outputTail).toContain(
      'try 1\n[gh-retry] attempt 1 exited 1; attempt 2 of 3 as written\ntry 2',
    );
    expect(record.steps[0]?.attemptLog?.map((a) => [a.number, a.form, a.exitCode])).toEqual([
      [1, 'as-written', 1],
      [2, 'as-written', 1],
      [3, 'as-written', 0],
    ]);
  });

  it('gives up after the retries are used', async () => {
    const record = await execute('steps:\n  - id: broken\n    run: exit 4\n    retries: 1\n');
    expect(record.steps[0]).toMatchObject({ status: 'failed', attempts: 2, exitCode: 4 });
  });

  it('saves each dbt step state before the next dbt command overwrites it', async () => {
    const record = await execute('steps:\n  - dbt seed\n  - dbt run\n');
    const [seed, run] = record.steps;
    expect(seed?.state.map((f) => f.stored)).toEqual(['dbt-seed/target/run_results.json']);
    expect(run?.state.map((f) => f.stored)).toEqual(['dbt-run/target/run_results.json']);
    const stateRoot = path.join(runs.work(), '.gh-retry/runs', record.id, 'state');
    const saved = (stored: string) => readFileSync(path.join(stateRoot, stored), 'utf8');
    expect(saved('dbt-seed/target/run_results.json')).toContain('"which": "seed"');
    expect(saved('dbt-run/target/run_results.json')).toContain('"which": "run"');
    expect(seed?.nodes).toMatchObject({ which: 'seed', counts: { success: 1 } });
    expect(run?.nodes).toMatchObject({ which: 'run', counts: { success: 1 } });
  });

  it('does not save as a dbt step state the results an earlier command left behind', async () => {
    const record = await execute('steps:\n  - dbt seed\n  - FAIL_EARLY=1 dbt run\n');
    const run = record.steps[1];
    expect(run).toMatchObject({ status: 'failed', exitCode: 2, state: [], nodes: null });
    expect(run?.outputTail).toContain(
      '[gh-retry] state file target/run_results.json not saved: the step did not write it (an earlier command left it there)',
    );
    expect(record.steps[0]?.nodes).toMatchObject({ which: 'seed', counts: { success: 1 } });
  });

  it('cancels the running step on abort, skips the rest, and still saves the record', async () => {
    const controller = new AbortController();
    const events: RunEvent[] = [];
    const saved: RunRecord[] = [];
    const recordWriter: RecordWriter = {
      saveRecord: async (r) => {
        saved.push(r);
        await runs.store().saveRecord(r);
      },
    };
    const running = execute('steps:\n  - echo one\n  - echo started; sleep 30\n  - echo three\n', {
      signal: controller.signal,
      events,
      recordWriter,
    });
    const poll = setInterval(() => {
      const started = events.some(
        (e) => e.kind === 'step-output' && e.chunk.text.includes('started'),
      );
      if (started) controller.abort();
    }, 20);
    const record = await running.finally(() => {
      clearInterval(poll);
    });
    expect(record.status).toBe('cancelled');
    expect(statuses(record)).toEqual([
      ['echo-one', 'success'],
      ['echo-started', 'cancelled'],
      ['echo-three', 'skipped'],
    ]);
    expect(saved.at(-1)).toEqual(record);
    // The record saved while the step ran already told the truth if gh-retry had died then.
    expect(saved[1]?.status).toBe('cancelled');
    expect(statuses(saved[1]!)).toEqual(statuses(record));
    expect((await runs.store().loadRun(record.id)).record.status).toBe('cancelled');
  });

  it('retries a custom step with its retry-with command after restoring its state', async () => {
    const yaml = `steps:
  - echo setup-ok
  - id: load
    run: echo "part-1" > progress.txt; exit 1
    retry-with: cat progress.txt; echo resumed
    state: [progress.txt]
  - echo done
`;
    const first = await execute(yaml);
    expect(first.steps[1]?.state.map((f) => f.path)).toEqual(['progress.txt']);
    rmSync(path.join(runs.work(), 'progress.txt'));
    const second = await retry(yaml, first.id);
    expect(second.status).toBe('success');
    expect(statuses(second)).toEqual([
      ['echo-setup-ok', 'reused'],
      ['load', 'success'],
      ['echo-done', 'success'],
    ]);
    expect(second.steps[0]?.reusedFrom).toBe(first.id);
    expect(second.steps[1]).toMatchObject({
      action: 'retry',
      executed: 'cat progress.txt; echo resumed',
    });
    expect(second.steps[1]?.outputTail).toBe('part-1\nresumed\n');
    expect(second.lineage).toMatchObject({ parent: first.id, root: first.id, retryNumber: 1 });
    expect(existsSync(path.join(runs.work(), 'progress.txt'))).toBe(true);
  });

  it('records a nothing-to-retry retry with every step reused from where it succeeded', async () => {
    const yaml = 'steps:\n  - echo a\n  - echo b\n';
    const first = await execute(yaml);
    const second = await retry(yaml, first.id);
    const third = await retry(yaml, second.id);
    expect(second).toMatchObject({ status: 'success', nothingToRetry: true });
    expect(third.steps.map((s) => [s.status, s.reusedFrom])).toEqual([
      ['reused', first.id],
      ['reused', first.id],
    ]);
    expect(third.lineage).toMatchObject({ parent: second.id, root: first.id, retryNumber: 2 });
  });
});
