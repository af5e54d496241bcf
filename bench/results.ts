/**
 * The benchmark's results: their JSON shape (what bench/results.json holds) and the targets of
 * the issue, each with its measured figure and a PASS or MISS. The tables printed to the terminal
 * are in results-tables.ts, the units of the figures in format.ts.
 */
import type { InRunRetryBench } from './in-run-retry.js';
import type { ActionOverhead } from './action-overhead.js';
import type { AppCost } from './app-cost.js';
import type { AppQueueCost } from './app-queue.js';
import type { ArtifactSize } from './artifact-size.js';
import type { DbtWorkSaved } from './dbt-work-saved.js';
import type { FixAwareBench } from './fix-aware.js';
import { mb, ms, pct } from './format.js';
import type { LargeRecordArtifact } from './large-record-artifact.js';
import type { RetryPlanning } from './retry-planning.js';
import type { SuiteWorkSaved } from './test-suite-work-saved.js';

/** A section that could not be measured, and why (reported as such, never left out). */
export interface NotMeasured {
  readonly notMeasured: string;
}

/** Everything one `npm run bench` measured. */
export interface BenchResults {
  readonly command: string;
  readonly machine: Readonly<Record<string, unknown>>;
  readonly settings: Readonly<Record<string, unknown>>;
  readonly dbt: readonly DbtWorkSaved[];
  readonly suites: readonly SuiteWorkSaved[];
  readonly action: ActionOverhead | NotMeasured | null;
  readonly planning: RetryPlanning | NotMeasured | null;
  readonly app: AppCost | NotMeasured | null;
  /** The App behind Redis (absent from results written before it was measured). */
  readonly queue?: AppQueueCost | NotMeasured | null;
  readonly artifacts: readonly ArtifactSize[] | NotMeasured | null;
  /** A fix-and-retry of a failing test on real dbt (absent from results written before it). */
  readonly fixAware?: FixAwareBench | NotMeasured | null;
  /** A transient dbt failure: in-run retry, new-run retry and whole re-run (dbt emulator). */
  readonly inRun?: InRunRetryBench | NotMeasured | null;
  /** The record artifact of the largest run (absent from results written before it was measured). */
  readonly largeArtifact?: LargeRecordArtifact | NotMeasured | null;
}

/** One target of the issue next to the measured figure. */
export interface TargetCheck {
  readonly target: string;
  readonly measured: string;
  readonly verdict: 'PASS' | 'MISS';
}

const verdict = (ok: boolean): TargetCheck['verdict'] => (ok ? 'PASS' : 'MISS');

/** Was a section measured? */
export function measured<T extends object>(section: T | NotMeasured | null): section is T {
  return section !== null && !('notMeasured' in section);
}

/** Each target of the issue with its measured figure. */
export function checkTargets(results: BenchResults): TargetCheck[] {
  const checks: TargetCheck[] = [];
  for (const d of results.dbt) {
    const ran = d.executed['from-failure'].run;
    checks.push({
      target: `dbt ${d.models} models: retry runs failed + skipped = ${d.failed + d.skipped} (${pct(d.expectedRunRatio)})`,
      measured: `${ran} models (${pct(ran / d.models)})${d.retriedExactly ? ', exactly those' : ', NOT the same set'}`,
      verdict: verdict(d.retriedExactly && ran === d.failed + d.skipped),
    });
  }
  for (const s of results.suites) {
    const ran = s.executed['from-failure'];
    checks.push({
      target: `${s.tool} ${s.tests} tests: retry runs the ${s.failing} failed (${pct(s.failing / s.tests)})`,
      measured: `${ran} tests (${pct(ran / s.tests)})${s.retriedExactly ? ', exactly those' : ', NOT the same set'}`,
      verdict: verdict(s.retriedExactly && ran === s.failing),
    });
  }
  if (measured(results.action)) checks.push(...actionChecks(results.action));
  if (measured(results.planning)) checks.push(...planningChecks(results.planning));
  if (measured(results.app)) {
    const requests = results.app.retryComment.requests;
    checks.push({
      target: '/retry costs ≤ 6 API requests',
      measured: `${requests}`,
      verdict: verdict(requests <= 6),
    });
    const latency = results.app.retryLatency;
    if (latency !== undefined)
      checks.push(
        {
          target: '/retry: delivery → 👀 reaction < 300 ms',
          measured: ms(latency.reactionMs),
          verdict: verdict(latency.reactionMs < 300),
        },
        {
          target: '/retry: delivery → dispatch < 1.5 s',
          measured: ms(latency.dispatchMs),
          verdict: verdict(latency.dispatchMs < 1500),
        },
      );
  }
  const queue = results.queue ?? null;
  if (measured(queue)) checks.push(...queueChecks(queue));
  const fix = results.fixAware ?? null;
  if (measured(fix)) checks.push(fixAwareCheck(fix));
  return checks;
}

/** The Action's targets: its whole cost per schedule length, and per step. */
function actionChecks(action: ActionOverhead): TargetCheck[] {
  const checks = action.sizes.map((size) => ({
    target: `Action, ${size.steps} step${size.steps === 1 ? '' : 's'}: cost beyond the commands ≤ 1.15 × upload-artifact's`,
    // The second figure beside it (labelled, not the target's definition): see bench/README.md.
    measured: `×${size.ratio.toFixed(2)} (${ms(size.extraMs)} vs ${ms(size.uploadMs)}); beyond one \`bash -c\` a step: ×${size.beyondBashRatio.toFixed(2)}`,
    verdict: verdict(size.ratio <= 1.15),
  }));
  const over = action.overheadPerStepMs - action.bashPerStepMs;
  checks.push({
    target: 'Action per step ≤ `bash -c` + 2 ms',
    measured: `${action.overheadPerStepMs.toFixed(1)} ms (bash -c ${action.bashPerStepMs.toFixed(1)} ms, +${over.toFixed(1)} ms)`,
    verdict: verdict(over <= 2),
  });
  return checks;
}

/** The planning targets, at the largest size measured. */
function planningChecks(planning: RetryPlanning): TargetCheck[] {
  const p = planning.sizes.at(-1);
  if (p === undefined) return [];
  const nodes = `${p.build.nodes.toLocaleString('en-US')} nodes`;
  const peak = Math.max(p.peakRssMb, p.cliPeakRssMb ?? 0);
  return [
    {
      target: `planning ${nodes} in process < 400 ms`,
      measured: `${ms(p.planningMs)} (CPU ${ms(p.planningCpuMs)})`,
      verdict: verdict(p.planningMs < 400),
    },
    {
      target: `\`gh-retry plan --json\` of ${nodes} < 800 ms`,
      measured: `${ms(p.cliPlanMs)} (CPU ${p.cliCpuMs === null ? 'n/a' : ms(p.cliCpuMs)})`,
      verdict: verdict(p.cliPlanMs < 800),
    },
    {
      target: `planning ${nodes} < 300 MB peak RSS`,
      measured: `${mb(peak)} (in process ${mb(p.peakRssMb)}, CLI ${p.cliPeakRssMb === null ? 'n/a' : mb(p.cliPeakRssMb)})`,
      verdict: verdict(peak < 300),
    },
  ];
}

function queueChecks(queue: AppQueueCost): TargetCheck[] {
  const { retryRun, unrelatedRun } = queue.completed;
  const ops = (operations: readonly string[]) =>
    operations.length === 0 ? '' : ` (${operations.join(', ')})`;
  return [
    {
      target: 'Redis: workflow_run.completed of an unrelated run ≤ 1 request',
      measured: `${unrelatedRun.requests}${ops(unrelatedRun.operations)}`,
      verdict: verdict(unrelatedRun.requests <= 1),
    },
    {
      target: 'Redis: workflow_run.completed of a gh-retry run ≤ 6 requests',
      measured: `${retryRun.requests}${ops(retryRun.operations)}`,
      verdict: verdict(retryRun.requests <= 6),
    },
  ];
}

/** The target: gh-retry's retry passes and runs fewer nodes than the fallback. */
export function fixAwareCheck(fix: FixAwareBench): TargetCheck {
  const fallback = fix.dbtRetry.nodes + fix.fullBuild.nodes;
  const ok = fix.ghRetry.passed && fix.ghRetry.nodes < fallback;
  return {
    target: 'fix-and-retry: gh-retry passes with fewer nodes than dbt retry + full build',
    measured: `${fix.ghRetry.passed ? 'passed' : 'FAILED'}, ${fix.ghRetry.nodes} nodes vs ${fallback}`,
    verdict: ok ? 'PASS' : 'MISS',
  };
}
