/**
 * Planning a retry from a 10,000-node run_results.json: a dbt run of 10,000 models fails, then
 * fresh processes plan the retry (time and peak memory), in-process and as `gh-retry plan`.
 */
import { existsSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeProject } from '../test/dbt-emulator/make-project.mjs';
import type { PlanningSample } from './plan-retry-child.js';
import { median } from './statistics.js';
import { benchEnv, expectExit, REPO_ROOT, runBundledCli, runTimed } from './timed-process.js';

/** The planning figures. */
export interface RetryPlanning {
  readonly nodes: number;
  readonly runResultsBytes: number;
  /** Median time of loading the record, reading the saved state and planning, in a fresh process. */
  readonly planningMs: number;
  /** Highest peak RSS of those processes, and their RSS before planning (runtime + modules). */
  readonly peakRssMb: number;
  readonly rssBeforeMb: number;
  /** `gh-retry plan --json` (the bundled CLI) as a whole process: wall time and peak RSS. */
  readonly cliPlanMs: number;
  readonly cliPeakRssMb: number | null;
  readonly samples: readonly PlanningSample[];
}

const MB = 1024 * 1024;
const CHILD = path.join(REPO_ROOT, 'bench/plan-retry-child.ts');

/** Fail a run of `nodes` models once, then plan its retry `repetitions` times. */
export async function measureRetryPlanning(params: {
  readonly dir: string;
  /** The bundled CLI to run. */
  readonly cli: string;
  readonly nodes: number;
  readonly repetitions: number;
}): Promise<RetryPlanning> {
  const { dir } = params;
  makeProject({ dir, models: params.nodes, testsPerModel: 0, failRatio: 0.01, seed: 2 });
  writeFileSync(path.join(dir, 'gh-retry.yml'), 'name: plan\nsteps:\n  - dbt seed\n  - dbt run\n');
  const env = benchEnv();
  const first = await runBundledCli({ cli: params.cli, args: ['run'], cwd: dir, env });
  expectExit(first, 1, 'the failing 10,000-node run');
  const runId = /^run (\S+): /m.exec(first.stdout)?.[1];
  if (runId === undefined) throw new Error(`no run id in:\n${first.stdout}`);
  const store = path.join(dir, '.gh-retry');
  const runResults = path.join(store, 'runs', runId, 'state/dbt-run/target/run_results.json');
  const samples: PlanningSample[] = [];
  const cliMs: number[] = [];
  const cliRss: number[] = [];
  for (let i = 0; i < params.repetitions; i += 1) {
    const child = await runTimed({
      file: process.execPath,
      args: ['--import', 'tsx', CHILD, store, runId, dir],
      cwd: REPO_ROOT,
      env,
    });
    expectExit(child, 0, 'the planning process');
    const sample = JSON.parse(child.stdout.trim().split('\n').at(-1) ?? '') as PlanningSample;
    if (sample.retriedSteps !== 1) throw new Error('the plan does not retry dbt run');
    samples.push(sample);
    const cli = await timeCliPlan({ cli: params.cli, dir, runId, env });
    cliMs.push(cli.wallMs);
    if (cli.peakRssBytes !== null) cliRss.push(cli.peakRssBytes);
  }
  return {
    nodes: params.nodes,
    runResultsBytes: existsSync(runResults) ? statSync(runResults).size : 0,
    planningMs: median(samples.map((s) => s.planningMs)),
    peakRssMb: Math.max(...samples.map((s) => s.peakRssBytes)) / MB,
    rssBeforeMb: median(samples.map((s) => s.rssBeforeBytes)) / MB,
    cliPlanMs: median(cliMs),
    cliPeakRssMb: cliRss.length > 0 ? Math.max(...cliRss) / MB : null,
    samples,
  };
}

/** `gh-retry plan --json RUN` under `/usr/bin/time -v` when the machine has it (for peak RSS). */
async function timeCliPlan(params: {
  cli: string;
  dir: string;
  runId: string;
  env: Record<string, string>;
}) {
  const { cli, dir, runId, env } = params;
  const gnuTime = existsSync('/usr/bin/time');
  const result = await runTimed({
    file: gnuTime ? '/usr/bin/time' : process.execPath,
    args: gnuTime
      ? ['-v', process.execPath, cli, 'plan', '--json', runId]
      : [cli, 'plan', '--json', runId],
    cwd: dir,
    env,
  });
  expectExit(result, 0, 'gh-retry plan');
  const kb = /Maximum resident set size \(kbytes\): (\d+)/.exec(result.stderr)?.[1];
  return { wallMs: result.wallMs, peakRssBytes: kb === undefined ? null : Number(kb) * 1024 };
}
