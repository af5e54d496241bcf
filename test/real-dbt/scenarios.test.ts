// Real dbt (newest pinned version) through the gh-retry CLI, failures injected the way they reach
// users: failing data tests and models in `dbt build`, a bad seed row, a failing run-operation,
// flags in the parent, another project/profiles/target folder, and a connection error before any
// node ran. Node sets come from real dbt's own run_results.json.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeLab, names, readRunResults, REAL_DBT_TIMEOUT, runIdOf, type Lab } from './lab.js';

let lab: Lab | undefined;
afterEach(() => lab?.remove());

const BUILD = 'dbt build --exclude resource_type:snapshot';

async function plannedExec(current: Lab, stepId: string, cwd?: string): Promise<string | null> {
  const plan = JSON.parse((await current.cli(['plan', '--json'], {}, cwd)).stdout) as {
    steps: { id: string; exec: string | null }[];
  };
  return plan.steps.find((step) => step.id === stepId)?.exec ?? null;
}

describe('real dbt: failures as users meet them', { timeout: REAL_DBT_TIMEOUT }, () => {
  it('dbt build with a failing model and a failing data test: the retry re-runs exactly those', async () => {
    lab = makeLab();
    lab.schedule(['dbt seed', BUILD]);
    expect((await lab.cli(['run'], { TEST_FAIL: '1' })).exitCode).toBe(1);
    const parent = lab.runResults();
    expect(names(parent, 'error')).toEqual(['stg_payments']);
    const retried = names(parent, 'error', 'fail', 'skipped');
    expect(retried).toEqual(
      expect.arrayContaining(['assert_dim_customers_ok', 'dim_customers', 'fct_orders']),
    );
    lab.writePayments();
    expect((await lab.cli(['retry'], { TEST_FAIL: '1' })).exitCode).toBe(1);
    const second = lab.runResults();
    expect(second.invocationCommand).toMatch(/^dbt retry/);
    expect(names(second).filter((n) => !n.startsWith('retry_lab-'))).toEqual(retried);
    expect(names(second, 'fail')).toEqual(['assert_dim_customers_ok']);
    // The model is fixed; the test still fails until its input changes: it re-runs alone.
    expect((await lab.cli(['retry'], { TEST_FAIL: '0' })).exitCode).toBe(0);
    const third = lab.runResults();
    expect(names(third).filter((n) => !n.startsWith('retry_lab-'))).toEqual([
      'assert_dim_customers_ok',
    ]);
    expect(third.statuses['assert_dim_customers_ok']).toBe('pass');
  });

  it('a bad seed row: the seed and everything downstream re-run once the CSV is fixed', async () => {
    lab = makeLab();
    lab.writePayments();
    const orders = path.join(lab.project, 'seeds/raw_orders.csv');
    writeFileSync(orders, 'id,customer_id,amount\n1,1,10\n2,2,20\n3,1,abc\n');
    lab.schedule([BUILD]);
    expect((await lab.cli(['run'])).exitCode).toBe(1);
    const parent = lab.runResults();
    expect(names(parent, 'error')).toEqual(['raw_orders']);
    const retried = names(parent, 'error', 'skipped');
    expect(retried).toEqual(expect.arrayContaining(['dim_customers', 'fct_orders', 'stg_orders']));
    writeFileSync(orders, 'id,customer_id,amount\n1,1,10\n2,2,20\n3,1,30\n');
    expect((await lab.cli(['retry'])).exitCode).toBe(0);
    const rerun = lab.runResults();
    expect(rerun.which).toBe('build');
    expect(names(rerun).filter((n) => !n.startsWith('retry_lab-'))).toEqual(retried);
  });

  it('a failed run-operation is retried with dbt retry and the macro runs again', async () => {
    lab = makeLab();
    lab.schedule(['dbt run-operation maybe_fail']);
    const parent = await lab.cli(['run'], { OP_FAIL: '1' });
    expect(parent.exitCode).toBe(1);
    expect(lab.runResults().statuses).toEqual({ maybe_fail: 'error' });
    expect(await plannedExec(lab, 'dbt-run-operation')).toMatch(/^dbt retry --state \//);
    const retry = await lab.cli(['retry'], { OP_FAIL: '0' });
    expect(retry.exitCode).toBe(0);
    expect(retry.stdout).toContain('running maybe_fail');
    const rerun = lab.runResults();
    expect(rerun.which).toBe('run-operation');
    expect(rerun.statuses).toEqual({ maybe_fail: 'success' });
  });

  it('selection, vars, target, threads, full-refresh and fail-fast of the parent are replayed', async () => {
    lab = makeLab();
    expect((await lab.dbt(['seed', '--target', 'ci'])).exitCode).toBe(0);
    expect((await lab.dbt(['run', '-s', 'stg_customers', '--target', 'ci'])).exitCode).toBe(0);
    const run = `dbt run --select +dim_customers --exclude stg_customers --vars '{"day": "2026-12-01"}' --target ci --threads 2 --full-refresh --fail-fast`;
    lab.schedule([run]);
    expect((await lab.cli(['run'])).exitCode).toBe(1);
    const parent = lab.runResults();
    expect(names(parent)).not.toContain('stg_customers');
    const retried = names(parent, 'error', 'skipped');
    expect(await plannedExec(lab, 'dbt-run')).toMatch(
      /^dbt retry --state \S+ --vars '\{"day": "2026-12-01"\}' --threads 2$/,
    );
    lab.writePayments();
    expect((await lab.cli(['retry'])).exitCode).toBe(0);
    const rerun = lab.runResults();
    expect(names(rerun).filter((n) => !n.startsWith('retry_lab-'))).toEqual(retried);
    expect(rerun.args).toMatchObject({
      which: 'run',
      select: ['+dim_customers'],
      exclude: ['stg_customers'],
      target: 'ci',
      threads: 2,
      full_refresh: true,
      fail_fast: true,
      vars: { day: '2026-12-01' },
    });
  });

  it('--project-dir, --profiles-dir and DBT_TARGET_PATH: state is found and the retry writes there', async () => {
    lab = makeLab();
    const where = '--project-dir project --profiles-dir project';
    lab.schedule([`dbt seed ${where}`, `dbt run ${where}`], lab.root);
    const env = { DBT_TARGET_PATH: 'out' };
    const parent = await lab.cli(['run'], env, lab.root);
    expect(parent.exitCode).toBe(1);
    const first = runIdOf(parent);
    const saved = readRunResults(
      path.join(lab.root, '.gh-retry/runs', first, 'state/dbt-run/project/out/run_results.json'),
    );
    expect(names(saved, 'error')).toEqual(['stg_payments']);
    expect(await plannedExec(lab, 'dbt-run', lab.root)).toMatch(
      /^dbt retry --state \S+\/dbt-run\/project\/out --project-dir project --profiles-dir project$/,
    );
    lab.writePayments();
    expect((await lab.cli(['retry'], env, lab.root)).exitCode).toBe(0);
    const rerun = lab.runResults('out/run_results.json');
    expect(rerun.invocationCommand).toMatch(/^dbt retry/);
    expect(names(rerun).filter((n) => !n.startsWith('retry_lab-'))).toEqual(
      names(saved, 'error', 'skipped'),
    );
    expect(names(rerun, 'success')).toEqual(names(rerun));
  });

  it('a connection error before any node ran (exit 2) is re-run as written', async () => {
    lab = makeLab();
    lab.writePayments();
    expect((await lab.dbt(['seed'])).exitCode).toBe(0);
    lab.schedule(['dbt run']);
    const broken = { RETRY_LAB_DB: path.join(lab.root, 'no/such/dir/lab.duckdb') };
    const parent = await lab.cli(['run'], broken);
    expect(parent.exitCode).toBe(1);
    const shown = JSON.parse((await lab.cli(['show', '--json'])).stdout);
    expect(shown.steps[0]).toMatchObject({ status: 'failed', exitCode: 2 });
    expect(lab.runResults().which).toBe('seed'); // dbt wrote no run_results.json
    expect(await plannedExec(lab, 'dbt-run')).toBe('dbt run');
    expect((await lab.cli(['retry'])).exitCode).toBe(0);
    const rerun = lab.runResults();
    expect(rerun.invocationCommand).toBe('dbt run');
    expect(names(rerun, 'success')).toHaveLength(6);
  });
});
