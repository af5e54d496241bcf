import { describe, expect, it } from 'vitest';
import { aFailedDbtRunStep, aSavedStateFile, aStepSpec } from '../../../test/support/run-record.js';
import {
  itFindsRetryForms,
  itFindsStatePaths,
  itRecognises,
} from '../../../test/support/tool-cases.js';
import type { StepRecord } from '../run-record/schema.js';
import { retryFormFor } from './index.js';

describe('dbt recognition', () => {
  itRecognises([
    ['dbt build', 'dbt'],
    ['dbt run --select x', 'dbt'],
    ['dbt test', 'dbt'],
    ['dbt seed --full-refresh', 'dbt'],
    ['dbt snapshot', 'dbt'],
    ['dbt compile', 'dbt'],
    ['dbt clone --state prod', 'dbt'],
    ['dbt docs generate', 'dbt'],
    ['dbt run-operation grant_select', 'dbt'],
    ['uv run dbt run', 'dbt'],
    ['DBT_TARGET_PATH=out dbt --debug run', 'dbt'],
    ['dbt deps', null],
    ['dbt docs serve', null],
    ['dbt source freshness', null],
    ['dbt ls', null],
    ['dbt show --select x', null],
    ['dbt retry', null],
    ['dbt run && dbt test', null],
    ['dbt run | tee log', null],
  ]);
});

describe('dbt state paths', () => {
  /** dbt writes both files it is retried from to its target path. */
  const inTarget = (dir: string) => [`${dir}/run_results.json`, `${dir}/manifest.json`];
  itFindsStatePaths('$run with $env → $paths', [
    { run: 'dbt run', env: {}, paths: inTarget('target') },
    { run: 'dbt run --target-path out', env: {}, paths: inTarget('out') },
    { run: 'dbt run --target-path=out/x', env: {}, paths: inTarget('out/x') },
    { run: 'dbt --target-path out run', env: {}, paths: inTarget('out') },
    { run: 'dbt run --project-dir transform', env: {}, paths: inTarget('transform/target') },
    {
      run: 'dbt run --project-dir ./transform/ --target-path ../artifacts',
      env: {},
      paths: inTarget('artifacts'),
    },
    { run: 'dbt run', env: { DBT_TARGET_PATH: 'env-target' }, paths: inTarget('env-target') },
    {
      run: 'dbt run',
      env: { DBT_PROJECT_DIR: 'proj', DBT_TARGET_PATH: 't' },
      paths: inTarget('proj/t'),
    },
    { run: 'dbt run --target-path flag', env: { DBT_TARGET_PATH: 'env' }, paths: inTarget('flag') },
    {
      run: 'DBT_TARGET_PATH=inline dbt run',
      env: { DBT_TARGET_PATH: 'env' },
      paths: inTarget('inline'),
    },
    { run: 'dbt run --target-path "$OUT"', env: { OUT: 'from-var' }, paths: inTarget('from-var') },
    { run: 'dbt run --target-path /tmp/target', env: {}, paths: [] },
    { run: 'dbt run --project-dir ..', env: {}, paths: [] },
    { run: 'dbt deps', env: {}, paths: [] },
  ]);
});

const RESULTS = (which: string, statuses: string[] = ['success', 'error', 'skipped']): string =>
  JSON.stringify({
    metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/run-results/v6.json' },
    results: statuses.map((status, index) => ({
      status,
      unique_id: `model.p.m${index}`,
      message: null,
    })),
    args: { which },
  });

/** A file with the given `[unique_id, status]` rows, written by that dbt version. */
const ROWS = (which: string, rows: [string, string][], dbtVersion = '1.11.16'): string =>
  JSON.stringify({
    metadata: {
      dbt_schema_version: 'https://schemas.getdbt.com/dbt/run-results/v6.json',
      dbt_version: dbtVersion,
    },
    results: rows.map(([id, status]) => ({ status, unique_id: id, message: null })),
    args: { which },
  });

/** run_results.json of a `dbt run` interrupted after model a succeeded and model b ended `b`. */
const aFinishedThenB = (b: string): string =>
  ROWS('run', [
    ['model.p.a', 'success'],
    ['model.p.b', b],
  ]);
/** Why a run whose run_results.json lists no failed or skipped node runs as written. */
const NOTHING_TO_RETRY =
  'dbt retry would re-run nothing (no failed or skipped nodes besides hooks in run_results.json; dbt would say "Nothing to do" and exit 0)';
/** Why such a run is retried as it is: dbt left out the node it was running. */
const INTERRUPTED =
  'dbt was interrupted (it exited 2): on an interrupt dbt writes to run_results.json only the nodes that finished (2 nodes here), never the one it was running or those not yet started, so dbt retry would';

function failedDbtStep(command: string, overrides: Partial<StepRecord> = {}): StepRecord {
  return aFailedDbtRunStep({
    command,
    executed: command,
    state: [aSavedStateFile()],
    ...overrides,
  });
}

describe('dbt retry form', () => {
  const stored = 'dbt-run/target/run_results.json';
  const dbtRun = { id: 'dbt-run', failed: failedDbtStep, stateRoot: '/state/r-1/' };
  itFindsRetryForms(dbtRun, [
    {
      name: 'exit 1 with its run_results.json → dbt retry',
      run: 'dbt run --select staging+',
      files: { [stored]: RESULTS('run') },
      expected: {
        kind: 'retry',
        exec: 'dbt retry --state /state/r-1/dbt-run/target',
        restore: [],
        reason: 'dbt retry re-runs only the failed and skipped nodes (1 error, 1 skipped)',
      },
    },
    {
      name: 'flags dbt retry takes are copied, quoted; others are not',
      run: `dbt --debug run -s a --project-dir proj --profiles-dir=/ci/profiles --target-path out --vars '{"day": "2026-01-01"}' --threads 8 --target prod --full-refresh`,
      parent: {
        state: [
          aSavedStateFile({
            path: 'proj/out/run_results.json',
            stored: 'dbt-run/proj/out/run_results.json',
          }),
        ],
      },
      files: { 'dbt-run/proj/out/run_results.json': RESULTS('run') },
      exec: `dbt --debug retry --state /state/r-1/dbt-run/proj/out --project-dir proj --profiles-dir=/ci/profiles --target-path out --vars '{"day": "2026-01-01"}' --threads 8`,
    },
    {
      name: 'assignments, wrappers and variables stay as written',
      run: 'DBT_TARGET_PATH=target uv run dbt build --vars "$DBT_VARS"',
      files: { [stored]: RESULTS('build') },
      exec: 'DBT_TARGET_PATH=target uv run dbt retry --state /state/r-1/dbt-run/target --vars "${DBT_VARS}"',
    },
    {
      name: 'docs generate runs as written (a retry would write a catalog of the retried nodes only)',
      run: 'dbt docs generate',
      files: { [stored]: RESULTS('generate') },
      reason: 'dbt retry of docs generate would write a catalog of only the retried nodes',
    },
    {
      name: 'the saved file is found by name when the target path changed',
      run: 'dbt run',
      env: { DBT_TARGET_PATH: 'elsewhere' },
      files: { [stored]: RESULTS('run') },
      exec: 'dbt retry --state /state/r-1/dbt-run/target',
    },
    {
      name: 'P1: only a hook failed, so dbt retry would do nothing → as written',
      run: 'dbt run',
      files: {
        [stored]: ROWS('run', [
          ['model.p.a', 'success'],
          ['operation.p.p-on-run-end-0', 'error'],
        ]),
      },
      reason: NOTHING_TO_RETRY,
    },
    {
      name: 'P1: run-operation keeps its macro row',
      run: 'dbt run-operation grant',
      files: { [stored]: ROWS('run-operation', [['macro.p.grant', 'error']]) },
      exec: 'dbt retry --state /state/r-1/dbt-run/target',
    },
    {
      name: 'P2: --warn-error after the subcommand goes before retry; warn rows are retried',
      run: 'dbt build --warn-error --log-path logs -s a',
      files: { [stored]: ROWS('build', [['test.p.t', 'warn']]) },
      exec: 'dbt --warn-error --log-path logs retry --state /state/r-1/dbt-run/target',
    },
    {
      name: 'P2: a warn row without --warn-error is not retried',
      run: 'dbt build',
      files: { [stored]: ROWS('build', [['test.p.t', 'warn']]) },
      reason: NOTHING_TO_RETRY,
    },
    {
      name: 'P2: a flag given before and after is carried once',
      run: 'dbt --warn-error build --warn-error --defer-state=prod',
      files: { [stored]: RESULTS('build') },
      exec: 'dbt --warn-error --defer-state=prod retry --state /state/r-1/dbt-run/target',
    },
    {
      name: "P3: the step's own --state is not given twice",
      run: 'dbt --state prod --debug build --state=other -s state:modified+',
      files: { [stored]: RESULTS('build') },
      exec: 'dbt --debug retry --state /state/r-1/dbt-run/target',
    },
    {
      name: 'P4: a file written by dbt before 1.8 → as written',
      run: 'dbt run',
      files: { [stored]: ROWS('run', [['model.p.a', 'error']], '1.7.19') },
      reason: 'run_results.json was written by dbt 1.7.19; gh-retry uses dbt retry from dbt 1.8',
    },
    {
      name: 'P9: --indirect-selection takes a value',
      run: 'dbt --indirect-selection cautious build',
      files: { [stored]: RESULTS('build') },
      exec: 'dbt --indirect-selection cautious retry --state /state/r-1/dbt-run/target',
    },
    {
      name: 'exit 2',
      run: 'dbt run',
      parent: { exitCode: 2 },
      files: { [stored]: RESULTS('run') },
      reason: 'dbt exited 2 (an error, not node failures), so there are no failed nodes to retry',
    },
    {
      name: 'Ctrl-C: dbt wrote only the finished nodes, all successes',
      run: 'dbt run',
      parent: { exitCode: 2, status: 'cancelled' as const },
      files: { [stored]: aFinishedThenB('success') },
      reason: `${INTERRUPTED} run none of them: it would say "Nothing to do" and exit 0`,
    },
    {
      name: 'Ctrl-C after a node failed',
      run: 'dbt run',
      parent: { exitCode: 2, status: 'cancelled' as const },
      files: { [stored]: aFinishedThenB('error') },
      reason: `${INTERRUPTED} re-run only the 1 node listed as failed or skipped`,
    },
    {
      name: 'killed before writing anything',
      run: 'dbt run',
      parent: { exitCode: null, signal: 'SIGTERM', status: 'cancelled' as const },
      files: {},
      reason:
        'dbt was interrupted (it was stopped by SIGTERM) and wrote no run_results.json, so there is nothing dbt retry could resume from',
    },
    {
      name: 'cancelled after dbt ended with node failures (exit 1): dbt retry',
      run: 'dbt run',
      parent: { exitCode: 1, status: 'cancelled' as const },
      files: { [stored]: RESULTS('run') },
      exec: 'dbt retry --state /state/r-1/dbt-run/target',
    },
    {
      name: 'no saved file',
      run: 'dbt run',
      parent: { state: [] },
      files: {},
      reason: 'run_results.json missing from the parent run',
    },
    {
      name: 'saved but not read',
      run: 'dbt run',
      files: {},
      reason: 'run_results.json missing from the parent run',
    },
    {
      name: 'not JSON',
      run: 'dbt run',
      files: { [stored]: 'garbage' },
      reason: 'run_results.json is unreadable: it is not valid JSON',
    },
    {
      name: 'no results',
      run: 'dbt run',
      files: { [stored]: RESULTS('run', []) },
      reason: 'run_results.json has no results',
    },
    {
      name: 'another command wrote it',
      run: 'dbt run',
      files: { [stored]: RESULTS('seed') },
      reason: 'run_results.json is from `dbt seed`, not `dbt run`',
    },
    {
      name: 'which unknown',
      run: 'dbt run',
      files: {
        [stored]: JSON.stringify({
          metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/run-results/v6.json' },
          results: [{ status: 'error', unique_id: 'x' }],
        }),
      },
      reason: 'run_results.json does not say which command wrote it (args.which)',
    },
    {
      name: 'target outside the working directory',
      run: 'dbt run --target-path /tmp/t',
      files: { [stored]: RESULTS('run') },
      reason: 'run_results.json is outside the working directory, so it was not saved',
    },
  ]);

  it('quotes a state root with spaces', () => {
    const form = retryFormFor({
      step: aStepSpec({ id: 'dbt-run', run: 'dbt run' }),
      parent: failedDbtStep('dbt run'),
      parentState: new Map([[stored, RESULTS('run')]]),
      stateRoot: '/home/me/my runs/r-1',
      env: {},
    });
    expect(form).toMatchObject({ exec: "dbt retry --state '/home/me/my runs/r-1/dbt-run/target'" });
  });
});
