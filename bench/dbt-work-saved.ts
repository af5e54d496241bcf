/**
 * Work saved on a dbt schedule (deps, seed, run, test) that fails at `dbt run`: the nodes and
 * the wall time of a retry from failure, a retry of everything, and a whole-job re-run (the same
 * commands in a plain shell, as GitHub's "Re-run all jobs" does without gh-retry).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeProject, type GeneratedProject } from '../test/dbt-emulator/make-project.mjs';
import { median, sampleRotating } from './statistics.js';
import { benchEnv, expectExit, runBundledCli, runTimed } from './timed-process.js';

/** The schedule every size runs. */
export const DBT_COMMANDS = ['dbt deps', 'dbt seed', 'dbt run', 'dbt test'] as const;

/** The three ways to run again after the failure is fixed. */
export const RETRY_VARIANTS = ['from-failure', 'all', 'whole-job'] as const;
/** One of `RETRY_VARIANTS`. */
export type RetryVariant = (typeof RETRY_VARIANTS)[number];

/** Nodes one invocation of the schedule executed, by dbt command (`which`), and in all. */
export interface NodeCounts {
  readonly seed: number;
  readonly run: number;
  readonly test: number;
  readonly total: number;
}

/** The work-saved figures of one project size. */
export interface DbtWorkSaved {
  readonly models: number;
  /** Simulated time each node takes (0: the emulator's own, near zero). */
  readonly nodeSleepMs: number;
  /** Models that ended in error in the failed run, and the models dbt skipped because of them. */
  readonly failed: number;
  readonly skipped: number;
  /** What a retry of `dbt run` should execute: (failed + skipped) ÷ models. */
  readonly expectedRunRatio: number;
  /** The retry's `dbt run` step executed exactly the failed and skipped models, nothing else. */
  readonly retriedExactly: boolean;
  readonly executed: Readonly<Record<RetryVariant, NodeCounts>>;
  /** Median wall time of each variant, and its ratio to the whole-job re-run. */
  readonly wallMs: Readonly<Record<RetryVariant, number>>;
  readonly wallRatio: Readonly<Record<RetryVariant, number>>;
  readonly samplesMs: Readonly<Record<RetryVariant, readonly number[]>>;
}

/** A generated project with its failure marker, ready to fail and to be fixed. */
export interface BenchProject {
  readonly dir: string;
  readonly nodeSleepMs: number;
  readonly project: GeneratedProject;
  /** Put the failing models back in place. */
  readonly breakIt: () => void;
  /** "The fix": the marker keeps only the node cost. */
  readonly fixIt: () => void;
}

const MARKER = '.dbt-emulator.yml';

/** Generate a dbt project of `models` models where `failRatio` of them fail until fixed. */
export function prepareDbtProject(params: {
  readonly dir: string;
  readonly models: number;
  readonly failRatio: number;
  readonly nodeSleepMs: number;
}): BenchProject {
  const project = makeProject({
    dir: params.dir,
    models: params.models,
    failRatio: params.failRatio,
    seed: 1,
    ...(params.nodeSleepMs > 0 ? { sleepMs: params.nodeSleepMs } : {}),
  });
  const marker = path.join(params.dir, MARKER);
  const failing = readFileSync(marker, 'utf8');
  writeFileSync(
    path.join(params.dir, 'gh-retry.yml'),
    `name: nightly\nsteps:\n${DBT_COMMANDS.map((c) => `  - ${c}\n`).join('')}`,
  );
  return {
    dir: params.dir,
    nodeSleepMs: params.nodeSleepMs,
    project,
    breakIt: () => {
      writeFileSync(marker, failing);
    },
    fixIt: () => {
      if (params.nodeSleepMs > 0) writeFileSync(marker, `sleep_ms: ${params.nodeSleepMs}\n`);
      else rmSync(marker, { force: true });
    },
  };
}

interface TraceLine {
  readonly which: string;
  readonly unique_id: string;
  readonly status: string;
}

function readTrace(file: string): TraceLine[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as TraceLine);
}

/** How many nodes one dbt trace file records. */
export function readTraceNodes(file: string): number {
  return readTrace(file).length;
}

function countNodes(trace: readonly TraceLine[]): NodeCounts {
  const of = (which: string) => trace.filter((line) => line.which === which).length;
  return { seed: of('seed'), run: of('run'), test: of('test'), total: trace.length };
}

const runModels = (trace: readonly TraceLine[]) =>
  trace
    .filter((l) => l.which === 'run' && l.unique_id.startsWith('model.'))
    .map((l) => l.unique_id);

/** Run the failing schedule through the CLI; returns the parent run id and what failed. */
async function runFailingParent(bench: BenchProject, cli: string, traceFile: string) {
  bench.breakIt();
  const first = await runBundledCli({
    cli,
    args: ['run'],
    cwd: bench.dir,
    env: benchEnv({ DBT_EMULATOR_TRACE: traceFile }),
  });
  expectExit(first, 1, 'the failing first run');
  const parent = /^run (\S+): /m.exec(first.stdout)?.[1];
  if (parent === undefined) throw new Error(`no run id in:\n${first.stdout}`);
  const ran = readTrace(traceFile).filter((l) => l.which === 'run');
  const failed = ran.filter((l) => l.status === 'error').map((l) => l.unique_id);
  const executed = new Set(ran.map((l) => l.unique_id));
  const prefix = `model.${bench.project.projectName}.`;
  const skipped = bench.project.models.map((m) => prefix + m).filter((id) => !executed.has(id));
  return { parent, failed, skipped };
}

/** Measure one project size: fail once, fix, then time each variant in rotating order. */
export async function measureDbtWorkSaved(params: {
  readonly bench: BenchProject;
  /** The bundled CLI to run. */
  readonly cli: string;
  readonly repetitions: number;
  /** Where dbt's node traces go (a fresh folder is made inside). */
  readonly traceDir: string;
}): Promise<DbtWorkSaved> {
  const { bench } = params;
  // dbt appends to its trace file: every invocation of every measurement gets a file of its own.
  const traces = mkdtempSync(path.join(params.traceDir, 'dbt-trace-'));
  let count = 0;
  const nextTrace = () => path.join(traces, `${(count += 1)}.jsonl`);
  const { parent, failed, skipped } = await runFailingParent(bench, params.cli, nextTrace());
  bench.fixIt();
  const expected = [...failed, ...skipped].sort().join('\n');
  const { samples, executed, retriedExactly } = await sampleVariants({
    repetitions: params.repetitions,
    none: { seed: 0, run: 0, test: 0, total: 0 },
    sameEachTime: (a, b) => JSON.stringify(a) === JSON.stringify(b),
    measure: async (variant) => {
      const trace = nextTrace();
      const env = benchEnv({ DBT_EMULATOR_TRACE: trace });
      const result =
        variant === 'whole-job'
          ? await runTimed({
              file: '/bin/sh',
              args: ['-c', DBT_COMMANDS.join(' && ')],
              cwd: bench.dir,
              env,
            })
          : await runBundledCli({
              cli: params.cli,
              args: ['retry', parent, ...(variant === 'all' ? ['--all'] : [])],
              cwd: bench.dir,
              env,
            });
      expectExit(result, 0, `the ${variant} run`);
      const lines = readTrace(trace);
      return {
        wallMs: result.wallMs,
        executed: countNodes(lines),
        exact: runModels(lines).sort().join('\n') === expected,
      };
    },
  });
  const models = bench.project.models.length;
  if (executed['whole-job'].run !== models)
    throw new Error(
      `the whole-job re-run traced ${executed['whole-job'].run} models, not ${models}`,
    );
  const wallMs = mapVariants((v) => median(samples[v]));
  return {
    models,
    nodeSleepMs: bench.nodeSleepMs,
    failed: failed.length,
    skipped: skipped.length,
    expectedRunRatio: (failed.length + skipped.length) / models,
    retriedExactly,
    executed,
    wallMs,
    wallRatio: mapVariants((v) => wallMs[v] / wallMs['whole-job']),
    samplesMs: samples,
  };
}

/** One timed run of a retry variant: its wall time, what it executed, and (from failure) whether it
 * ran exactly what failed. */
export interface VariantRun<T> {
  readonly wallMs: number;
  readonly executed: T;
  readonly exact?: boolean;
}

/**
 * Time every retry variant `repetitions` times in rotating order. Returns the samples, what each
 * variant executed (`none` for one never measured) and whether every retry from failure ran
 * exactly what failed; with `sameEachTime`, a variant that executed different work in two
 * repetitions is an error.
 */
export async function sampleVariants<T>(params: {
  readonly repetitions: number;
  readonly none: T;
  readonly measure: (variant: RetryVariant) => Promise<VariantRun<T>>;
  readonly sameEachTime?: (a: T, b: T) => boolean;
}) {
  const executed: Partial<Record<RetryVariant, T>> = {};
  let retriedExactly = true;
  const samples = await sampleRotating({
    variants: RETRY_VARIANTS,
    repetitions: params.repetitions,
    measure: async (variant) => {
      const run = await params.measure(variant);
      const known = executed[variant];
      if (known !== undefined && params.sameEachTime?.(known, run.executed) === false)
        throw new Error(`${variant} executed different nodes in two repetitions`);
      executed[variant] = run.executed;
      if (variant === 'from-failure') retriedExactly &&= run.exact ?? true;
      return run.wallMs;
    },
  });
  return {
    samples,
    executed: mapVariants((v) => executed[v] ?? params.none),
    retriedExactly,
  };
}

/** One value per retry variant. */
export function mapVariants<T>(value: (variant: RetryVariant) => T): Record<RetryVariant, T> {
  return Object.fromEntries(RETRY_VARIANTS.map((v) => [v, value(v)])) as Record<RetryVariant, T>;
}
