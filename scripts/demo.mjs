#!/usr/bin/env node
// `npm run demo`: retry from failure on a dbt schedule, end to end, with the bundled gh-retry CLI.
// Real dbt on DuckDB when it can be installed (scripts/demo-real-dbt.mjs); otherwise dbt is
// SIMULATED by the emulator in test/dbt-emulator (no database, no real dbt). The script
// checks that the story went as expected and exits non-zero when it did not.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import process from 'node:process';
import { descendants } from '../test/support/dbt-projects.mjs';
import { cli, demoCli, repoRoot, say, withoutDbtVariables } from './demo-cli.mjs';

const { EMULATOR_BIN_DIR, makeProject } = await import(
  path.join(repoRoot, 'test/dbt-emulator/make-project.mjs')
);

const SCHEDULE = `name: nightly-models
steps:
  - dbt deps
  - dbt seed
  - dbt run
  - dbt test
`;
/** Each simulated model and seed takes this long (data tests take no time), so time saved shows. */
const NODE_MS = 400;

if (!existsSync(cli)) {
  say(`gh-retry demo: ${path.relative(repoRoot, cli)} is missing; run "npm run bundle" first`);
  process.exit(2);
}
// Real dbt when the pinned virtualenv can be made (created on first use, with progress);
// otherwise the simulated dbt below, saying why.
const { DbtVenvError, NEWEST_DBT, ensureDbtVenv } = await import('./dbt-venv.mjs');
try {
  ensureDbtVenv(NEWEST_DBT, (line) => say(line));
  const { realDbtDemo } = await import('./demo-real-dbt.mjs');
  const found = realDbtDemo(NEWEST_DBT);
  say(
    found.length === 0
      ? '\nThe demo went as expected.'
      : `\nThe demo did not go as expected:\n${found.map((p) => `  - ${p}`).join('\n')}`,
  );
  process.exit(found.length === 0 ? 0 : 1);
} catch (error) {
  if (!(error instanceof DbtVenvError)) throw error;
  say(`real dbt is not available (${error.message}); falling back to the SIMULATED dbt\n`);
}
const work = mkdtempSync(path.join(tmpdir(), 'gh-retry-demo-'));
const env = {
  ...withoutDbtVariables(process.env),
  PATH: `${EMULATOR_BIN_DIR}${path.delimiter}${process.env.PATH ?? ''}`,
};
const { problems, expect, expectRerunOf, gh, runResults } = demoCli({ work, env });
try {
  main();
} finally {
  rmSync(work, { recursive: true, force: true });
}
if (problems.length > 0) {
  say(`\nThe demo did not go as expected:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  process.exit(1);
}
say('\nThe demo went as expected.');

function main() {
  const project = setUpProject();
  say(
    '== gh-retry demo — dbt here is SIMULATED by the dbt emulator (test/dbt-emulator), not real dbt ==',
  );
  say(`project: ${project.models.length} models, ${project.tests} data tests, in ${work}`);
  say(`failing on purpose: ${project.failing.join(', ')} (and everything downstream is skipped)\n`);

  say('--- 1. gh-retry run ---');
  const first = gh(['run'], 1);
  const firstRun = showJson(first.id);
  const failedRun = firstRun.steps.find((s) => s.id === 'dbt-run');
  expect(failedRun?.status === 'failed', 'the first run fails at dbt run');

  say('\n--- 2. "fix" the models: take the failures out of the emulator\'s marker file ---');
  // Only the failures go; the simulated nodes take as long as before, so timings stay comparable.
  writeFileSync(path.join(work, '.dbt-emulator.yml'), sleepMarker(project));

  say('\n--- 3. gh-retry retry (from failure) ---');
  const retry = gh(['retry', first.id], 0);
  const retried = showJson(retry.id);
  const rerun = runResults(retry.id, 'dbt-run');
  const rerunIds = rerun.results.map((r) => r.unique_id);
  expectRerunOf(rerunIds, [...failedRun.nodes.failed, ...failedRun.nodes.skipped]);

  say('\n--- 4. for comparison: gh-retry retry --all (what re-running everything costs) ---');
  const full = gh(['retry', first.id, '--all'], 0);

  say('\n== What the retry did ==');
  for (const step of retried.steps) say(`  ${describeStep(step, first.id)}`);
  say(
    `  dbt retry re-ran ${rerunIds.length} of ${project.models.length} models: ${failedRun.nodes.failed.length} failed + ${failedRun.nodes.skipped.length} skipped downstream`,
  );
  const saved = full.ms - retry.ms;
  say(
    `\nretry from failure took ${seconds(retry.ms)}; re-running everything took ${seconds(full.ms)}`,
  );
  say(
    `time saved: ${seconds(saved)} (${Math.round((100 * saved) / full.ms)}%) — measured on this machine, simulated dbt`,
  );
  expect(retried.status === 'success', 'the retry succeeds');
  expect(
    retried.steps.map((s) => s.status).join() === 'success,reused,success,success',
    'deps runs, seed is reused, run and test succeed',
  );
  expect(saved > 0, 'retrying from failure is faster than re-running everything');
}

function setUpProject() {
  // Two failing models, neither downstream of the other, each with models downstream of it.
  const probe = makeProject({ dir: work, models: 20 });
  const below = (model) => descendants(probe, model);
  const candidates = probe.models.filter((m) => below(m).length > 0 && below(m).length < 5);
  const a = candidates[0];
  const b = candidates.find((m) => m !== a && !below(a).includes(m) && !below(m).includes(a));
  const project = makeProject({ dir: work, models: 20, fail: [a, b] });
  const marker = path.join(work, '.dbt-emulator.yml');
  writeFileSync(marker, `${readFileSync(marker, 'utf8')}${sleepMarker(project)}`);
  writeFileSync(path.join(work, 'gh-retry.yml'), SCHEDULE);
  return project;
}

/** The emulator marker's `sleep_ms` section: models and seeds take NODE_MS, tests no time. */
function sleepMarker(project) {
  const nodes = [...project.seeds, ...project.models].map((name) => `  ${name}: ${NODE_MS}\n`);
  return `sleep_ms:\n  default: 0\n${nodes.join('')}`;
}

function showJson(id) {
  const result = spawnSync(process.execPath, [cli, 'show', id, '--json'], {
    cwd: work,
    env,
    encoding: 'utf8',
  });
  return JSON.parse(result.stdout);
}

function describeStep(step, firstId) {
  switch (step.status) {
    case 'reused':
      return `reused   ${step.id} (succeeded in ${firstId})`;
    default:
      return `${step.executed?.startsWith('dbt retry') ? 'retried ' : 'ran     '} ${step.id}: ${step.executed} → ${step.status}`;
  }
}

function seconds(ms) {
  return `${(ms / 1000).toFixed(1)}s`;
}
