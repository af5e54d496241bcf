/**
 * Planning a retry at the scale of the largest dbt projects: a `dbt build` of N models with 4
 * data tests each fails (a generated run_results.json, see large-run-results.ts), `gh-retry run`
 * records it, then fresh processes plan the retry from failure, in-process and as `gh-retry plan
 * --json`, for each size in alternating order. Wall time, CPU time and peak RSS of each.
 */
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fakeDbt, largeRunResults, type LargeBuild } from './large-run-results.js';
import type { PlanningSample } from './plan-retry-child.js';
import { median, sampleRotating } from './statistics.js';
import { benchEnv, expectExit, REPO_ROOT, runBundledCli, runTimed } from './timed-process.js';

/** The planning figures of one size (medians; peak RSS is the highest seen). */
export interface PlanningAtSize {
  readonly build: LargeBuild;
  readonly runResultsBytes: number;
  /** Loading the record, reading the saved state and planning, in a fresh process. */
  readonly planningMs: number;
  readonly planningCpuMs: number;
  /** Highest peak RSS of those processes, and their RSS before planning (runtime + modules). */
  readonly peakRssMb: number;
  readonly rssBeforeMb: number;
  /** `gh-retry plan --json` (the bundled CLI) as a whole process. */
  readonly cliPlanMs: number;
  readonly cliCpuMs: number | null;
  readonly cliPeakRssMb: number | null;
  readonly samples: readonly PlanningSample[];
  readonly cliSamplesMs: readonly number[];
}

/** The planning figures, smallest size first. */
export interface RetryPlanning {
  readonly sizes: readonly PlanningAtSize[];
}

const MB = 1024 * 1024;
const TESTS_PER_MODEL = 4;
const CHILD = path.join(REPO_ROOT, 'bench/plan-retry-child.ts');

interface Prepared {
  readonly build: LargeBuild;
  readonly dir: string;
  readonly runId: string;
  readonly env: Record<string, string>;
  readonly runResultsBytes: number;
}

/** Generate the failed build of `models` models and record it with `gh-retry run`. */
async function prepare(params: { dir: string; cli: string; models: number }): Promise<Prepared> {
  const { dir } = params;
  const project = path.join(dir, 'project');
  mkdirSync(project, { recursive: true });
  const { build, text } = largeRunResults({
    models: params.models,
    testsPerModel: TESTS_PER_MODEL,
  });
  const file = path.join(dir, 'run_results.json');
  writeFileSync(file, text);
  fakeDbt({ binDir: path.join(dir, 'bin'), runResults: file });
  writeFileSync(path.join(project, 'dbt_project.yml'), 'name: warehouse\nprofile: warehouse\n');
  writeFileSync(path.join(project, 'gh-retry.yml'), 'name: plan\nsteps:\n  - dbt build\n');
  const env = benchEnv({ PATH: `${path.join(dir, 'bin')}${path.delimiter}${process.env.PATH}` });
  const first = await runBundledCli({ cli: params.cli, args: ['run'], cwd: project, env });
  expectExit(first, 1, `the failing ${build.nodes}-node build`);
  const runId = /^run (\S+): /m.exec(first.stdout)?.[1];
  if (runId === undefined) throw new Error(`no run id in:\n${first.stdout}`);
  return { build, dir: project, runId, env, runResultsBytes: statSync(file).size };
}

/** Fail a build of each size once, then plan its retry `repetitions` times, sizes alternating. */
export async function measureRetryPlanning(params: {
  readonly dir: string;
  /** The bundled CLI to run. */
  readonly cli: string;
  /** Model counts (each model has 4 tests: 2,000 models are 10,000 nodes). */
  readonly models: readonly number[];
  readonly repetitions: number;
}): Promise<RetryPlanning> {
  const prepared = new Map<string, Prepared>();
  for (const models of params.models) {
    const p = await prepare({ dir: path.join(params.dir, `m${models}`), cli: params.cli, models });
    prepared.set(String(models), p);
  }
  const keys = [...prepared.keys()];
  const variants = keys.flatMap((k) => [`child-${k}`, `cli-${k}`]);
  const children: Record<string, PlanningSample[]> = {};
  const clis: Record<string, { wallMs: number; cpuMs: number | null; rss: number | null }[]> = {};
  await sampleRotating({
    variants,
    repetitions: params.repetitions,
    measure: async (variant) => {
      const [kind, key = ''] = variant.split('-');
      const p = prepared.get(key);
      if (p === undefined) throw new Error(`no prepared build ${key}`);
      if (kind === 'child') (children[key] ??= []).push(await planInProcess(p));
      else (clis[key] ??= []).push(await timeCliPlan(p, params.cli));
    },
  });
  return {
    sizes: keys.map((key) => {
      const p = prepared.get(key) as Prepared;
      const samples = children[key] ?? [];
      const cli = clis[key] ?? [];
      const cpu = cli.flatMap((c) => (c.cpuMs === null ? [] : [c.cpuMs]));
      const rss = cli.flatMap((c) => (c.rss === null ? [] : [c.rss]));
      return {
        build: p.build,
        runResultsBytes: p.runResultsBytes,
        planningMs: median(samples.map((s) => s.planningMs)),
        planningCpuMs: median(samples.map((s) => s.planningCpuMs)),
        peakRssMb: Math.max(...samples.map((s) => s.peakRssBytes)) / MB,
        rssBeforeMb: median(samples.map((s) => s.rssBeforeBytes)) / MB,
        cliPlanMs: median(cli.map((c) => c.wallMs)),
        cliCpuMs: cpu.length > 0 ? median(cpu) : null,
        cliPeakRssMb: rss.length > 0 ? Math.max(...rss) / MB : null,
        samples,
        cliSamplesMs: cli.map((c) => c.wallMs),
      };
    }),
  };
}

async function planInProcess(p: Prepared): Promise<PlanningSample> {
  const store = path.join(p.dir, '.gh-retry');
  const child = await runTimed({
    file: process.execPath,
    args: ['--import', 'tsx', CHILD, store, p.runId, p.dir],
    cwd: REPO_ROOT,
    env: p.env,
  });
  expectExit(child, 0, 'the planning process');
  const sample = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '') as PlanningSample;
  if (sample.retriedSteps !== 1) throw new Error('the plan does not retry dbt build');
  return sample;
}

/** `gh-retry plan --json RUN` under `/usr/bin/time -v` when the machine has it (CPU, peak RSS). */
async function timeCliPlan(p: Prepared, cli: string) {
  const gnuTime = existsSync('/usr/bin/time');
  const result = await runTimed({
    file: gnuTime ? '/usr/bin/time' : process.execPath,
    args: gnuTime
      ? ['-v', process.execPath, cli, 'plan', '--json', p.runId]
      : [cli, 'plan', '--json', p.runId],
    cwd: p.dir,
    env: p.env,
  });
  expectExit(result, 0, 'gh-retry plan');
  const plan = JSON.parse(result.stdout) as { steps: { action: string }[] };
  if (plan.steps.filter((s) => s.action === 'retry').length !== 1)
    throw new Error('gh-retry plan does not retry dbt build');
  const field = (name: string) => new RegExp(`${name}: ([\\d.]+)`).exec(result.stderr)?.[1];
  const kb = field('Maximum resident set size \\(kbytes\\)');
  const user = field('User time \\(seconds\\)');
  const system = field('System time \\(seconds\\)');
  return {
    wallMs: result.wallMs,
    cpuMs: user === undefined || system === undefined ? null : (+user + +system) * 1000,
    rss: kb === undefined ? null : Number(kb) * 1024,
  };
}
