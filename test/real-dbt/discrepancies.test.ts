// Discrepancies between gh-retry's dbt adapter and real dbt (P1–P10 of the dbt retry ground truth),
// each reproduced with real dbt through the CLI. Every test here failed before the adapter fix it
// names: a false pass, a retry dbt rejected with exit 2, or a step that was not retried at all.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeLab, names, REAL_DBT_TIMEOUT, runIdOf, type Lab } from './lab.js';

let lab: Lab | undefined;
afterEach(() => lab?.remove());

/** The exec line gh-retry plans for a step of the last run. */
async function plannedExec(current: Lab, stepId: string): Promise<string | null> {
  const plan = JSON.parse((await current.cli(['plan', '--json'])).stdout) as {
    steps: { id: string; exec: string | null }[];
  };
  return plan.steps.find((step) => step.id === stepId)?.exec ?? null;
}

describe('real dbt: the adapter against dbt-core', { timeout: REAL_DBT_TIMEOUT }, () => {
  it('P1: a failed on-run-end hook is not a false pass (dbt retry would do nothing)', async () => {
    lab = makeLab();
    lab.writePayments();
    expect((await lab.dbt(['seed'])).exitCode).toBe(0); // the hook runs after seeds too
    lab.schedule(['dbt run']);
    const parent = await lab.cli(['run'], { HOOK_FAIL: '1' });
    expect(parent.exitCode).toBe(1);
    const parentResults = lab.runResults();
    expect(names(parentResults, 'error')).toEqual(['retry_lab-on-run-end-0']);
    expect(names(parentResults, 'success')).toHaveLength(5);
    // `dbt retry` here says "Nothing to do" and exits 0: the step runs as written instead.
    expect(await plannedExec(lab, 'dbt-run')).toBe('dbt run');
    const stillFailing = await lab.cli(['retry'], { HOOK_FAIL: '1' });
    expect(stillFailing.exitCode).toBe(1);
    expect(lab.runResults().invocationCommand).toBe('dbt run');
    const fixed = await lab.cli(['retry'], { HOOK_FAIL: '0' });
    expect(fixed.exitCode).toBe(0);
    expect(names(lab.runResults(), 'success')).toHaveLength(6);
  });

  it('P2: --warn-error after the subcommand is carried before retry, so the warn test still fails', async () => {
    lab = makeLab();
    lab.writePayments();
    lab.schedule(['dbt seed', 'dbt build --warn-error --exclude resource_type:snapshot']);
    const parent = await lab.cli(['run']);
    expect(parent.exitCode).toBe(1);
    const failing = names(lab.runResults(), 'fail');
    expect(failing).toEqual([expect.stringMatching(/^accepted_values_stg_customers_name/)]);
    const exec = await plannedExec(lab, 'dbt-build');
    expect(exec).toMatch(/^dbt --warn-error retry --state /);
    // Without it, dbt retry turns the failing test back into a warning and exits 0.
    const retry = await lab.cli(['retry']);
    expect(retry.exitCode).toBe(1);
    const rerun = lab.runResults();
    expect(rerun.invocationCommand).toMatch(/^dbt .*retry/);
    expect(names(rerun, 'fail')).toEqual(failing);
  });

  it('P3: a step with --state before the subcommand does not give --state twice', async () => {
    lab = makeLab();
    expect((await lab.dbt(['parse', '--target-path', 'prod'])).exitCode).toBe(0);
    lab.schedule(['dbt seed', 'dbt --state prod run']);
    expect((await lab.cli(['run'])).exitCode).toBe(1);
    expect(await plannedExec(lab, 'dbt-run')).toMatch(/^dbt retry --state \//);
    lab.writePayments();
    const retry = await lab.cli(['retry']);
    expect(retry.exitCode).toBe(0);
    expect(names(lab.runResults(), 'success')).toEqual([
      'dim_customers',
      'fct_orders',
      'retry_lab-on-run-end-0',
      'stg_payments',
    ]);
  });

  // dbt 1.11 writes no run_results.json when generate fails to compile (the target's file is the
  // seed's), so here the step runs as written either way; the unit tests cover a generate file.
  it('P5: a failed docs generate runs as written, so the catalog keeps every relation', async () => {
    lab = makeLab();
    lab.write(
      'models/boom.sql',
      "{% if execute and env_var('BOOM', '0') == '1' %}{{ exceptions.raise_compiler_error('boom') }}{% endif %}\nselect 1 as x\n",
    );
    lab.schedule(['dbt seed', 'dbt docs generate']);
    const parent = await lab.cli(['run'], { BOOM: '1' });
    expect(parent.exitCode).toBe(1);
    expect(lab.runResults().which).toBe('seed');
    expect(await plannedExec(lab, 'dbt-docs-generate')).toBe('dbt docs generate');
    const retry = await lab.cli(['retry'], { BOOM: '0' });
    expect(retry.exitCode).toBe(0);
    const catalog = JSON.parse(readFileSync(path.join(lab.project, 'target/catalog.json'), 'utf8'));
    expect(Object.keys(catalog.nodes as object)).toEqual(
      expect.arrayContaining(['seed.retry_lab.raw_customers', 'seed.retry_lab.raw_orders']),
    );
  });

  it('P9: --indirect-selection before the subcommand is recognised and retried', async () => {
    lab = makeLab();
    lab.schedule([
      'dbt seed',
      'dbt --indirect-selection cautious build --exclude resource_type:snapshot',
    ]);
    const parent = await lab.cli(['run']);
    expect(parent.exitCode).toBe(1);
    const first = runIdOf(parent);
    const stepId = 'dbt-build';
    expect(lab.hasSaved(first, stepId)).toBe(true);
    const failed = names(lab.runResults(), 'error', 'skipped');
    expect(failed).toContain('stg_payments');
    expect(await plannedExec(lab, stepId)).toMatch(
      /^dbt --indirect-selection cautious retry --state \//,
    );
    lab.writePayments();
    const retry = await lab.cli(['retry']);
    expect(retry.exitCode).toBe(0);
    const rerun = lab.runResults();
    expect(rerun.which).toBe('build');
    expect(names(rerun).filter((name) => !name.startsWith('retry_lab-'))).toEqual(failed);
  });

  it('P7: target-path in dbt_project.yml is where run_results.json is saved from', async () => {
    lab = makeLab();
    lab.write('dbt_project.yml', `${readLabFile(lab, 'dbt_project.yml')}\ntarget-path: build\n`);
    lab.schedule(['dbt seed', 'dbt run']);
    const parent = await lab.cli(['run']);
    expect(parent.exitCode).toBe(1);
    const saved = lab.saved(runIdOf(parent), 'dbt-run', 'build/run_results.json');
    expect(names(saved, 'error')).toEqual(['stg_payments']);
    expect(await plannedExec(lab, 'dbt-run')).toMatch(/^dbt retry --state \S+\/dbt-run\/build$/);
    lab.writePayments();
    expect((await lab.cli(['retry'])).exitCode).toBe(0);
    const rerun = lab.runResults('build/run_results.json');
    expect(rerun.invocationCommand).toMatch(/^dbt retry/);
    expect(names(rerun).filter((name) => !name.startsWith('retry_lab-'))).toEqual(
      names(saved, 'error', 'skipped'),
    );
  });

  it('P7: a target-path outside the project is refused with one line', async () => {
    lab = makeLab();
    const project = readLabFile(lab, 'dbt_project.yml');
    lab.write('dbt_project.yml', `${project}\ntarget-path: "../outside"\n`);
    lab.schedule(['dbt seed', 'dbt run']);
    const parent = await lab.cli(['run']);
    expect(parent.exitCode).toBe(1);
    const refusals = `${parent.stdout}\n${parent.stderr}`
      .split('\n')
      .filter((line) => line.includes('outside the dbt project'));
    // One line for each dbt step, each saying what was refused and why.
    expect(refusals).toEqual(
      ['dbt-seed', 'dbt-run'].map((id) =>
        expect.stringMatching(
          new RegExp(`^ *! ${id}: target-path "\\.\\./outside" in dbt_project\\.yml is outside`),
        ),
      ),
    );
    expect(await plannedExec(lab, 'dbt-run')).toBe('dbt run');
  });
});

function readLabFile(current: Lab, relative: string): string {
  return readFileSync(path.join(current.project, relative), 'utf8');
}
