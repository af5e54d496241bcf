// How the emulator executes nodes: dbt build's test edges, statuses that skip or do not skip
// children, the marker file, the trace, and ctrl-c in the middle of a node.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { downstreamOf, makeTempDir, readRunResults, runDbt, statusesOf } from './dbt-process.js';
import { makeProject, type GeneratedProject } from './make-project.mjs';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function project(models = 12): GeneratedProject {
  const { dir, remove } = makeTempDir();
  cleanups.push(remove);
  return makeProject({ dir, models, seed: 21 });
}

const marker = (p: GeneratedProject, yaml: string) => {
  writeFileSync(path.join(p.dir, '.dbt-emulator.yml'), yaml);
};

/** A staging model with something downstream of it. */
const stagingWithChildren = (p: GeneratedProject) =>
  p.models.find((m) => m.startsWith('stg_') && downstreamOf(p.parents, [m]).size > 0)!;

describe('dbt build', () => {
  it('runs seeds, models and their tests; a failing test skips the models downstream and their tests', async () => {
    const p = project();
    const stg = stagingWithChildren(p);
    marker(p, `fail_tests:\n  not_null_${stg}_id: 4\n`);
    const build = await runDbt('dbt build', { cwd: p.dir });
    expect(build.exitCode).toBe(1);
    const statuses = statusesOf(readRunResults(p.dir));
    const byName = Object.fromEntries(
      Object.entries(statuses).map(([id, s]) => [id.split('.')[2], s]),
    );
    expect(byName[stg]).toBe('success');
    expect(byName[`not_null_${stg}_id`]).toBe('fail');
    expect(byName[`unique_${stg}_id`]).toBe('pass');
    for (const child of downstreamOf(p.parents, [stg])) {
      expect(byName[child], child).toBe('skipped');
      expect(byName[`unique_${child}_id`], child).toBe('skipped');
    }
    for (const seed of p.seeds) expect(byName[seed]).toBe('success');
    expect(Object.keys(statuses)).toHaveLength(p.models.length + p.seeds.length + p.tests);
    expect(build.stdout).toContain(`FAIL 4 not_null_${stg}_id`);
    expect(build.stdout).toContain(
      `Failure in test not_null_${stg}_id (models/staging/_staging__models.yml)\n`,
    );
  });

  it('runs each model before its tests, and the tests before what is downstream', async () => {
    const p = project();
    await runDbt('dbt build', { cwd: p.dir });
    const order = readRunResults(p.dir).results.map((r) => r.unique_id.split('.')[2]!);
    for (const [model, refs] of Object.entries(p.parents)) {
      const at = order.indexOf(model);
      expect(order.indexOf(`unique_${model}_id`)).toBeGreaterThan(at);
      for (const parent of refs) {
        expect(order.indexOf(parent), `${parent} before ${model}`).toBeLessThan(at);
        if (!parent.startsWith('raw_'))
          expect(order.indexOf(`unique_${parent}_id`)).toBeLessThan(at);
      }
    }
  });
});

describe('statuses', () => {
  it.each([
    ['partial success', 'partial_success', true],
    ['error', 'fail', true],
  ])('%s (marker %s) skips the children: %s', async (status, key, skipsChildren) => {
    const p = project();
    const stg = stagingWithChildren(p);
    marker(p, `${key}: [${stg}]\n`);
    const run = await runDbt('dbt run', { cwd: p.dir });
    expect(run.exitCode).toBe(1);
    const statuses = statusesOf(readRunResults(p.dir));
    expect(statuses[`model.emulated_shop.${stg}`]).toBe(status);
    const children = [...downstreamOf(p.parents, [stg])].map(
      (c) => statuses[`model.emulated_shop.${c}`],
    );
    expect(new Set(children)).toEqual(new Set([skipsChildren ? 'skipped' : 'success']));
  });

  it('rejects a marker with an unknown key, naming the allowed keys', async () => {
    const p = project();
    marker(p, 'fails: [x]\n');
    const run = await runDbt('dbt run', { cwd: p.dir });
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toContain('unknown key(s) fails; allowed: fail, fail_tests');
  });

  it('refuses a runtime_error marker: dbt gives that status only to source freshness', async () => {
    const p = project();
    marker(p, `runtime_error: [${stagingWithChildren(p)}]\n`);
    const run = await runDbt('dbt run', { cwd: p.dir });
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toContain(
      'runtime_error is not a status dbt gives models, seeds, snapshots or tests; use fail',
    );
  });
});

describe('observability and cancellation', () => {
  it('DBT_EMULATOR_TRACE appends one line per executed node, across invocations', async () => {
    const p = project();
    const trace = path.join(p.dir, 'trace.jsonl');
    const stg = stagingWithChildren(p);
    marker(p, `fail: [${stg}]\n`);
    await runDbt('dbt seed', { cwd: p.dir, env: { DBT_EMULATOR_TRACE: trace } });
    await runDbt('dbt run', { cwd: p.dir, env: { DBT_EMULATOR_TRACE: trace } });
    const lines = readFileSync(trace, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, string>);
    const skipped = downstreamOf(p.parents, [stg]);
    expect(lines.filter((l) => l.which === 'seed')).toHaveLength(p.seeds.length);
    const executed = lines.filter((l) => l.which === 'run').map((l) => l.unique_id?.split('.')[2]);
    expect(executed.sort()).toEqual(p.models.filter((m) => !skipped.has(m)).sort());
    expect(lines.find((l) => l.unique_id === `model.emulated_shop.${stg}`)).toMatchObject({
      status: 'error',
      invocation_command: 'dbt run',
    });
  });

  it('ctrl-c during a slow node writes the finished nodes, prints the interrupt, and exits 2', async () => {
    const p = project(6);
    await runDbt('dbt run', { cwd: p.dir });
    const order = readRunResults(p.dir).results.map((r) => r.unique_id.split('.')[2]!);
    const slow = order[2]!;
    marker(p, `sleep_ms:\n  ${slow}: 20000\n`);
    let signalled = false;
    const run = await runDbt('exec dbt run --threads 1', {
      cwd: p.dir,
      onStdout: (text, child) => {
        if (!signalled && text.includes(`START sql view model analytics.${slow} `)) {
          signalled = true;
          child.kill('SIGINT');
        }
      },
    });
    expect(signalled).toBe(true);
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toContain(`CANCEL query model.emulated_shop.${slow}`);
    expect(run.stdout).toContain('Exited because of keyboard interrupt');
    expect(run.stdout).toContain('Encountered an error:\nctrl-c');
    const written = readRunResults(p.dir).results.map((r) => r.unique_id.split('.')[2]);
    expect(written).toEqual(order.slice(0, 2));
  });
});
