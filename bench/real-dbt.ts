/**
 * Work saved on real dbt (dbt-core with dbt-duckdb from the pinned virtualenv): a schedule of
 * `dbt run` then `dbt test` on a generated project whose models do real work fails at a few
 * models; once the fault is cleared, a retry from failure, a retry of everything and a whole-job
 * re-run (the two commands as written, without gh-retry) run from the same failed run, side by
 * side. Nodes are counted from dbt's own run_results.json of every invocation; dbt's start-up
 * cost per invocation is timed apart (`dbt --help`: Python and dbt's imports; `dbt parse`: that
 * plus loading the project, as every invocation does before its first node).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ensureDbtVenv, NEWEST_DBT } from '../scripts/dbt-venv.mjs';
import { mapVariants, sampleVariants, type RetryVariant } from './dbt-work-saved.js';
import { makeRealDbtProject, type RealDbtProject } from './real-dbt-project.js';
import { median, sampleRotating } from './statistics.js';
import { renderTextTable } from '../src/core/report/text-table.js';
import { expectExit, runBundledCli, runTimed, type TimedResult } from './timed-process.js';

/** The schedule the project runs. */
const COMMANDS = [['run'], ['test']] as const;

/** Nodes dbt executed in one variant, by command, from its run_results.json files. */
export interface RealDbtNodes {
  readonly run: number;
  readonly test: number;
}

/** The real-dbt figures of one run of the bench. */
export interface RealDbtWorkSaved {
  readonly dbtVersion: string;
  /** Models including the source table, data tests, generated rows. */
  readonly models: number;
  readonly tests: number;
  readonly rows: number;
  /** Models that failed in the failed run, and those dbt skipped because of them. */
  readonly failed: readonly string[];
  readonly skipped: number;
  /** The retry's `dbt run` re-ran exactly the failed and skipped models. */
  readonly retriedExactly: boolean;
  readonly executed: Readonly<Record<RetryVariant, RealDbtNodes>>;
  readonly wallMs: Readonly<Record<RetryVariant, number>>;
  readonly samplesMs: Readonly<Record<RetryVariant, readonly number[]>>;
  /** Median wall time of `dbt --help` and of `dbt parse` (partial parse, project unchanged). */
  readonly startupMs: { readonly help: number; readonly parse: number };
  /** The failed run's wall time (gh-retry running `dbt run`, which fails). */
  readonly failedRunMs: number;
}

interface RunResultsFile {
  readonly metadata: { readonly dbt_version: string };
  readonly results: readonly { readonly unique_id: string; readonly status: string }[];
}

function readResults(file: string): RunResultsFile {
  return JSON.parse(readFileSync(file, 'utf8')) as RunResultsFile;
}

const modelIds = (file: RunResultsFile, ...statuses: string[]) =>
  file.results
    .filter((r) => r.unique_id.startsWith('model.'))
    .filter((r) => statuses.length === 0 || statuses.includes(r.status))
    .map((r) => r.unique_id)
    .sort();

function runIdOf(result: TimedResult): string {
  const id = /^run (\S+): /m.exec(result.stdout)?.[1];
  if (id === undefined) throw new Error(`no run id in:\n${result.stdout}`);
  return id;
}

/** The run_results.json gh-retry saved for a step of a run. */
function savedResults(project: RealDbtProject, runId: string, step: string): RunResultsFile {
  const state = path.join(project.dir, '.gh-retry/runs', runId, 'state');
  return readResults(path.join(state, step, 'target/run_results.json'));
}

/** Measure a project of `models` models over `rows` rows with `faults` failing models. */
export async function measureRealDbtWorkSaved(params: {
  readonly dir: string;
  /** The bundled CLI to run. */
  readonly cli: string;
  readonly models: number;
  readonly rows: number;
  readonly faults: number;
  readonly repetitions: number;
  readonly startupRepetitions: number;
}): Promise<RealDbtWorkSaved> {
  const { binDir } = ensureDbtVenv(NEWEST_DBT);
  const project = makeRealDbtProject(params);
  const steps = COMMANDS.map((args) => `  - dbt ${args.join(' ')}\n`).join('');
  const schedule = path.join(project.dir, 'gh-retry.yml');
  writeFileSync(schedule, `name: nightly\nsteps:\n${steps}`);
  const env = (fault: '0' | '1') => ({
    PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}`,
    HOME: process.env.HOME ?? '/tmp',
    LANG: 'C.UTF-8',
    DO_NOT_TRACK: '1',
    BENCH_FAULT: fault,
  });
  const cli = (args: string[], fault: '0' | '1') =>
    runBundledCli({ cli: params.cli, args, cwd: project.dir, env: env(fault) });
  const dbt = (args: readonly string[]) =>
    runTimed({ file: 'dbt', args, cwd: project.dir, env: env('0') });

  const first = expectExit(await cli(['run'], '1'), 1, 'the failing first run');
  const parent = runIdOf(first);
  const parentRun = savedResults(project, parent, 'dbt-run');
  const failed = modelIds(parentRun, 'error');
  const expected = modelIds(parentRun, 'error', 'skipped');
  const wanted = project.faulty.map((name) => `model.bench_real.${name}`).sort();
  if (failed.join() !== wanted.join()) {
    throw new Error(`the failed run failed ${failed.join(', ')}, not ${wanted.join(', ')}`);
  }
  const count = (run: RunResultsFile, test: RunResultsFile | null): RealDbtNodes => ({
    run: run.results.length,
    test: test?.results.length ?? 0,
  });
  const { samples, executed, retriedExactly } = await sampleVariants({
    repetitions: params.repetitions,
    none: { run: 0, test: 0 },
    measure: async (variant) => {
      if (variant === 'whole-job') {
        const run = expectExit(await dbt(COMMANDS[0]), 0, 'dbt run');
        const runFile = readResults(path.join(project.dir, 'target/run_results.json'));
        const test = expectExit(await dbt(COMMANDS[1]), 0, 'dbt test');
        const testFile = readResults(path.join(project.dir, 'target/run_results.json'));
        return { wallMs: run.wallMs + test.wallMs, executed: count(runFile, testFile) };
      }
      const args = ['retry', parent, ...(variant === 'all' ? ['--all'] : [])];
      const result = expectExit(await cli(args, '0'), 0, `the ${variant} run`);
      const id = runIdOf(result);
      const runFile = savedResults(project, id, 'dbt-run');
      return {
        wallMs: result.wallMs,
        executed: count(runFile, savedResults(project, id, 'dbt-test')),
        exact: modelIds(runFile).join() === expected.join(),
      };
    },
  });
  const startup = await sampleRotating({
    variants: ['help', 'parse'] as const,
    repetitions: params.startupRepetitions,
    measure: async (what) =>
      expectExit(await dbt(what === 'help' ? ['--help'] : ['parse']), 0, `dbt ${what}`).wallMs,
  });
  return {
    dbtVersion: parentRun.metadata.dbt_version,
    models: project.models.length,
    tests: project.tests,
    rows: params.rows,
    failed,
    skipped: expected.length - failed.length,
    retriedExactly,
    executed,
    wallMs: mapVariants((v) => median(samples[v])),
    samplesMs: samples,
    startupMs: { help: median(startup.help), parse: median(startup.parse) },
    failedRunMs: first.wallMs,
  };
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The table printed for the real-dbt section. */
export function renderRealDbt(r: RealDbtWorkSaved): string {
  const row = (variant: RetryVariant, label: string) => {
    const nodes = r.executed[variant];
    return [
      label,
      `${nodes.run}`,
      `${nodes.test}`,
      seconds(r.wallMs[variant]),
      (r.wallMs[variant] / r.wallMs['whole-job']).toFixed(2),
    ];
  };
  return [
    `Work saved — real dbt ${r.dbtVersion} on DuckDB (${r.models} models over ${r.rows} generated rows, ${r.tests} tests; failing models ${r.failed.length}, skipped by them ${r.skipped}; dbt run then dbt test)`,
    renderTextTable(
      ['variant', 'dbt run nodes', 'dbt test nodes', 'wall', '÷ whole job'],
      [
        row('from-failure', 'retry from failure'),
        row('all', 'retry all'),
        row('whole-job', 'whole-job re-run'),
      ],
    ),
    `retry from failure re-ran ${r.retriedExactly ? 'exactly' : 'NOT exactly'} the failed and skipped models; the failed run took ${seconds(r.failedRunMs)}.`,
    `dbt start-up per invocation: ${seconds(r.startupMs.help)} for \`dbt --help\`, ${seconds(r.startupMs.parse)} for \`dbt parse\` of this project (partial parse).`,
  ].join('\n');
}
