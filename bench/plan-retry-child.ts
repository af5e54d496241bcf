/**
 * Child process of the planning benchmark: plans a retry from failure of one stored run, the way
 * `gh-retry retry` does (load the record, read the saved run_results.json, plan), and prints
 * the planning time and the process's memory as one JSON line. Run as
 * `node --import tsx bench/plan-retry-child.ts STORE RUN_ID WORKDIR`.
 */
import { performance } from 'node:perf_hooks';
import { createFsRunStore } from '../src/adapters/local/fs-run-store.js';
import { createFsStateWorkspace } from '../src/adapters/local/fs-state-workspace.js';
import { systemClock } from '../src/adapters/local/system-clock.js';
import { readSchedule } from '../cli/schedule-source.js';
import { planFromParent } from '../src/execution/plan-from-parent.js';

/** What the child prints. */
export interface PlanningSample {
  readonly planningMs: number;
  /** CPU time (user + system) of the same span. */
  readonly planningCpuMs: number;
  /** Resident set size before planning (the runtime and loaded modules). */
  readonly rssBeforeBytes: number;
  /** The process's peak resident set size (`getrusage` maxrss), planning included. */
  readonly peakRssBytes: number;
  readonly retriedSteps: number;
}

const [storeRoot, runId, workDir] = process.argv.slice(2);
if (storeRoot === undefined || runId === undefined || workDir === undefined) {
  process.stderr.write('usage: plan-retry-child.ts STORE RUN_ID WORKDIR\n');
  process.exit(2);
}
const rssBeforeBytes = process.memoryUsage().rss;
const started = performance.now();
const cpuStarted = process.cpuUsage();
const parent = await createFsRunStore({ root: storeRoot, clock: systemClock }).loadRun(runId);
const schedule = await readSchedule({}, workDir);
const plan = await planFromParent({
  schedule,
  parent,
  mode: { kind: 'from-failure' },
  workspace: createFsStateWorkspace({ workDir }),
  env: process.env,
});
const planningMs = performance.now() - started;
const cpu = process.cpuUsage(cpuStarted);
const sample: PlanningSample = {
  planningMs,
  planningCpuMs: (cpu.user + cpu.system) / 1000,
  rssBeforeBytes,
  peakRssBytes: process.resourceUsage().maxRSS * 1024,
  retriedSteps: plan.steps.filter((step) => step.action === 'retry').length,
};
process.stdout.write(`${JSON.stringify(sample)}\n`);
