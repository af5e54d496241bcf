// The `retry_lab` DuckDB project (test/real-dbt/retry-lab) copied to a fresh temporary folder per
// test, with absolute DuckDB paths that survive between the parent run and its retries (the
// warehouse), the gh-retry CLI and real dbt from the pinned virtualenv first on PATH.
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { afterAll, afterEach, beforeAll, describe, it } from 'vitest';
import { dbtBinDir, NEWEST_DBT } from '../../scripts/dbt-venv.mjs';
import { baseEnv, makeTempDir, runCli, type CliResult } from '../support/cli.js';

const FIXTURE = path.join(import.meta.dirname, 'retry-lab');

/** Enough for a handful of real dbt invocations on 2 busy cores (each takes 3–20 s). */
export const REAL_DBT_TIMEOUT = 600_000;

/** A run_results.json as real dbt wrote it, node statuses keyed by short name. */
export interface DbtRunResults {
  readonly which: string;
  readonly invocationCommand: string;
  readonly dbtVersion: string;
  /** `stg_payments` → `error`; hooks as `retry_lab-on-run-end-0`; tests by their full name. */
  readonly statuses: Record<string, string>;
  /** `args` as dbt recorded them (for a retry: the parent's, rebuilt). */
  readonly args: Record<string, unknown>;
}

/** Short name of a unique_id: its third part (`model.retry_lab.fct_orders` → `fct_orders`). */
export function shortName(uniqueId: string): string {
  return uniqueId.split('.')[2] ?? uniqueId;
}

export function readRunResults(file: string): DbtRunResults {
  return parseRunResults(readFileSync(file, 'utf8'));
}

/** A run_results.json's text (e.g. a file of a record artifact), read as `readRunResults` does. */
export function parseRunResults(text: string): DbtRunResults {
  const data = JSON.parse(text) as {
    metadata: { dbt_version: string };
    args: { which: string; invocation_command?: string } & Record<string, unknown>;
    results: { unique_id: string; status: string }[];
  };
  return {
    which: data.args.which,
    invocationCommand: data.args.invocation_command ?? '',
    dbtVersion: data.metadata.dbt_version,
    statuses: Object.fromEntries(data.results.map((r) => [shortName(r.unique_id), r.status])),
    args: data.args,
  };
}

/** Node names of a picture, sorted, optionally only those with one of the statuses. */
export function names(results: DbtRunResults, ...statuses: string[]): string[] {
  return Object.entries(results.statuses)
    .filter(([, status]) => statuses.length === 0 || statuses.includes(status))
    .map(([name]) => name)
    .sort();
}

export interface Lab {
  readonly root: string;
  readonly project: string;
  readonly version: string;
  /** The environment gh-retry and dbt run with (plus `extra`). */
  env(extra?: Record<string, string>): Record<string, string | undefined>;
  /** The gh-retry CLI, run in the project folder (or `cwd`). */
  cli(args: readonly string[], extra?: Record<string, string>, cwd?: string): Promise<CliResult>;
  /** Real dbt directly, in the project folder. */
  dbt(args: readonly string[], extra?: Record<string, string>): Promise<CliResult>;
  /** The schedule file gh-retry reads (in the project folder, or `dir`). */
  schedule(steps: readonly string[], dir?: string): void;
  /** The input file stg_payments reads; missing until written. */
  writePayments(): void;
  /** A file of the project, replaced. */
  write(relative: string, content: string): void;
  /** run_results.json under the project (default `target/`). */
  runResults(relative?: string): DbtRunResults;
  /** The run_results.json a gh-retry run saved for a step. */
  saved(runId: string, stepId: string, relative?: string): DbtRunResults;
  /** Whether a saved state file exists. */
  hasSaved(runId: string, stepId: string, relative?: string): boolean;
  remove(): void;
}

/** A fresh copy of retry_lab; no payments.csv yet, so `dbt run` fails at stg_payments. */
export function makeLab(version: string = NEWEST_DBT): Lab {
  const temp = makeTempDir(`real-dbt-${version}`);
  const project = path.join(temp.dir, 'project');
  const data = path.join(temp.dir, 'data');
  cpSync(FIXTURE, project, { recursive: true });
  mkdirSync(data);
  const env = (extra: Record<string, string> = {}) => ({
    ...baseEnv(),
    PATH: `${dbtBinDir(version)}${path.delimiter}${process.env.PATH ?? ''}`,
    DO_NOT_TRACK: '1',
    RETRY_LAB_DB: path.join(temp.dir, 'lab.duckdb'),
    RETRY_LAB_DB_CI: path.join(temp.dir, 'lab-ci.duckdb'),
    LAB_DATA: data,
    ...extra,
  });
  const statePath = (runId: string, stepId: string, relative: string) =>
    path.join(project, '.gh-retry/runs', runId, 'state', stepId, relative);
  return {
    root: temp.dir,
    project,
    version,
    env,
    cli: (args, extra, cwd = project) => runCli(args, { cwd, env: env(extra) }),
    async dbt(args, extra) {
      const result = await execa('dbt', args, {
        cwd: project,
        env: env(extra),
        extendEnv: false,
        reject: false,
        stdin: 'ignore',
      });
      return { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr };
    },
    schedule(steps, dir = project) {
      writeFileSync(
        path.join(dir, 'gh-retry.yml'),
        `name: nightly\nsteps:\n${steps.map((s) => `  - ${JSON.stringify(s)}\n`).join('')}`,
      );
    },
    writePayments() {
      writeFileSync(path.join(data, 'payments.csv'), 'order_id,paid\n1,true\n2,true\n3,false\n');
    },
    write(relative, content) {
      writeFileSync(path.join(project, relative), content);
    },
    runResults: (relative = 'target/run_results.json') =>
      readRunResults(path.join(project, relative)),
    saved: (runId, stepId, relative = 'target/run_results.json') =>
      readRunResults(statePath(runId, stepId, relative)),
    hasSaved: (runId, stepId, relative = 'target/run_results.json') =>
      existsSync(statePath(runId, stepId, relative)),
    remove: temp.remove,
  };
}

/**
 * A lab for the tests of one describe block: made (then `prepare`d) before them, removed after
 * them. Call the returned function in a test to get it.
 */
export function useLab(make: () => Lab, prepare?: (lab: Lab) => Promise<void>): () => Lab {
  let lab: Lab | undefined;
  beforeAll(async () => {
    lab = make();
    await prepare?.(lab);
  });
  afterAll(() => {
    lab?.remove();
  });
  return () => {
    if (lab === undefined) throw new Error('the lab is made in beforeAll');
    return lab;
  };
}

/**
 * One test on each of `versions`, each on a fresh lab of that dbt version removed after it:
 * `titles.describe` names the version with `%s`.
 */
export function testOnEachVersion(
  versions: readonly string[],
  titles: { readonly describe: string; readonly test: string },
  test: (lab: Lab, version: string) => Promise<void>,
): void {
  describe.each(versions)(titles.describe, (version) => {
    let lab: Lab | undefined;
    afterEach(() => lab?.remove());
    it(titles.test, { timeout: REAL_DBT_TIMEOUT }, async () => {
      lab = makeLab(version);
      await test(lab, version);
    });
  });
}

/** The run id a `gh-retry run`/`retry` printed (`run r-…: nightly`). */
export function runIdOf(result: CliResult): string {
  const id = /^run (r-\S+): /m.exec(result.stdout)?.[1];
  if (id === undefined) throw new Error(`no run id in:\n${result.stdout}\n${result.stderr}`);
  return id;
}
