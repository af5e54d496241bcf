// Ctrl-C while real dbt runs a slow model: gh-retry passes SIGINT to dbt, which writes the nodes
// that finished (and CANCELs the query in flight); the record is cancelled.
// `dbt retry` would leave out every node that had not finished (they are not in the file), so
// the retry runs the step as written and those nodes run. Asserted from real dbt's own files.
import { afterEach, describe, expect, it } from 'vitest';
import { startCli } from '../support/cli.js';
import { makeLab, names, REAL_DBT_TIMEOUT, type Lab } from './lab.js';

let lab: Lab | undefined;
afterEach(() => lab?.remove());

/** A Python model (run in dbt's own process by dbt-duckdb) that sleeps SLOW_SECONDS, then a child. */
const SLOW_MODEL = `import os
import time


def model(dbt, session):
    dbt.config(materialized="table")
    dbt.ref("stg_customers")
    time.sleep(float(os.environ.get("SLOW_SECONDS", "0")))
    return session.sql("select 1 as x")
`;

describe('real dbt: Ctrl-C mid-run', { timeout: REAL_DBT_TIMEOUT }, () => {
  it('the record is cancelled with what dbt finished, and the retry runs what did not', async () => {
    lab = makeLab();
    lab.writePayments();
    lab.write('models/slow_model.py', SLOW_MODEL);
    lab.write('models/after_slow.sql', "select * from {{ ref('slow_model') }}\n");
    expect((await lab.dbt(['seed'])).exitCode).toBe(0);
    lab.schedule(['dbt run']);
    const cli = startCli(['run'], { cwd: lab.project, env: lab.env({ SLOW_SECONDS: '600' }) });
    await new Promise<void>((resolve, reject) => {
      let output = '';
      cli.stdout.on('data', (data: Buffer) => {
        output += data.toString();
        if (/START python table model \S*slow_model/.test(output)) resolve();
      });
      void cli.then(() => {
        reject(new Error(`gh-retry ended before the slow model:\n${output}`));
      });
    });
    cli.kill('SIGINT');
    const parent = await cli;
    expect(parent.exitCode).toBe(130);
    expect(parent.stdout).toMatch(/CANCEL query model\.retry_lab\.slow_model/);
    const shown = JSON.parse((await lab.cli(['show', '--json'])).stdout);
    expect(shown.status).toBe('cancelled');
    expect(shown.steps[0], JSON.stringify(shown.steps[0])).toMatchObject({ status: 'cancelled' });
    const runId = String(shown.id);
    // dbt wrote the nodes that finished: the slow model's parent, never the slow model or its child.
    const saved = lab.saved(runId, 'dbt-run');
    expect(saved.statuses['stg_customers']).toBe('success');
    expect(Object.keys(saved.statuses)).not.toContain('slow_model');
    expect(Object.keys(saved.statuses)).not.toContain('after_slow');
    const plan = JSON.parse((await lab.cli(['plan', '--json'])).stdout) as {
      steps: { exec: string | null; reason: string }[];
    };
    expect(plan.steps[0]?.exec).toBe('dbt run');
    const retry = await lab.cli(['retry'], { SLOW_SECONDS: '0' });
    expect(retry.exitCode).toBe(0);
    const rerun = lab.runResults();
    expect(rerun.invocationCommand).toBe('dbt run');
    expect(names(rerun, 'success')).toEqual(expect.arrayContaining(['after_slow', 'slow_model']));
    expect(names(rerun, 'error', 'skipped')).toEqual([]);
  });
});
