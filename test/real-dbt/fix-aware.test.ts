// Real dbt through the gh-retry CLI: a fix-aware dbt retry (dbt-core #10164). fct_orders has a bug
// (customer_id is null), so its not_null test fails in `dbt build` and dim_customers and its test are
// skipped. After the SQL is fixed, gh-retry's retry rebuilds fct_orders before the failed test; the
// same retry as plain `dbt retry` fails again. The same when the bug is in a macro fct_orders calls
// (dbt's state:modified covers macros). Node sets come from real dbt's run_results.json.
import { describe, expect, it } from 'vitest';
import { FLOOR_DBT } from '../../scripts/dbt-venv.mjs';
import { makeLab, names, REAL_DBT_TIMEOUT, runIdOf, useLab, type Lab } from './lab.js';

const HOOK = 'retry_lab-on-run-end-0';
const NOT_NULL = 'not_null_fct_orders_customer_id';
const FCT = 'models/fct_orders.sql';
const fctOrders = (customer: string) =>
  `{{ config(materialized='table') }}\nselect o.id, ${customer} as customer_id, o.amount, p.paid\nfrom {{ ref('stg_orders') }} o\nleft join {{ ref('stg_payments') }} p on p.order_id = o.id\n`;
/** A model nothing failed depends on. */
const SIDE = 'models/side_note.sql';
const BROKEN = fctOrders('null::integer');
const FIXED = fctOrders('o.customer_id');

/** A lab whose `dbt build` fails at the not_null test of fct_orders. */
function brokenLab(version?: string, fixAware = true): Lab {
  const lab = makeLab(version);
  lab.writePayments();
  lab.write(FCT, BROKEN);
  lab.write(SIDE, 'select 1 as x\n');
  lab.write(
    'gh-retry.yml',
    `name: nightly\nsteps:\n  - run: dbt build\n${fixAware ? '' : '    fix-aware: false\n'}`,
  );
  return lab;
}

/** A describe block whose tests share one broken lab (from `make`). */
function onBrokenLab(title: string, tests: (lab: () => Lab) => void, make = () => brokenLab()) {
  describe(title, { timeout: REAL_DBT_TIMEOUT }, () => {
    tests(useLab(make));
  });
}

async function failingParent(lab: Lab): Promise<string> {
  const run = await lab.cli(['run']);
  expect(run.exitCode).toBe(1);
  const parent = lab.saved(runIdOf(run), 'dbt-build');
  expect(names(parent, 'fail')).toEqual([NOT_NULL]);
  expect(names(parent, 'skipped')).toEqual(['assert_dim_customers_ok', 'dim_customers']);
  expect(lab.hasSaved(runIdOf(run), 'dbt-build', 'target/manifest.json')).toBe(true);
  return runIdOf(run);
}

describe(
  'real dbt: a fix-aware retry rebuilds the fixed model',
  { timeout: REAL_DBT_TIMEOUT },
  () => {
    let parent: string;
    const theLab = useLab(brokenLab, async (lab) => {
      parent = await failingParent(lab);
      lab.write(FCT, FIXED);
    });

    it('plan --json names the fixed model; plain dbt retry fails again on the stale table', async () => {
      const lab = theLab();
      const plan = JSON.parse((await lab.cli(['plan', '--json'])).stdout);
      expect(plan.steps[0].exec).toMatch(/^dbt retry --state /);
      expect(plan.steps[0].fixAware.added).toEqual(['model.retry_lab.fct_orders']);
      expect(plan.steps[0].fixAware.exec).toMatch(/^dbt build --select /);
      const plain = await lab.dbt([
        'retry',
        '--state',
        `.gh-retry/runs/${parent}/state/dbt-build/target`,
      ]);
      expect(plain.exitCode).toBe(1);
      const again = lab.runResults();
      expect(names(again, 'fail')).toEqual([NOT_NULL]); // fct_orders was not rebuilt
      expect(names(again)).not.toContain('fct_orders');
    });

    it('gh-retry retry passes, running the fixed model, the failed test and the skipped nodes', async () => {
      const lab = theLab();
      const retry = await lab.cli(['retry', parent]);
      expect(retry.exitCode).toBe(0);
      const rerun = lab.saved(runIdOf(retry), 'dbt-build');
      expect(rerun.which).toBe('build');
      expect(names(rerun)).toEqual(
        ['assert_dim_customers_ok', 'dim_customers', 'fct_orders', HOOK, NOT_NULL].sort(),
      );
      expect(names(rerun, 'fail', 'error', 'skipped')).toEqual([]);
      const shown = JSON.parse((await lab.cli(['show', '--json'])).stdout);
      expect(shown.steps[0].fixAware.added).toEqual(['model.retry_lab.fct_orders']);
      expect(shown.steps[0].fixAware.reason).toContain(
        `model fct_orders changed since run ${parent}`,
      );
    });
  },
);

onBrokenLab('real dbt: fix-aware retries that add nothing or follow dbt rules', (theLab) => {
  it('nothing modified, or only an unrelated model: exactly dbt retry', async () => {
    const lab = theLab();
    const parent = await failingParent(lab);
    const retryForm = `dbt retry --state ${lab.project}/.gh-retry/runs/${parent}/state/dbt-build/target`;
    const plan = JSON.parse((await lab.cli(['plan', '--json'])).stdout);
    expect(plan.steps[0].exec).toBe(retryForm);
    expect(plan.steps[0].fixAware.added).toEqual([]);
    lab.write(SIDE, 'select 2 as x\n');
    const retry = await lab.cli(['retry']);
    expect(retry.exitCode).toBe(1);
    expect(retry.stdout).toContain(retryForm);
    const rerun = lab.saved(runIdOf(retry), 'dbt-build');
    expect(rerun.invocationCommand).toMatch(/^dbt retry/);
    expect(names(rerun)).toEqual(
      ['assert_dim_customers_ok', 'dim_customers', HOOK, NOT_NULL].sort(),
    );
  });

  it('a fix in a seed the model reads rebuilds the seed and what is between; a chain: fix, retry, fix, retry', async () => {
    const lab = theLab();
    // The data has the bug: an order without a customer. dbt marks the seed modified by its
    // content; stg_orders (a view) and fct_orders lie between it and the failed test.
    const orders = (last: string) => `id,customer_id,amount\n1,1,10\n2,2,20\n${last}\n`;
    lab.write(FCT, FIXED);
    lab.write('seeds/raw_orders.csv', orders('3,,30'));
    await failingParent(lab);
    lab.write('seeds/raw_orders.csv', orders('3,,31')); // a fix that does not fix
    const first = await lab.cli(['retry']);
    expect(first.exitCode).toBe(1);
    const firstRun = lab.saved(runIdOf(first), 'dbt-build');
    expect(names(firstRun, 'success')).toEqual(
      ['fct_orders', HOOK, 'raw_orders', 'stg_orders'].sort(),
    );
    expect(names(firstRun, 'fail')).toEqual([NOT_NULL]);
    lab.write('seeds/raw_orders.csv', orders('3,1,31'));
    const second = await lab.cli(['retry']);
    expect(second.exitCode).toBe(0);
    const secondRun = lab.saved(runIdOf(second), 'dbt-build');
    expect(names(secondRun)).toEqual(
      [
        'assert_dim_customers_ok',
        'dim_customers',
        'fct_orders',
        HOOK,
        NOT_NULL,
        'raw_orders',
        'stg_orders',
      ].sort(),
    );
    expect(names(secondRun, 'fail', 'error', 'skipped')).toEqual([]);
  });
});

onBrokenLab('real dbt: a fix in a macro rebuilds the models that use it', (theLab) => {
  it('plain dbt retry fails again; gh-retry retry rebuilds fct_orders (state:modified covers macros) and passes', async () => {
    const lab = theLab();
    // fct_orders is right; the macro it calls has the bug, so its not_null test fails.
    const macro = (body: string) => `{% macro customer_key(column) %}${body}{% endmacro %}\n`;
    lab.write('macros/customer_key.sql', macro('null::integer'));
    lab.write(FCT, fctOrders("{{ customer_key('o.customer_id') }}"));
    const parent = await failingParent(lab);
    lab.write('macros/customer_key.sql', macro('{{ column }}'));
    const plain = await lab.dbt([
      'retry',
      '--state',
      `.gh-retry/runs/${parent}/state/dbt-build/target`,
    ]);
    expect(plain.exitCode).toBe(1);
    expect(names(lab.runResults(), 'fail')).toEqual([NOT_NULL]);
    expect(names(lab.runResults())).not.toContain('fct_orders');
    const retry = await lab.cli(['retry', parent]);
    expect(retry.exitCode).toBe(0);
    const rerun = lab.saved(runIdOf(retry), 'dbt-build');
    expect(names(rerun)).toEqual(
      ['assert_dim_customers_ok', 'dim_customers', 'fct_orders', HOOK, NOT_NULL].sort(),
    );
    expect(names(rerun, 'fail', 'error', 'skipped')).toEqual([]);
    const shown = JSON.parse((await lab.cli(['show', '--json'])).stdout);
    expect(shown.steps[0].fixAware.added).toEqual(['model.retry_lab.fct_orders']);
  });
});

onBrokenLab(
  'real dbt: fix-aware: false asks for exactly dbt retry',
  (theLab) => {
    it('the fixed model is not rebuilt and the test fails again', async () => {
      const lab = theLab();
      const parent = await failingParent(lab);
      lab.write(FCT, FIXED);
      const plan = JSON.parse((await lab.cli(['plan', '--json'])).stdout);
      expect(plan.steps[0].fixAware).toBeUndefined();
      expect(plan.steps[0].reason).toContain('fix-aware: false');
      const retry = await lab.cli(['retry', parent]);
      expect(retry.exitCode).toBe(1);
      expect(names(lab.saved(runIdOf(retry), 'dbt-build'), 'fail')).toEqual([NOT_NULL]);
    });
  },
  () => brokenLab(undefined, false),
);

onBrokenLab(
  `real dbt ${FLOOR_DBT}: the fix-aware form on the floor version`,
  (theLab) => {
    it('rebuilds the fixed model before the failed test', async () => {
      const lab = theLab();
      const parent = await failingParent(lab);
      lab.write(FCT, FIXED);
      const retry = await lab.cli(['retry', parent]);
      expect(retry.exitCode).toBe(0);
      const rerun = lab.saved(runIdOf(retry), 'dbt-build');
      expect(rerun.dbtVersion.startsWith(`${FLOOR_DBT}.`)).toBe(true);
      // dbt 1.8 writes no hook rows.
      expect(names(rerun, 'success', 'pass')).toEqual(
        ['assert_dim_customers_ok', 'dim_customers', 'fct_orders', NOT_NULL].sort(),
      );
      expect(names(rerun)).toEqual(names(rerun, 'success', 'pass'));
    });
  },
  () => brokenLab(FLOOR_DBT),
);
