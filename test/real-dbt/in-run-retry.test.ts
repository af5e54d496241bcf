// Real dbt (newest pinned version): a `dbt run` that fails on a transient problem (an input file
// that appears between attempts, as a warehouse comes back) is retried in the same run with
// `dbt retry` from the state of the attempt that failed; real dbt's run_results.json of the second
// attempt shows it re-ran only the failed and skipped nodes.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dbtBinDir } from '../../scripts/dbt-venv.mjs';
import { makeLab, names, REAL_DBT_TIMEOUT, type Lab } from './lab.js';

describe('real dbt: an in-run retry runs dbt retry', { timeout: REAL_DBT_TIMEOUT }, () => {
  let lab: Lab;
  let extra: Record<string, string>;
  beforeAll(() => {
    lab = makeLab();
    // A dbt wrapper first on PATH: a `dbt retry` finds the input file back, then real dbt runs.
    const shims = path.join(lab.root, 'shims');
    mkdirSync(shims);
    writeFileSync(
      path.join(shims, 'dbt'),
      `#!/bin/sh\nif [ "$1" = retry ]; then printf 'order_id,paid\\n1,true\\n2,true\\n3,false\\n' > "$LAB_DATA/payments.csv"; fi\nexec "${path.join(dbtBinDir(lab.version), 'dbt')}" "$@"\n`,
    );
    chmodSync(path.join(shims, 'dbt'), 0o755);
    extra = { PATH: `${shims}${path.delimiter}${lab.env().PATH ?? ''}` };
    lab.write(
      'gh-retry.yml',
      'steps:\n  - dbt seed\n  - run: dbt run\n    retries: 2\n    retry-on:\n      dbt-errors: ["No files found"]\n',
    );
  });
  afterAll(() => {
    lab.remove();
  });

  it('re-runs only the failed and skipped nodes on the second attempt, and succeeds', async () => {
    const run = await lab.cli(['run'], extra);
    expect(run.exitCode).toBe(0);
    // Real dbt's own report of the second attempt.
    const second = lab.runResults();
    expect(second.invocationCommand).toMatch(/^dbt retry --state /);
    expect(second.which).toBe('run');
    expect(names(second, 'error', 'skipped')).toEqual([]);
    expect(names(second, 'success')).toEqual(
      expect.arrayContaining(['dim_customers', 'fct_orders', 'stg_payments']),
    );
    expect(names(second)).not.toContain('stg_customers');
    expect(names(second)).not.toContain('stg_orders');
    const shown = JSON.parse((await lab.cli(['show', '--json'], extra)).stdout);
    const step = shown.steps[1];
    expect(step).toMatchObject({ id: 'dbt-run', status: 'success', exitCode: 0 });
    expect(
      step.attempts.map((a: { form: string; exitCode: number }) => [a.form, a.exitCode]),
    ).toEqual([
      ['as-written', 1],
      ['tool-retry', 0],
    ]);
    expect(step.attempts[0].nodes).toMatchObject({ error: 1, skipped: 2 });
    // The step's picture is merged: every model succeeded, none failed or skipped.
    expect(step.nodes.failed).toEqual([]);
    expect(step.nodes.skipped).toEqual([]);
    expect(step.nodes.counts.success).toBeGreaterThanOrEqual(5);
  });
});
