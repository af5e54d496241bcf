// Every run_results.json the emulator writes is checked against dbt's published v6 schema and
// compared, field by field, with real files written by dbt 1.5–1.11 (../shared/reference/dbt/).
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTempDir, readRunResults, runDbt, type RunResultsFile } from './dbt-process.js';
import { makeProject, type GeneratedProject } from './make-project.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const referenceDir = path.join(
  process.env.GH_RETRY_REFERENCE_DIR ?? path.resolve(repoRoot, '../shared/reference'),
  'dbt',
);
const available = existsSync(path.join(referenceDir, 'schemas', 'run-results-v6.json'));
if (!available) {
  console.warn(`[dbt emulator conformance] SKIPPED: reference data not found at ${referenceDir}`);
}

type Result = Record<string, unknown> & { status: string; unique_id: string };
type Artifact = {
  metadata: Record<string, unknown>;
  results: Result[];
  args: Record<string, unknown>;
};

const readReference = (name: string) =>
  JSON.parse(readFileSync(path.join(referenceDir, 'run_results', name), 'utf8')) as Artifact;
const keysOf = (value: object) => Object.keys(value).sort();
/** The first result of a real file that `keep` selects. */
const realResult = (name: string, keep: (result: Result) => boolean) =>
  readReference(name).results.find(keep)!;
const withStatus = (status: string) => (result: Result) => result.status === status;
const isSeed = (result: Result) => result.unique_id.startsWith('seed.');

/** The commands whose run_results.json is checked, each into its own --target-path. */
const SCENARIOS: [name: string, command: string, exitCode: number][] = [
  ['run', 'dbt run --target-path out/run', 1],
  ['build', 'dbt build --target-path out/build', 1],
  ['test', 'dbt test --target-path out/test', 1],
  ['seed', 'dbt seed --target-path out/seed', 0],
  ['snapshot', 'dbt snapshot --target-path out/snapshot', 0],
  ['compile', 'dbt compile --target-path out/compile', 0],
  ['fail-fast', 'dbt run --fail-fast --threads 1 --target-path out/fail-fast', 1],
  ['retry', 'dbt retry --state out/run --target-path out/retry', 1],
  ['nothing-to-do', 'dbt retry --state out/seed --target-path out/nothing-to-do', 0],
];

describe.skipIf(!available)('run_results.json conformance with dbt-core', () => {
  let project: GeneratedProject;
  let remove: () => void;
  const written = new Map<string, RunResultsFile>();
  const writtenResults = (name: string) => written.get(name)!.results as unknown as Result[];

  beforeAll(async () => {
    const temp = makeTempDir();
    remove = temp.remove;
    project = makeProject({ dir: temp.dir, models: 12, seed: 5, testsPerModel: 3 });
    const [stg1, stg2, stg3] = project.models as [string, string, string];
    mkdirSync(path.join(project.dir, 'snapshots'));
    writeFileSync(
      path.join(project.dir, 'snapshots', 'orders_snapshot.sql'),
      `{% snapshot orders_snapshot %}\n{{ config(target_schema='snapshots', unique_key='id', strategy='check', check_cols='all') }}\nselect * from {{ ref('${stg1}') }}\n{% endsnapshot %}\n`,
    );
    writeFileSync(
      path.join(project.dir, '.dbt-emulator.yml'),
      `fail:\n  ${stg1}: 'relation "raw.orders" does not exist'\n` +
        `fail_tests:\n  not_null_${stg2}_id: 3\nwarn_tests:\n  unique_${stg3}_id: 1\n`,
    );
    for (const [name, command, exitCode] of SCENARIOS) {
      const run = await runDbt(command, { cwd: project.dir });
      expect(run.exitCode, `${command}\n${run.stdout}\n${run.stderr}`).toBe(exitCode);
      written.set(name, readRunResults(project.dir, `out/${name}`));
    }
    writeFileSync(path.join(project.dir, '.dbt-emulator.yml'), `partial_success: [${stg3}]\n`);
    await runDbt('dbt run --target-path out/statuses', { cwd: project.dir });
    written.set('statuses', readRunResults(project.dir, 'out/statuses'));
    await runDbt('dbt seed --target-path out/v1.9', {
      cwd: project.dir,
      env: { DBT_EMULATOR_VERSION: '1.9.4' },
    });
    written.set('v1.9', readRunResults(project.dir, 'out/v1.9'));
  });

  afterAll(() => {
    remove();
  });

  it('writes files that validate against run-results v6 (draft 2020-12) for every command', () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    ajvFormats.default(ajv);
    const schema = JSON.parse(
      readFileSync(path.join(referenceDir, 'schemas', 'run-results-v6.json'), 'utf8'),
    ) as object;
    const validate = ajv.compile(schema);
    expect([...written.keys()]).toHaveLength(SCENARIOS.length + 2);
    for (const [name, file] of written) {
      expect(validate(file), `${name}: ${ajv.errorsText(validate.errors)}`).toBe(true);
    }
  });

  it('writes exactly the result keys of a real dbt 1.11 file, and metadata keys of the emulated version', () => {
    const real = readReference('dbt-1.11.6-run-error-skipped.v6.json');
    const realKeys = keysOf(real.results[0]!);
    for (const [name, file] of written) {
      for (const result of file.results) expect(keysOf(result), name).toEqual(realKeys);
      if (name !== 'v1.9') expect(keysOf(file.metadata)).toEqual(keysOf(real.metadata));
    }
    const older = readReference('dbt-1.9.4-build-error-custom-target-path.v6.json');
    expect(keysOf(written.get('v1.9')!.metadata)).toEqual(keysOf(older.metadata));
    expect(written.get('v1.9')!.args.warn_error_options).toEqual(older.args.warn_error_options);
  });

  it('writes skipped nodes exactly as dbt does', () => {
    const realModel = realResult('dbt-1.11.6-run-error-skipped.v6.json', withStatus('skipped'));
    const realTest = realResult('dbt-1.7.14-build-error-skipped.v5.json', withStatus('skipped'));
    const build = writtenResults('build');
    const model = build.find((r) => r.status === 'skipped' && r.unique_id.startsWith('model.'))!;
    const test = build.find((r) => r.status === 'skipped' && r.unique_id.startsWith('test.'))!;
    const shape = (r: Result) => ({
      ...r,
      unique_id: 'x',
      relation_name: typeof r.relation_name,
      thread_id: 'x',
    });
    expect(shape(model)).toEqual(shape(realModel));
    expect({ ...shape(test), batch_results: null }).toEqual({
      ...shape(realTest),
      batch_results: null,
    });
    expect(model.thread_id).toMatch(/^Thread-\d+ \(worker\)$/);
  });

  it('writes errors, failing tests, passing tests and seeds in the shape of real files', () => {
    const realError = realResult('dbt-1.11.6-run-error-skipped.v6.json', withStatus('error'));
    const realFail = realResult('dbt-1.5.6-test-fail.v4.json', withStatus('fail'));
    const realPass = realResult('dbt-1.9.0-build-all-success.v6.json', withStatus('pass'));
    const realSeed = realResult('dbt-1.9.0-build-all-success.v6.json', isSeed);
    const build = writtenResults('build');
    /** The value types (and nulls) of a result, with timing reduced to its names. */
    const types = (r: Result) =>
      Object.fromEntries(
        Object.entries(r).map(([k, v]) => [
          k,
          k === 'timing'
            ? (v as { name: string }[]).map((t) => t.name)
            : v === null
              ? null
              : typeof v,
        ]),
      );
    const error = build.find(withStatus('error'))!;
    expect(types(error)).toEqual(types(realError));
    expect(error.message).toMatch(
      /^Database Error in model \w+ \(models\/staging\/\w+\.sql\)\n {2}relation "raw\.orders" does not exist\n {2}compiled code at target\/run\//,
    );
    const fail = build.find(withStatus('fail'))!;
    const {
      compiled: _c,
      compiled_code: _cc,
      relation_name: _r,
      batch_results: _b,
      ...failV4
    } = types(fail);
    expect(failV4).toEqual(types(realFail));
    expect(fail.failures).toBe(3);
    expect(fail.message).toBe('Got 3 results, configured to fail if != 0');
    expect(types(build.find(withStatus('pass'))!)).toEqual(types(realPass));
    expect(types(build.find(isSeed)!)).toEqual(types(realSeed));
    expect(build.find(withStatus('warn'))?.message).toBe(
      'Got 1 result, configured to warn if != 0',
    );
  });

  it('names data tests like dbt: test.<project>.<type>_<model>_<args>.<10 hex>', () => {
    const ids = written.get('test')!.results.map((r) => r.unique_id);
    expect(ids.length).toBe(project.tests);
    for (const id of ids)
      expect(id).toMatch(/^test\.emulated_shop\.[a-z_]+_[a-z0-9_]+\.[0-9a-f]{10}$/);
    expect(
      ids.some(
        (id) =>
          id.includes('.accepted_values_') && id.includes('_status__placed__shipped__completed.'),
      ),
    ).toBe(true);
    expect(ids.some((id) => /\.relationships_\w+_id__id__ref_\w+_\./.test(id))).toBe(true);
    expect(ids).toContain(
      ids.find((id) => id.startsWith('test.emulated_shop.source_not_null_raw_events_id.')),
    );
  });

  it('records the args keys dbt 1.11 records for run, and the build-only keys of dbt 1.9 for build', () => {
    const realRun = readReference('dbt-1.11.6-run-error-skipped.v6.json').args;
    const realBuild = readReference('dbt-1.9.0-build-all-success.v6.json').args;
    const run = written.get('run')!.args;
    expect(keysOf(run).filter((k) => k !== 'target_path')).toEqual(keysOf(realRun));
    expect(run.target_path).toBe('out/run');
    const buildKeys = new Set([...Object.keys(realRun), ...Object.keys(realBuild), 'target_path']);
    expect(keysOf(written.get('build')!.args)).toEqual([...buildKeys].sort());
    expect(written.get('build')!.args).toMatchObject({
      which: 'build',
      resource_types: [],
      show: false,
    });
  });

  it('records fail-fast skips, synthesised statuses, retries and the nothing-to-do file as dbt does', () => {
    const failFast = written.get('fail-fast')!;
    expect(
      failFast.results.filter((r) => r.message === 'Skipping due to fail_fast').length,
    ).toBeGreaterThan(0);
    const statuses = new Set(written.get('statuses')!.results.map((r) => r.status));
    expect(statuses).toEqual(new Set(['success', 'partial success', 'skipped']));
    const retry = written.get('retry')!;
    expect(retry.args).toMatchObject({
      which: 'run',
      invocation_command: 'dbt retry --state out/run --target-path out/retry',
    });
    const nothing = written.get('nothing-to-do')!;
    expect(nothing.results).toEqual([]);
    expect(nothing.args.which).toBe('seed');
  });

  it('reads every real run_results.json (v4, v5, v6) the way dbt retry does', async () => {
    const files = readdirSync(path.join(referenceDir, 'run_results')).filter((f) =>
      f.endsWith('.json'),
    );
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const state = path.join(project.dir, 'state', file.replace(/\.json$/, ''));
      mkdirSync(state, { recursive: true });
      cpSync(path.join(referenceDir, 'run_results', file), path.join(state, 'run_results.json'));
      const real = readReference(file);
      const retryable = real.results.filter((r) =>
        ['error', 'fail', 'skipped', 'runtime error', 'partial success'].includes(r.status),
      );
      const retry = await runDbt(`dbt retry --state ${state} --target-path out/real`, {
        cwd: project.dir,
      });
      if (retryable.length === 0) {
        expect(retry.exitCode, file).toBe(0);
        expect(retry.stdout).toContain('Nothing to do.');
        expect(readRunResults(project.dir, 'out/real').args.which).toBe(real.args.which);
      } else {
        // The nodes belong to someone else's project: dbt stops at the first one it cannot find.
        expect(retry.exitCode, file).toBe(2);
        expect(
          retryable.map((r) => `Couldn't find ${r.unique_id.split('.')[0]} '${r.unique_id}'`),
        ).toContain(/Couldn't find .*'/.exec(retry.stdout)?.[0]);
      }
    }
  });
});
