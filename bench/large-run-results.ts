/**
 * A `dbt build` of the largest dbt projects, as its run_results.json: `models` models with
 * `testsPerModel` data tests each, in the shape dbt 1.8+ writes (schema v6, Python's separators).
 * 1% of the models fail with a database error and their tests and a few downstream models are
 * skipped; 1% of the tests of the models that ran fail. Generating it is instant, where the dbt
 * emulator would need minutes for 50,000 nodes; `fakeDbt` is a `dbt` that writes it and fails.
 */
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** What the generated build did. */
export interface LargeBuild {
  readonly models: number;
  readonly tests: number;
  readonly nodes: number;
  /** Models that failed (error) and tests that failed (fail). */
  readonly failed: number;
  readonly skipped: number;
}

const PROJECT = 'warehouse';
const TIMING = (at: string) => [
  { name: 'compile', started_at: at, completed_at: at },
  { name: 'execute', started_at: at, completed_at: at },
];

type Status = 'success' | 'error' | 'skipped' | 'pass' | 'fail';

function result(id: string, status: Status, kind: 'model' | 'test', name: string) {
  const at = '2026-12-07T04:00:00.000000Z';
  const ran = status !== 'skipped';
  return {
    status,
    timing: ran ? TIMING(at) : [],
    thread_id: 'Thread-1 (worker)',
    execution_time: ran ? 0.0421 : 0,
    adapter_response: !ran
      ? {}
      : kind === 'model'
        ? { _message: 'SELECT 120', code: 'SELECT', rows_affected: 120 }
        : { _message: 'SELECT 1', code: 'SELECT', rows_affected: 1 },
    message:
      status === 'error'
        ? `Database Error in model ${name} (models/${name}.sql)\n  relation "analytics.${name}__dbt_tmp" could not be created\n  compiled code at target/run/${PROJECT}/models/${name}.sql`
        : status === 'fail'
          ? 'Got 3 results, configured to fail if != 0'
          : status === 'skipped'
            ? null
            : kind === 'model'
              ? 'SELECT 120'
              : null,
    failures: kind === 'test' && ran ? (status === 'fail' ? 3 : 0) : null,
    unique_id: id,
    compiled: ran,
    compiled_code: ran
      ? kind === 'model'
        ? `select id, status, amount from "analytics"."staging"."${name}_source"`
        : `select id from "analytics"."analytics"."${name}" where id is null`
      : null,
    relation_name: kind === 'model' ? `"analytics"."analytics"."${name}"` : null,
    batch_results: null,
  };
}

/** The results of the build, models in order, each followed by its tests; `passing` fails none. */
export function largeRunResults(params: {
  models: number;
  testsPerModel: number;
  passing?: boolean;
}) {
  const { models, testsPerModel } = params;
  const failing = params.passing !== true;
  const results: ReturnType<typeof result>[] = [];
  let failed = 0;
  let skipped = 0;
  // Model i fails when i % 100 == 37; the next two models read from it and are skipped.
  let skipUntil = -1;
  for (let i = 0; i < models; i += 1) {
    const name = `model_${String(i).padStart(5, '0')}`;
    const fails = failing && i % 100 === 37;
    const isSkipped = !fails && i <= skipUntil;
    if (fails) skipUntil = i + 2;
    const status: Status = fails ? 'error' : isSkipped ? 'skipped' : 'success';
    if (fails) failed += 1;
    if (isSkipped) skipped += 1;
    results.push(result(`model.${PROJECT}.${name}`, status, 'model', name));
    for (let t = 0; t < testsPerModel; t += 1) {
      const test = `test_${t}_${name}`;
      const testStatus: Status =
        status !== 'success'
          ? 'skipped'
          : failing && (i * testsPerModel + t) % 100 === 11
            ? 'fail'
            : 'pass';
      if (testStatus === 'fail') failed += 1;
      if (testStatus === 'skipped') skipped += 1;
      results.push(result(`test.${PROJECT}.${test}.${i.toString(16)}`, testStatus, 'test', name));
    }
  }
  const build: LargeBuild = {
    models,
    tests: models * testsPerModel,
    nodes: results.length,
    failed,
    skipped,
  };
  const document = {
    metadata: {
      dbt_schema_version: 'https://schemas.getdbt.com/dbt/run-results/v6.json',
      dbt_version: '1.11.16',
      generated_at: '2026-12-07T04:00:00.000000Z',
      invocation_id: '6f1d2c8e-1111-4c3b-9d2e-000000000050',
      invocation_started_at: '2026-12-07T03:40:00.000000Z',
      env: {},
    },
    results,
    elapsed_time: 1200.5,
    args: { which: 'build', project_dir: '.', target_path: 'target' },
  };
  return { build, text: toPythonJson(document) };
}

/** JSON with Python's separators (", " and ": "), as dbt writes it; strings are left alone. */
function toPythonJson(value: unknown): string {
  return JSON.stringify(value).replace(/"(?:[^"\\]|\\.)*"|[,:]/g, (token) =>
    token.length === 1 ? `${token} ` : token,
  );
}

/**
 * Put a `dbt` in `binDir` that writes `runResults` to `target/run_results.json` in its working
 * directory and exits 1, as a failed `dbt build` does (0 with `exitCode: 0`); `--version`
 * answers as dbt 1.11.
 */
export function fakeDbt(params: { binDir: string; runResults: string; exitCode?: 0 | 1 }): void {
  mkdirSync(params.binDir, { recursive: true });
  const script = path.join(params.binDir, 'dbt');
  writeFileSync(
    script,
    `#!/bin/sh\nif [ "$1" = "--version" ]; then echo "Core:"; echo "  - installed: 1.11.16"; exit 0; fi\n` +
      `mkdir -p target && cp '${params.runResults}' target/run_results.json\n` +
      `echo "Completed"\nexit ${params.exitCode ?? 1}\n`,
  );
  chmodSync(script, 0o755);
}
