/**
 * Fix-and-retry of a failing dbt test, on real dbt (the newest pinned version) and the small
 * `retry_lab` project: fct_orders has a bug, so its not_null test fails in `dbt build` and two
 * nodes are skipped; the SQL is then fixed. Measured side by side, each from its own copy of the
 * failed parent: gh-retry's fix-aware retry, against what a user does with `dbt retry` (it re-runs
 * the failed test against the stale table and fails again) followed by the whole `dbt build` they
 * fall back to. Node counts come from real dbt's run_results.json; hook rows are not nodes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { NEWEST_DBT } from '../scripts/dbt-venv.mjs';
import { makeLab, runIdOf, type Lab } from '../test/real-dbt/lab.js';
import { renderTextTable } from '../src/core/report/text-table.js';
import { runTimed } from './timed-process.js';

/** What one fix-and-retry cost each way. */
export interface FixAwareBench {
  readonly dbtVersion: string;
  readonly ghRetry: { readonly nodes: number; readonly wallMs: number; readonly passed: boolean };
  readonly dbtRetry: { readonly nodes: number; readonly wallMs: number; readonly passed: boolean };
  readonly fullBuild: { readonly nodes: number; readonly wallMs: number; readonly passed: boolean };
}

const FCT = 'models/fct_orders.sql';
const fctOrders = (customer: string) =>
  `{{ config(materialized='table') }}\nselect o.id, ${customer} as customer_id, o.amount, p.paid\nfrom {{ ref('stg_orders') }} o\nleft join {{ ref('stg_payments') }} p on p.order_id = o.id\n`;

/** Nodes (not hooks) in a run_results.json. */
function nodesIn(file: string): number {
  const data = JSON.parse(readFileSync(file, 'utf8')) as { results: { unique_id: string }[] };
  return data.results.filter((r) => !r.unique_id.startsWith('operation.')).length;
}

/** A lab whose gh-retry run failed at the not_null test, then fixed; returns the parent's id. */
async function failedThenFixed(lab: Lab, cli: readonly string[]): Promise<string> {
  lab.writePayments();
  lab.write(FCT, fctOrders('null::integer'));
  lab.schedule(['dbt build']);
  const run = await runTimed({
    file: 'node',
    args: [...cli, 'run'],
    cwd: lab.project,
    env: envOf(lab),
  });
  if (run.exitCode !== 1) throw new Error(`the failing parent exited ${run.exitCode}, not 1`);
  lab.write(FCT, fctOrders('o.customer_id'));
  return runIdOf({ exitCode: run.exitCode, stdout: run.stdout, stderr: run.stderr });
}

function envOf(lab: Lab): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [key, value] of Object.entries(lab.env())) if (value !== undefined) env[key] = value;
  return env;
}

/** Measure gh-retry's fix-aware retry and the dbt retry + full build fallback. */
export async function measureFixAware(params: {
  /** Node arguments that start the CLI (the bundle under measurement). */
  readonly cli: readonly string[];
}): Promise<FixAwareBench> {
  const ours = makeLab(NEWEST_DBT);
  const theirs = makeLab(NEWEST_DBT);
  try {
    await failedThenFixed(ours, params.cli);
    const parent = await failedThenFixed(theirs, params.cli);
    const results = (lab: Lab) => path.join(lab.project, 'target/run_results.json');
    const retry = await runTimed({
      file: 'node',
      args: [...params.cli, 'retry'],
      cwd: ours.project,
      env: envOf(ours),
    });
    const ghRetry = {
      nodes: nodesIn(results(ours)),
      wallMs: retry.wallMs,
      passed: retry.exitCode === 0,
    };
    const dbt = (args: string[]) =>
      runTimed({ file: 'dbt', args, cwd: theirs.project, env: envOf(theirs) });
    const plain = await dbt([
      'retry',
      '--state',
      `.gh-retry/runs/${parent}/state/dbt-build/target`,
    ]);
    const dbtRetry = {
      nodes: nodesIn(results(theirs)),
      wallMs: plain.wallMs,
      passed: plain.exitCode === 0,
    };
    const build = await dbt(['build']);
    const fullBuild = {
      nodes: nodesIn(results(theirs)),
      wallMs: build.wallMs,
      passed: build.exitCode === 0,
    };
    return { dbtVersion: NEWEST_DBT, ghRetry, dbtRetry, fullBuild };
  } finally {
    ours.remove();
    theirs.remove();
  }
}

/** The title and table printed for the part. */
export function renderFixAware(fix: FixAwareBench): string[] {
  const row = (name: string, r: FixAwareBench['ghRetry']) => [
    name,
    `${r.nodes}`,
    `${r.wallMs.toFixed(0)} ms`,
    r.passed ? 'passed' : 'failed',
  ];
  const fallback = {
    nodes: fix.dbtRetry.nodes + fix.fullBuild.nodes,
    wallMs: fix.dbtRetry.wallMs + fix.fullBuild.wallMs,
    passed: fix.fullBuild.passed,
  };
  return [
    `Fix-and-retry of a failing dbt test (real dbt ${fix.dbtVersion}, retry_lab)`,
    renderTextTable(
      ['retry', 'nodes', 'wall', 'result'],
      [
        row('gh-retry retry (fix-aware)', fix.ghRetry),
        row('dbt retry (fails again)', fix.dbtRetry),
        row('then dbt build (fallback)', fix.fullBuild),
        row('dbt retry + dbt build', fallback),
      ],
    ),
  ];
}
