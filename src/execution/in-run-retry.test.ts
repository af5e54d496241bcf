// In-run retries through runSchedule with real processes: a stand-in dbt that fails a node once,
// an injected sleep to see the delays, retry-on, cancellation during a delay and attempt-timeout.
import { chmodSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { scheduleRuns } from '../../test/support/schedule-runs.js';

// A stand-in for dbt: `dbt run` fails model b (exit 1) until the file `warehouse-up` exists;
// `dbt retry --state DIR` re-runs only the failed node of DIR/run_results.json. Each call is logged.
const FAKE_DBT = `#!/bin/sh
echo "$*" >> calls.log
mkdir -p target
if [ "$1" = retry ]; then
  [ -f "$3/run_results.json" ] || { echo "no previous run in $3"; exit 2; }
  if [ -f warehouse-up ]; then status=success; code=0; else status=error; code=1; fi
  cat > target/run_results.json <<JSON
{"metadata": {"dbt_version": "1.11.0", "dbt_schema_version": "https://schemas.getdbt.com/dbt/run-results/v6.json"}, "args": {"which": "run"},
 "results": [{"unique_id": "model.p.b", "status": "$status", "message": "warehouse timeout"}]}
JSON
  exit $code
fi
cat > target/run_results.json <<JSON
{"metadata": {"dbt_version": "1.11.0", "dbt_schema_version": "https://schemas.getdbt.com/dbt/run-results/v6.json"}, "args": {"which": "run"},
 "results": [{"unique_id": "model.p.a", "status": "success", "message": null},
             {"unique_id": "model.p.b", "status": "error", "message": "warehouse timeout"},
             {"unique_id": "model.p.c", "status": "skipped", "message": null}]}
JSON
touch warehouse-up
exit 1
`;

const runs = scheduleRuns('gh-retry-inrun', FAKE_DBT);
const execute = runs.execute;

/** A sleep that only notes how long it was asked to wait. */
const recordingSleep = (waits: number[]) => (ms: number) => {
  waits.push(ms);
  return Promise.resolve();
};

const calls = () => readFileSync(path.join(runs.work(), 'calls.log'), 'utf8').trim().split('\n');

describe('in-run retries', () => {
  it('retries a failed dbt run with dbt retry from the state of the attempt that failed', async () => {
    const waits: number[] = [];
    const record = await execute(
      'steps:\n  - run: dbt run\n    retries: 2\n    retry-delay: { initial: 10s, max: 1m }\n',
      { sleep: recordingSleep(waits) },
    );
    const [step] = record.steps;
    const stateDir = path.join(runs.work(), '.gh-retry/runs', record.id, 'state/dbt-run/target');
    expect(calls()).toEqual(['run', `retry --state ${stateDir}`]);
    expect(waits).toEqual([10_000]);
    expect(step).toMatchObject({ status: 'success', attempts: 2, exitCode: 0 });
    expect(step?.attemptLog?.map((a) => [a.form, a.exitCode, a.nodes?.counts])).toEqual([
      ['as-written', 1, { success: 1, error: 1, skipped: 1 }],
      ['tool-retry', 0, { success: 1 }],
    ]);
    // The step's picture merges the attempts as a new-run retry merges: a from the first, b from
    // the retry (which is all this stand-in's retry re-ran).
    expect(step?.nodes).toMatchObject({ counts: { success: 2 }, merged: true });
    expect(step?.outputTail).toContain(
      `[gh-retry] attempt 1 exited 1; waiting 10s, then attempt 2 of 3: dbt retry --state ${stateDir}`,
    );
  });

  it("counts pytest's exit 5 (nothing left to run) as success for its --last-failed attempt", async () => {
    writeFileSync(
      path.join(runs.work(), 'bin/pytest'),
      `#!/bin/sh
echo "pytest $*" >> calls.log
[ "$1" = --last-failed ] && exit 5
mkdir -p .pytest_cache/v/cache
echo '{"tests/test_a.py::test_flaky": true}' > .pytest_cache/v/cache/lastfailed
exit 1
`,
    );
    chmodSync(path.join(runs.work(), 'bin/pytest'), 0o755);
    const record = await execute('steps:\n  - run: pytest\n    retries: 1\n');
    expect(calls()).toEqual(['pytest ', 'pytest --last-failed --last-failed-no-failures none']);
    expect(record.steps[0]).toMatchObject({ status: 'success', attempts: 2, exitCode: 5 });
  });

  it('grows the delay by its factor up to the cap', async () => {
    rmSync(path.join(runs.work(), 'bin/dbt'));
    writeFileSync(path.join(runs.work(), 'bin/dbt'), '#!/bin/sh\necho "$*" >> calls.log\nexit 2\n');
    chmodSync(path.join(runs.work(), 'bin/dbt'), 0o755);
    const waits: number[] = [];
    const record = await execute(
      'steps:\n  - run: dbt run\n    retries: 3\n    retry-delay: { initial: 20s, factor: 3, max: 1m }\n',
      { sleep: recordingSleep(waits) },
    );
    expect(waits).toEqual([20_000, 60_000, 60_000]);
    // exit 2 leaves no failed nodes: each retry runs as written.
    expect(calls()).toEqual(['run', 'run', 'run', 'run']);
    expect(record.steps[0]).toMatchObject({ status: 'failed', attempts: 4, exitCode: 2 });
  });

  it('does not retry a failure that retry-on does not match', async () => {
    const record = await execute(
      'steps:\n  - run: dbt run\n    retries: 2\n    retry-on:\n      exit-codes: [2]\n      dbt-errors: [deadlock]\n',
    );
    expect(calls()).toEqual(['run']);
    expect(record.steps[0]).toMatchObject({ status: 'failed', attempts: 1, exitCode: 1 });
    expect(record.steps[0]).not.toHaveProperty('attemptLog');
    expect(record.steps[0]?.outputTail).toContain(
      'attempt 1 exited 1, which matches none of retry-on (exit-codes 2; dbt-errors "deadlock"); not retried in this run',
    );
  });

  it('retries a failure that retry-on matches by its dbt error message', async () => {
    const record = await execute(
      'steps:\n  - run: dbt run\n    retries: 1\n    retry-on:\n      dbt-errors: ["/WAREHOUSE TIMEOUT/i"]\n',
    );
    expect(calls()).toHaveLength(2);
    expect(record.steps[0]).toMatchObject({ status: 'success', attempts: 2 });
  });

  it('stops at once when cancelled during a delay', async () => {
    const controller = new AbortController();
    const record = await execute(
      'steps:\n  - run: dbt run\n    retries: 2\n    retry-delay: 1h\n  - echo after\n',
      {
        signal: controller.signal,
        sleep: () => {
          controller.abort();
          return Promise.resolve();
        },
      },
    );
    expect(calls()).toEqual(['run']);
    expect(record.status).toBe('cancelled');
    expect(record.steps.map((s) => s.status)).toEqual(['cancelled', 'skipped']);
    expect(record.steps[0]?.attemptLog).toBeUndefined();
  });

  it('stops an attempt that runs past attempt-timeout and retries it', async () => {
    const slow = 'if [ -f once ]; then exit 0; fi; touch once; sleep 30';
    const record = await execute(
      `steps:\n  - run: '${slow}'\n    retries: 1\n    attempt-timeout: 1s\n`,
    );
    expect(record.steps[0]?.attemptLog?.map((a) => [a.exitCode, a.signal])).toEqual([
      [null, 'timeout'],
      [0, null],
    ]);
    expect(record.steps[0]).toMatchObject({ status: 'success', attempts: 2 });
  });
});
