// `dbt retry` end to end through the emulated executable: what runs, what is written, exit codes.
import { cpSync, existsSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  downstreamOf,
  makeTempDir,
  readRunResults,
  runDbt,
  statusesOf,
  type RunResultsFile,
} from './dbt-process.js';
import { makeProject, type GeneratedProject } from './make-project.mjs';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

/** A 20-model project whose first two staging models fail (neither is downstream of the other). */
function failingProject(): GeneratedProject & { failingIds: string[] } {
  const { dir, remove } = makeTempDir();
  cleanups.push(remove);
  const probe = makeProject({ dir, models: 20, seed: 7 });
  const fail = probe.models.filter((m) => m.startsWith('stg_')).slice(0, 2);
  const project = makeProject({ dir, models: 20, seed: 7, fail });
  return { ...project, failingIds: fail.map((m) => modelId(project, m)) };
}

const modelId = (project: GeneratedProject, name: string) => `model.${project.projectName}.${name}`;

function writeMarker(dir: string, yaml: string) {
  writeFileSync(path.join(dir, '.dbt-emulator.yml'), yaml);
}

function fix(dir: string) {
  unlinkSync(path.join(dir, '.dbt-emulator.yml'));
}

/** unique_ids a retry must run: the parent's error/fail/skipped/runtime error/partial success. */
function retryableIds(file: RunResultsFile): string[] {
  const retryable = ['error', 'fail', 'skipped', 'runtime error', 'partial success'];
  return file.results
    .filter((r) => retryable.includes(r.status))
    .map((r) => r.unique_id)
    .sort();
}

const idsOf = (file: RunResultsFile) => file.results.map((r) => r.unique_id).sort();

describe('dbt run fails, the project is fixed, dbt retry resumes', () => {
  it('exits 1, records the failed models as error and everything downstream as skipped', async () => {
    const project = failingProject();
    const run = await runDbt('dbt run', { cwd: project.dir });
    expect(run.exitCode).toBe(1);
    const failing = project.models.filter((m) => project.failing.includes(m));
    const downstream = downstreamOf(project.parents, failing);
    expect(downstream.size).toBeGreaterThan(0);
    const expected = Object.fromEntries(
      project.models.map((m) => [
        modelId(project, m),
        downstream.has(m) ? 'skipped' : failing.includes(m) ? 'error' : 'success',
      ]),
    );
    expect(statusesOf(readRunResults(project.dir))).toEqual(expected);
    const skip = downstream.size;
    expect(run.stdout).toContain('Completed with 2 errors, 0 partial successes, and 0 warnings:');
    expect(run.stdout).toContain(
      `Done. PASS=${20 - 2 - skip} WARN=0 ERROR=2 SKIP=${skip} NO-OP=0 TOTAL=20`,
    );
    expect(run.stdout.split('\n')[0]).toContain('gh-retry dbt emulator (simulated');
  });

  it('retries exactly the failed and skipped models, records args.which "run", and exits 0', async () => {
    const project = failingProject();
    const trace = path.join(project.dir, 'trace.jsonl');
    await runDbt('dbt run', { cwd: project.dir });
    const parent = readRunResults(project.dir);
    fix(project.dir);
    const retry = await runDbt('dbt retry', {
      cwd: project.dir,
      env: { DBT_EMULATOR_TRACE: trace },
    });
    expect(retry.exitCode).toBe(0);
    const child = readRunResults(project.dir);
    expect(idsOf(child)).toEqual(retryableIds(parent));
    expect(new Set(child.results.map((r) => r.status))).toEqual(new Set(['success']));
    expect(child.args.which).toBe('run');
    expect(child.args.invocation_command).toBe('dbt retry');
    const traced = readFileSync(trace, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { unique_id: string });
    expect(traced.map((t) => t.unique_id).sort()).toEqual(retryableIds(parent));
  });

  it('chains: a retry that fails again can be retried, and only what still failed runs', async () => {
    const project = failingProject();
    const [first, second] = project.failing as [string, string];
    await runDbt('dbt run', { cwd: project.dir });
    const parent = readRunResults(project.dir);
    writeMarker(project.dir, `fail:\n  ${second}: still broken\n`);
    const retry1 = await runDbt('dbt retry', { cwd: project.dir });
    expect(retry1.exitCode).toBe(1);
    const child1 = readRunResults(project.dir);
    expect(idsOf(child1)).toEqual(retryableIds(parent));
    expect(statusesOf(child1)[modelId(project, first)]).toBe('success');
    expect(statusesOf(child1)[modelId(project, second)]).toBe('error');
    fix(project.dir);
    const retry2 = await runDbt('dbt retry', { cwd: project.dir });
    expect(retry2.exitCode).toBe(0);
    const child2 = readRunResults(project.dir);
    expect(idsOf(child2)).toEqual(retryableIds(child1));
    expect(idsOf(child2).length).toBeLessThan(idsOf(child1).length);
    expect(child2.args.which).toBe('run');
  });

  it('after full success prints "Nothing to do", writes results [] and exits 0; the next retry exits 2', async () => {
    const project = failingProject();
    fix(project.dir);
    expect((await runDbt('dbt run', { cwd: project.dir })).exitCode).toBe(0);
    const noop = await runDbt('dbt retry', { cwd: project.dir });
    expect(noop.exitCode).toBe(0);
    expect(noop.stdout).toContain(
      'Nothing to do. Try checking your model configs and model specification args',
    );
    const written = readRunResults(project.dir);
    expect(written.results).toEqual([]);
    expect(written.args.which).toBe('run');
    const again = await runDbt('dbt retry', { cwd: project.dir });
    expect(again.exitCode).toBe(2);
    expect(again.stdout).toMatch(
      /Encountered an error:\nRuntime Error\n {2}Could not find previous run in 'target' target directory/,
    );
  });

  it('with --warn-error the Nothing-to-do warning is an error (exit 2)', async () => {
    const project = failingProject();
    fix(project.dir);
    await runDbt('dbt run', { cwd: project.dir });
    const retry = await runDbt('dbt retry --warn-error', { cwd: project.dir });
    expect(retry.exitCode).toBe(2);
    expect(retry.stdout).toContain('Compilation Error\n  Nothing to do.');
  });
});

describe('where dbt retry reads and writes', () => {
  it('exits 2 when no previous run exists, naming the directory it looked in', async () => {
    const project = failingProject();
    const cases: [string, string][] = [
      ['dbt retry', "'target'"],
      ['dbt retry --state walmart', "'walmart'"],
    ];
    for (const [command, shown] of cases) {
      const retry = await runDbt(command, { cwd: project.dir });
      expect(retry.exitCode).toBe(2);
      expect(retry.stdout).toContain(`Could not find previous run in ${shown} target directory`);
    }
  });

  it('reads --state DIR (or DBT_STATE) after dbt clean deleted target/, and writes to target/', async () => {
    const project = failingProject();
    await runDbt('dbt run', { cwd: project.dir });
    const parent = readRunResults(project.dir);
    cpSync(path.join(project.dir, 'target'), path.join(project.dir, 'saved'), { recursive: true });
    expect((await runDbt('dbt clean', { cwd: project.dir })).exitCode).toBe(0);
    expect(existsSync(path.join(project.dir, 'target'))).toBe(false);
    expect((await runDbt('dbt retry', { cwd: project.dir })).exitCode).toBe(2);
    fix(project.dir);
    const viaFlag = await runDbt('dbt retry --state saved', { cwd: project.dir });
    expect(viaFlag.exitCode).toBe(0);
    expect(idsOf(readRunResults(project.dir))).toEqual(retryableIds(parent));
    // The retry's own --state is not replayed into the rebuilt command's args.
    expect(readRunResults(project.dir).args.state).toBeUndefined();
    const viaEnv = await runDbt('dbt retry', {
      cwd: project.dir,
      env: { DBT_STATE: path.join(project.dir, 'saved') },
    });
    expect(viaEnv.exitCode).toBe(0);
    expect(idsOf(readRunResults(project.dir))).toEqual(retryableIds(parent));
  });

  it('follows --target-path and DBT_TARGET_PATH for reading and writing', async () => {
    const project = failingProject();
    const run = await runDbt('dbt run', { cwd: project.dir, env: { DBT_TARGET_PATH: 'custom' } });
    expect(run.exitCode).toBe(1);
    expect(existsSync(path.join(project.dir, 'target', 'run_results.json'))).toBe(false);
    const parent = readRunResults(project.dir, 'custom');
    expect(parent.args.target_path).toBe('custom');
    const lost = await runDbt('dbt retry', { cwd: project.dir });
    expect(lost.exitCode).toBe(2);
    expect(lost.stdout).toContain("Could not find previous run in 'target' target directory");
    fix(project.dir);
    const viaEnv = await runDbt('dbt retry', {
      cwd: project.dir,
      env: { DBT_TARGET_PATH: 'custom' },
    });
    expect(viaEnv.exitCode).toBe(0);
    expect(idsOf(readRunResults(project.dir, 'custom'))).toEqual(retryableIds(parent));
    writeMarker(project.dir, `fail:\n  ${project.failing[0] ?? ''}: broken again\n`);
    await runDbt('dbt run --target-path other', { cwd: project.dir });
    const other = readRunResults(project.dir, 'other');
    fix(project.dir);
    const viaFlag = await runDbt('dbt retry --target-path other', { cwd: project.dir });
    expect(viaFlag.exitCode).toBe(0);
    expect(idsOf(readRunResults(project.dir, 'other'))).toEqual(retryableIds(other));
    expect(readRunResults(project.dir, 'other').args.target_path).toBe('other');
  });
});

describe('errors around dbt retry', () => {
  it('rejects flags dbt retry does not take, like --select, with a click usage error (exit 2)', async () => {
    const project = failingProject();
    await runDbt('dbt run', { cwd: project.dir });
    for (const flag of ['--select stg_x', '--exclude stg_x', '-s stg_x', '--selector nightly']) {
      const retry = await runDbt(`dbt retry ${flag}`, { cwd: project.dir });
      expect(retry.exitCode).toBe(2);
      expect(retry.stderr).toMatch(
        /^Usage: dbt retry \[OPTIONS\]\nTry 'dbt retry -h' for help\.\n\nError: No such option: /,
      );
    }
  });

  it('an error before any node runs exits 2 and leaves the previous run_results.json in place', async () => {
    const project = failingProject();
    fix(project.dir);
    await runDbt('dbt run', { cwd: project.dir });
    const before = readFileSync(path.join(project.dir, 'target', 'run_results.json'), 'utf8');
    writeMarker(
      project.dir,
      'error_before_nodes: "Compilation Error in model x (models/x.sql)\\n  unexpected \'}\'"\n',
    );
    const run = await runDbt('dbt run', { cwd: project.dir });
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toContain(
      "Encountered an error:\nCompilation Error in model x (models/x.sql)\n  unexpected '}'",
    );
    expect(run.stdout).not.toContain('START');
    expect(readFileSync(path.join(project.dir, 'target', 'run_results.json'), 'utf8')).toBe(before);
  });

  it('exits 2 when a node to retry no longer exists in the project', async () => {
    const project = failingProject();
    await runDbt('dbt run', { cwd: project.dir });
    // A skipped leaf: deleting it leaves no dangling ref('...') behind.
    const referenced = new Set(Object.values(project.parents).flat());
    const skipped = readRunResults(project.dir).results.find(
      (r) => r.status === 'skipped' && !referenced.has(r.unique_id.split('.').pop()!),
    );
    expect(skipped).toBeDefined();
    const name = skipped!.unique_id.split('.').pop()!;
    rmSync(path.join(project.dir, 'models', 'intermediate', `${name}.sql`), { force: true });
    rmSync(path.join(project.dir, 'models', 'marts', `${name}.sql`), { force: true });
    fix(project.dir);
    const retry = await runDbt('dbt retry', { cwd: project.dir });
    expect(retry.exitCode).toBe(2);
    expect(retry.stdout).toContain(`Couldn't find model '${skipped!.unique_id}'`);
  });

  it.each([
    [
      'not JSON',
      '{ not json',
      /Could not read RunResultsArtifact at ".*run_results\.json" as JSON: /,
    ],
    [
      'an unknown schema version',
      JSON.stringify({
        metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/run-results/v7.json' },
        results: [],
        elapsed_time: 0,
      }),
      /Expected a schema version of "https:\/\/schemas\.getdbt\.com\/dbt\/run-results\/v6\.json" in .*run_results\.json, but found "https:\/\/schemas\.getdbt\.com\/dbt\/run-results\/v7\.json"\. Are you running with a different version of dbt\?/,
    ],
    [
      'a command dbt cannot retry',
      JSON.stringify({
        metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/run-results/v6.json' },
        results: [{ unique_id: 'model.emulated_shop.x', status: 'error' }],
        elapsed_time: 0,
        args: { which: 'show' },
      }),
      /cannot be retried/,
    ],
  ])('exits 2 when run_results.json is %s', async (_label, content, message) => {
    const project = failingProject();
    await runDbt('dbt run', { cwd: project.dir });
    writeFileSync(path.join(project.dir, 'target', 'run_results.json'), content);
    const retry = await runDbt('dbt retry', { cwd: project.dir });
    expect(retry.exitCode).toBe(2);
    expect(retry.stdout).toMatch(message);
  });
});

describe('what dbt retry replays', () => {
  it('replays the parent args; --vars and --threads override only when given; --target and --full-refresh are ignored', async () => {
    const project = failingProject();
    await runDbt(
      "dbt run --vars '{start_date: 2023-01-01}' --threads 3 --target prod --full-refresh",
      { cwd: project.dir },
    );
    const parent = readRunResults(project.dir);
    expect(parent.args).toMatchObject({
      vars: { start_date: '2023-01-01' },
      threads: 3,
      target: 'prod',
      full_refresh: true,
    });

    const plain = await runDbt('dbt retry --target dev', { cwd: project.dir });
    expect(plain.stdout).toContain("Concurrency: 3 threads (target='prod')");
    const child1 = readRunResults(project.dir);
    expect(child1.args).toMatchObject({
      which: 'run',
      vars: { start_date: '2023-01-01' },
      threads: 3,
      target: 'prod',
      full_refresh: true,
    });
    expect(child1.args.invocation_command).toBe('dbt retry --target dev');

    await runDbt("dbt retry --vars '{start_date: 2025-06-01}' --threads 1", { cwd: project.dir });
    const child2 = readRunResults(project.dir);
    expect(child2.args).toMatchObject({
      vars: { start_date: '2025-06-01' },
      threads: 1,
      target: 'prod',
    });
    const compiled = (
      readRunResults(project.dir).results as { compiled_code?: string | null }[]
    ).find((r) => r.compiled_code);
    expect(compiled?.compiled_code).toContain("'2025-06-01' <= current_date");
  });

  it('replays --fail-fast: the run stops at the first failure and the rest is skipped "due to fail_fast"', async () => {
    const project = failingProject();
    const run = await runDbt('dbt run --fail-fast --threads 1', { cwd: project.dir });
    expect(run.exitCode).toBe(1);
    const parent = readRunResults(project.dir);
    const failFast = parent.results.filter((r) => r.message === 'Skipping due to fail_fast');
    expect(failFast.length).toBeGreaterThan(0);
    expect(failFast.every((r) => r.status === 'skipped' && r.thread_id === 'MainThread')).toBe(
      true,
    );
    expect(parent.results).toHaveLength(20);
    expect(parent.args.fail_fast).toBe(true);
    const retry = await runDbt('dbt retry', { cwd: project.dir });
    expect(retry.exitCode).toBe(1);
    expect(readRunResults(project.dir).args.fail_fast).toBe(true);
  });

  it('retries warn only with --warn-error, where the warning becomes a failure', async () => {
    const { dir, remove } = makeTempDir();
    cleanups.push(remove);
    const project = makeProject({ dir, models: 6, seed: 3 });
    const stg = project.models[0]!;
    writeMarker(dir, `warn_tests:\n  not_null_${stg}_id: 2\n`);
    const build = await runDbt('dbt build', { cwd: dir });
    expect(build.exitCode).toBe(0);
    const warned = readRunResults(dir).results.filter((r) => r.status === 'warn');
    expect(warned.map((r) => r.failures)).toEqual([2]);
    expect(warned[0]?.message).toBe('Got 2 results, configured to warn if != 0');
    expect((await runDbt('dbt retry', { cwd: dir })).stdout).toContain('Nothing to do.');
    await runDbt('dbt build', { cwd: dir });
    const strict = await runDbt('dbt retry --warn-error', { cwd: dir });
    expect(strict.exitCode).toBe(1);
    const child = readRunResults(dir);
    expect(child.results.map((r) => [r.unique_id, r.status])).toEqual([
      [warned[0]!.unique_id, 'fail'],
    ]);
    expect(child.results[0]?.message).toBe('Got 2 results, configured to fail if != 0');
  });

  it('does not retry failed on-run-start/end hooks (operation.*), only the nodes', async () => {
    const project = failingProject();
    fix(project.dir);
    await runDbt('dbt run', { cwd: project.dir });
    const file = path.join(project.dir, 'target', 'run_results.json');
    const parent = JSON.parse(readFileSync(file, 'utf8')) as RunResultsFile;
    const [first] = parent.results;
    const hook = {
      ...first!,
      unique_id: 'operation.emulated_shop.emulated_shop-on-run-start-0',
      status: 'error',
    };
    parent.results = [hook, { ...first!, status: 'error' }];
    writeFileSync(file, JSON.stringify(parent));
    const retry = await runDbt('dbt retry', { cwd: project.dir });
    expect(retry.exitCode).toBe(0);
    expect(idsOf(readRunResults(project.dir))).toEqual([first!.unique_id]);
  });

  it('fail_times: 1 makes a node fail once, so a plain retry succeeds without editing the marker', async () => {
    const project = failingProject();
    writeMarker(project.dir, `fail:\n  ${project.failing[0] ?? ''}: flaky\nfail_times: 1\n`);
    expect((await runDbt('dbt run', { cwd: project.dir })).exitCode).toBe(1);
    expect((await runDbt('dbt retry', { cwd: project.dir })).exitCode).toBe(0);
  });
});
