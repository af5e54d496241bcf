// What both demos (scripts/demo.mjs on the dbt emulator, scripts/demo-real-dbt.mjs on real dbt)
// do with the bundled gh-retry CLI: run it with its output streaming through, time it, and note
// every way the story did not go as expected.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** The bundled CLI the demos run. */
export const cli = path.join(repoRoot, 'dist/cli/index.js');

export const say = (text = '') => process.stdout.write(`${text}\n`);

/** `source` without the DBT_* variables of the caller's own dbt setup. */
export function withoutDbtVariables(source) {
  return Object.fromEntries(Object.entries(source).filter(([key]) => !key.startsWith('DBT_')));
}

/**
 * The CLI in the project folder `work` with `env`: `gh(args, expectedExit)` runs it (returning the
 * run id and wall time), `runResults(id, step)` reads a step's saved run_results.json, `expect`
 * notes a problem in `problems` when a check fails (`expectRerunOf` the one every demo makes).
 */
export function demoCli({ work, env }) {
  const problems = [];
  const expect = (ok, what) => {
    if (!ok) problems.push(what);
  };
  const gh = (args, expectedExit) => {
    const started = performance.now();
    const result = spawnSync(process.execPath, [cli, ...args], {
      cwd: work,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const ms = performance.now() - started;
    process.stdout.write(result.stdout);
    expect(
      result.status === expectedExit,
      `gh-retry ${args.join(' ')} exits ${expectedExit} (got ${result.status})`,
    );
    return { id: /^run (r-\S+):/m.exec(result.stdout)?.[1] ?? 'last', ms };
  };
  /** The check of the story: dbt retry re-ran exactly the parent's failed and skipped nodes. */
  const expectRerunOf = (rerun, failedAndSkipped) =>
    expect(
      JSON.stringify([...rerun].sort()) === JSON.stringify([...failedAndSkipped].sort()),
      'dbt retry re-runs exactly the failed and skipped models',
    );
  const runResults = (id, step) =>
    JSON.parse(
      readFileSync(
        path.join(work, '.gh-retry/runs', id, 'state', step, 'target/run_results.json'),
        'utf8',
      ),
    );
  return { problems, expect, expectRerunOf, gh, runResults };
}
