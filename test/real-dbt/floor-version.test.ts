// The oldest supported dbt-core (the floor pin, 1.8): the retry loop and the case that differs most
// from newer versions (a failed hook is missing from run_results.json before 1.9), through the CLI.
import { afterEach, describe, expect, it } from 'vitest';
import { FLOOR_DBT } from '../../scripts/dbt-venv.mjs';
import { makeLab, names, REAL_DBT_TIMEOUT, type Lab } from './lab.js';

let lab: Lab | undefined;
afterEach(() => lab?.remove());

describe(`real dbt ${FLOOR_DBT}: the floor version`, { timeout: REAL_DBT_TIMEOUT }, () => {
  it('dbt run fails, the retry re-runs exactly the failed and skipped models', async () => {
    lab = makeLab(FLOOR_DBT);
    lab.schedule(['dbt seed', 'dbt run']);
    expect((await lab.cli(['run'])).exitCode).toBe(1);
    const parent = lab.runResults();
    expect(parent.dbtVersion.startsWith(`${FLOOR_DBT}.`)).toBe(true);
    expect(names(parent, 'error')).toEqual(['stg_payments']);
    expect(names(parent, 'skipped')).toEqual(['dim_customers', 'fct_orders']);
    lab.writePayments();
    const retry = await lab.cli(['retry']);
    expect(retry.exitCode).toBe(0);
    expect(retry.stdout).toContain('dbt retry --state');
    const rerun = lab.runResults();
    expect(rerun.which).toBe('run');
    expect(names(rerun)).toEqual(['dim_customers', 'fct_orders', 'stg_payments']);
    expect(names(rerun, 'success')).toEqual(names(rerun));
  });

  it('P1 on 1.8: a failed hook is not in run_results.json, so the step runs as written', async () => {
    lab = makeLab(FLOOR_DBT);
    lab.writePayments();
    expect((await lab.dbt(['seed'])).exitCode).toBe(0);
    lab.schedule(['dbt run']);
    expect((await lab.cli(['run'], { HOOK_FAIL: '1' })).exitCode).toBe(1);
    const parent = lab.runResults();
    expect(Object.values(parent.statuses)).toEqual(Array(5).fill('success'));
    const retry = await lab.cli(['retry'], { HOOK_FAIL: '1' });
    expect(retry.exitCode).toBe(1); // dbt retry would have said "Nothing to do" and exited 0
    expect(lab.runResults().invocationCommand).toBe('dbt run');
  });
});
