// Real dbt (newest pinned version) through the gh-retry CLI: `dbt run` fails on a missing input
// file; retries re-run exactly the failed and skipped nodes through `dbt retry`, then the later
// steps; a chain of retries accumulates progress (dbt-core #8848 never bites); after success there
// is nothing to retry. Node sets come from real dbt's own run_results.json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeLab, names, REAL_DBT_TIMEOUT, runIdOf, type Lab } from './lab.js';

const HOOK = 'retry_lab-on-run-end-0';

describe(
  'real dbt: dbt run fails, gh-retry retries from failure',
  { timeout: REAL_DBT_TIMEOUT },
  () => {
    let lab: Lab;
    const runs: string[] = [];
    beforeAll(() => {
      lab = makeLab();
      lab.schedule(['dbt seed', 'dbt run', 'dbt test']);
    });
    afterAll(() => {
      lab.remove();
    });

    it('the parent fails at dbt run: stg_payments error, its descendants skipped', async () => {
      const run = await lab.cli(['run']);
      expect(run.exitCode).toBe(1);
      runs.push(runIdOf(run));
      const parent = lab.saved(runs[0]!, 'dbt-run');
      expect(parent.which).toBe('run');
      expect(parent.dbtVersion.startsWith(`${lab.version}.`)).toBe(true);
      expect(names(parent, 'error')).toEqual(['stg_payments']);
      expect(names(parent, 'skipped')).toEqual(['dim_customers', 'fct_orders']);
      expect(names(parent, 'success')).toEqual([HOOK, 'stg_customers', 'stg_orders']);
      expect(run.stdout).toContain(`gh-retry retry ${runs[0]!}`);
      const shown = JSON.parse((await lab.cli(['show', '--json'])).stdout);
      expect(shown.steps.map((s: { status: string }) => s.status)).toEqual([
        'success',
        'failed',
        'skipped',
      ]);
      expect(shown.steps[1].nodes).toEqual({
        counts: { success: 2, error: 1, skipped: 2 }, // as dbt's own "PASS=2 ERROR=1 SKIP=2 TOTAL=5"
        failed: ['model.retry_lab.stg_payments'],
        skipped: ['model.retry_lab.fct_orders', 'model.retry_lab.dim_customers'],
      });
    });

    it('a retry with the file still missing re-runs exactly the failed and skipped nodes', async () => {
      const retry = await lab.cli(['retry']);
      expect(retry.exitCode).toBe(1);
      runs.push(runIdOf(retry));
      expect(retry.stdout).toContain('dbt retry --state');
      const rerun = lab.runResults();
      expect(rerun.which).toBe('run');
      expect(rerun.invocationCommand).toMatch(/^dbt retry/);
      expect(names(rerun)).toEqual(['dim_customers', 'fct_orders', HOOK, 'stg_payments']);
      expect(names(rerun, 'error')).toEqual(['stg_payments']);
      expect(lab.hasSaved(runs[1]!, 'dbt-seed')).toBe(false); // the seed was reused, not re-run
    });

    it('a retry of that retry still fails the same way', async () => {
      const retry = await lab.cli(['retry']);
      expect(retry.exitCode).toBe(1);
      runs.push(runIdOf(retry));
      expect(retry.stdout).toContain(`dbt retry --state ${lab.project}/.gh-retry/runs/${runs[1]!}`);
      expect(names(lab.saved(runs[2]!, 'dbt-run'), 'error', 'skipped')).toEqual([
        'dim_customers',
        'fct_orders',
        'stg_payments',
      ]);
    });

    it('with the file present, the third retry finishes the run, then runs dbt test', async () => {
      lab.writePayments();
      const retry = await lab.cli(['retry']);
      expect(retry.exitCode).toBe(0);
      runs.push(runIdOf(retry));
      const rerun = lab.saved(runs[3]!, 'dbt-run');
      expect(names(rerun)).toEqual(['dim_customers', 'fct_orders', HOOK, 'stg_payments']);
      expect(names(rerun, 'success')).toEqual(names(rerun));
      const tests = lab.saved(runs[3]!, 'dbt-test');
      expect(tests.which).toBe('test');
      expect(names(tests, 'warn')).toEqual([
        expect.stringMatching(/^accepted_values_stg_customers_name/),
      ]);
      const shown = JSON.parse((await lab.cli(['show', '--json'])).stdout);
      expect(shown.status).toBe('success');
      expect(shown.lineage.retryNumber).toBe(3);
      // The merged picture: all five models succeeded. Hooks are not nodes (as in dbt's TOTAL);
      // counting the hook row of the parent and of each retry gave 6 before.
      expect(shown.steps[1].nodes.counts).toEqual({ success: 5 });
    });

    it('a retry after success has nothing to retry and runs no dbt', async () => {
      const before = lab.runResults();
      const retry = await lab.cli(['retry']);
      expect(retry.exitCode).toBe(0);
      expect(retry.stdout).toContain('nothing to retry');
      expect(lab.runResults()).toEqual(before);
    });
  },
);
