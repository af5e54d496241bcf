// The demo on REAL dbt-core with dbt-duckdb (the retry_lab project of test/real-dbt): `dbt run`
// fails on a missing input file, the file arrives, and gh-retry retries from failure; then, for
// comparison, everything again. Called by scripts/demo.mjs when the pinned virtualenv is usable.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { dbtBinDir } from './dbt-venv.mjs';
import { demoCli, repoRoot, say, withoutDbtVariables } from './demo-cli.mjs';

/** Run the story on real dbt `version`; returns the problems found (empty when it went as expected). */
export function realDbtDemo(version) {
  const root = mkdtempSync(path.join(tmpdir(), 'gh-retry-demo-dbt-'));
  const work = path.join(root, 'project');
  const data = path.join(root, 'data');
  cpSync(path.join(repoRoot, 'test/real-dbt/retry-lab'), work, { recursive: true });
  mkdirSync(data);
  writeFileSync(
    path.join(work, 'gh-retry.yml'),
    'name: nightly-models\nsteps:\n  - dbt seed\n  - dbt run\n  - dbt test\n',
  );
  const env = {
    ...withoutDbtVariables(process.env),
    PATH: `${dbtBinDir(version)}${path.delimiter}${process.env.PATH ?? ''}`,
    DO_NOT_TRACK: '1',
    RETRY_LAB_DB: path.join(root, 'warehouse.duckdb'),
    LAB_DATA: data,
  };
  const { problems, expectRerunOf, gh, runResults } = demoCli({ work, env });
  const models = (file) =>
    file.results.map((r) => r.unique_id).filter((id) => id.startsWith('model.'));
  try {
    say(
      `== gh-retry demo — REAL dbt-core ${version} with dbt-duckdb (a DuckDB file as the warehouse) ==`,
    );
    say(`project: retry_lab (seeds, 5 models, data tests, an on-run-end hook) in ${work}`);
    say('failing on purpose: stg_payments reads payments.csv, which has not arrived yet\n');
    say('--- 1. gh-retry run ---');
    const first = gh(['run'], 1);
    const parent = runResults(first.id, 'dbt-run');
    const failed = parent.results
      .filter((r) => ['error', 'skipped'].includes(r.status))
      .map((r) => r.unique_id)
      .sort();
    say('\n--- 2. the file arrives ---');
    writeFileSync(path.join(data, 'payments.csv'), 'order_id,paid\n1,true\n2,true\n3,false\n');
    say('\n--- 3. gh-retry retry (from failure) ---');
    const retry = gh(['retry', first.id], 0);
    const rerun = models(runResults(retry.id, 'dbt-run')).sort();
    expectRerunOf(rerun, failed);
    say('\n--- 4. for comparison: gh-retry retry --all ---');
    const full = gh(['retry', first.id, '--all'], 0);
    say('\n== What the retry did ==');
    say(
      `  real dbt re-ran ${rerun.length} of ${models(parent).length} models (${rerun.join(', ')}); the seeds were reused`,
    );
    say(
      `retry from failure took ${(retry.ms / 1000).toFixed(1)}s; re-running everything took ${(full.ms / 1000).toFixed(1)}s (measured here, real dbt)`,
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  return problems;
}
