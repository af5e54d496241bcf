// Ctrl-C while real dbt runs a slow model. gh-retry passes SIGINT to dbt, which CANCELs the query
// in flight, writes run_results.json with only the nodes that had finished and exits 2 (dbt-core
// task/runnable.py, `except (KeyboardInterrupt, SystemExit)`); the record is cancelled. `dbt retry`
// cannot resume from that file: the nodes that had not finished are not in it, so it says
// "Nothing to do" and exits 0 having run nothing. The plan says so and the retry runs the step as
// written, which runs them. Asserted from real dbt's own run_results.json, on 1.11 and 1.8.
import { expect } from 'vitest';
import { FLOOR_DBT, NEWEST_DBT } from '../../scripts/dbt-venv.mjs';
import { startCli } from '../support/cli.js';
import { names, testOnEachVersion } from './lab.js';

/** A table whose DuckDB query runs for minutes with SLOW_ROWS=10^12 (and is cancellable). */
const SLOW_MODEL = `{{ config(materialized='table') }}
-- depends_on: {{ ref('stg_customers') }}
select sum(i % 7) as n from range({{ env_var('SLOW_ROWS', '1') }}) as t(i)
`;

/** How long dbt may take to reach the slow model before the test gives up. */
const REACH_SLOW_MODEL_MS = 240_000;

/** Resolves when gh-retry's output shows dbt starting the slow model (its parent has finished). */
function slowModelStarted(cli: ReturnType<typeof startCli>): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => {
      reject(new Error(`dbt did not reach the slow model:\n${output}`));
    }, REACH_SLOW_MODEL_MS);
    cli.stdout.on('data', (data: Buffer) => {
      output += data.toString();
      if (/START sql table model \S*slow_model/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    });
    void cli.then(() => {
      clearTimeout(timer);
      reject(new Error(`gh-retry ended before the slow model:\n${output}`));
    });
  });
}

testOnEachVersion(
  [NEWEST_DBT, FLOOR_DBT],
  {
    describe: 'real dbt %s: Ctrl-C mid-run',
    test: 'the record is cancelled; dbt retry could not resume, so the retry runs the step as written',
  },
  async (lab) => {
    lab.writePayments();
    lab.write('models/slow_model.sql', SLOW_MODEL);
    lab.write('models/after_slow.sql', "select * from {{ ref('slow_model') }}\n");
    expect((await lab.dbt(['seed'])).exitCode).toBe(0);
    lab.schedule(['dbt run']);
    const cli = startCli(['run'], {
      cwd: lab.project,
      env: lab.env({ SLOW_ROWS: '1000000000000' }),
    });
    await slowModelStarted(cli);
    cli.kill('SIGINT');
    const parent = await cli;
    expect(parent.exitCode).toBe(130);
    expect(parent.stdout).toMatch(/CANCEL query model\.retry_lab\.slow_model/);
    const shown = JSON.parse((await lab.cli(['show', '--json'])).stdout);
    expect(shown.status).toBe('cancelled');
    expect(shown.steps[0]).toMatchObject({ status: 'cancelled' });
    // dbt exits 2 once the query is cancelled; a dbt slower than gh-retry's grace gets SIGTERM.
    expect([2, null]).toContain(shown.steps[0].exitCode);
    const runId = String(shown.id);

    // dbt wrote the nodes that finished, all successes: not the slow model, not its child.
    const saved = lab.saved(runId, 'dbt-run');
    expect(saved.statuses['stg_customers']).toBe('success');
    expect(names(saved)).not.toContain('slow_model');
    expect(names(saved)).not.toContain('after_slow');
    expect(names(saved, 'success')).toEqual(names(saved));
    const finished = names(saved).length;

    // Plain dbt retry from that file: "Nothing to do", exit 0, nothing run.
    const state = `.gh-retry/runs/${runId}/state/dbt-run/target`;
    const plain = await lab.dbt(['retry', '--state', state], { SLOW_ROWS: '1' });
    expect(plain.exitCode).toBe(0);
    expect(plain.stdout).toContain('Nothing to do');
    expect(names(lab.runResults())).toEqual([]);

    const plan = JSON.parse((await lab.cli(['plan', '--json'])).stdout) as {
      steps: { exec: string | null; reason: string }[];
    };
    expect(plan.steps[0]?.exec).toBe('dbt run');
    expect(plan.steps[0]?.reason).toMatch(
      /; dbt was interrupted \(it (exited 2|was stopped by SIGTERM)\)/,
    );
    expect(plan.steps[0]?.reason).toContain(
      `: on an interrupt dbt writes to run_results.json only the nodes that finished (${finished} nodes here)`,
    );
    expect(plan.steps[0]?.reason).toContain('it would say "Nothing to do" and exit 0');

    const retry = await lab.cli(['retry'], { SLOW_ROWS: '1' });
    expect(retry.exitCode).toBe(0);
    const rerun = lab.runResults();
    expect(rerun.invocationCommand).toBe('dbt run');
    expect(names(rerun, 'success')).toEqual(expect.arrayContaining(['after_slow', 'slow_model']));
    expect(names(rerun, 'error', 'skipped')).toEqual([]);
  },
);
