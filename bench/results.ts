/**
 * The benchmark's results: their JSON shape, the targets of the issue with a PASS or MISS per
 * figure, and the tables printed to the terminal.
 */
import type { InRunRetryBench } from './in-run-retry.js';
import { renderTextTable } from '../src/core/report/text-table.js';
import type { ActionOverhead } from './action-overhead.js';
import type { AppCost } from './app-cost.js';
import type { AppQueueCost } from './app-queue.js';
import type { ArtifactSize } from './artifact-size.js';
import type { DbtWorkSaved } from './dbt-work-saved.js';
import { fixAwareCheck, renderFixAware, type FixAwareBench } from './fix-aware.js';
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

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
const ms = (x: number) => `${x.toFixed(0)} ms`;
const mb = (x: number) => `${x.toFixed(0)} MB`;
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

/** The tables printed at the end of a run. */
export function renderResults(results: BenchResults): string {
  const parts: string[] = [];
  if (results.dbt.length > 0) {
    parts.push(
      'Work saved — dbt (deps, seed, run, test; 1% of models fail; node cost in the emulator ≈ 0 unless noted)',
      renderTextTable(
        [
          'models',
          'failed+skipped',
          'dbt run nodes: retry/all/whole',
          'all nodes: retry/all/whole',
          'wall ms: retry/all/whole',
          'retry wall ÷ whole / ÷ all',
        ],
        results.dbt.map((d) => [
          `${d.models}${d.nodeSleepMs > 0 ? ` (${d.nodeSleepMs} ms/node)` : ''}`,
          `${d.failed}+${d.skipped} (${pct(d.expectedRunRatio)})`,
          triple(d.executed, (c) => c.run),
          triple(d.executed, (c) => c.total),
          triple(d.wallMs, (x) => x.toFixed(0)),
          retryRatios(d.wallMs),
        ]),
      ),
    );
  }
  const fix = results.fixAware ?? null;
  if (measured(fix)) parts.push(...renderFixAware(fix));
  if (results.suites.length > 0) {
    parts.push(
      'Work saved — test suites (real runners)',
      renderTextTable(
        [
          'suite',
          'failing',
          'tests run: retry/all/whole',
          'wall ms: retry/all/whole',
          'retry wall ÷ whole / ÷ all',
        ],
        results.suites.map((s) => [
          `${s.tool} ${s.tests}`,
          `${s.failing}`,
          triple(s.executed, (x) => x),
          triple(s.wallMs, (x) => x.toFixed(0)),
          retryRatios(s.wallMs),
        ]),
      ),
    );
  }
  parts.push(...renderScalars(results));
  if (measured(results.artifacts)) {
    parts.push(
      'Artifact per failed dbt run (record + state, zipped) vs the raw files',
      renderTextTable(
        ['models', 'artifact zip', 'record.json', 'raw tool files', 'zip ÷ (record + raw)'],
        results.artifacts.map((a) => [
          `${a.models}`,
          kb(a.artifactBytes),
          kb(a.recordBytes),
          kb(a.rawToolBytes),
          pct(a.artifactBytes / (a.recordBytes + a.rawToolBytes)),
        ]),
      ),
    );
  }
  const checks = checkTargets(results);
  parts.push(
    'Targets',
    renderTextTable(
      ['target', 'measured', ''],
      checks.map((c) => [c.target, c.measured, c.verdict]),
    ),
  );
  return parts.join('\n\n');
}

function renderScalars(results: BenchResults): string[] {
  const rows: string[][] = [];
  const { action, planning, app } = results;
  if (measured(action)) {
    for (const size of action.sizes) {
      rows.push([
        `Action, ${size.steps} step${size.steps === 1 ? '' : 's'} (main${size.postRuns > 0 ? ' + post' : ''}) vs shell step + upload-artifact`,
        `${ms(size.actionMs)} vs ${ms(size.shellMs)} + ${ms(size.uploadMs)}: beyond the commands ${ms(size.extraMs)} vs ${ms(size.uploadMs)} (×${size.ratio.toFixed(2)})`,
      ]);
    }
    rows.push(
      [
        'Action per step over the shell / `bash -c true` per step',
        `${action.overheadPerStepMs.toFixed(1)} ms / ${action.bashPerStepMs.toFixed(1)} ms`,
      ],
      [
        'Action cold start (spawn → first output)',
        `${ms(action.coldStartMs)} (bare node: ${ms(action.bareNodeMs)})`,
      ],
      [
        'Upload spans (CreateArtifact → FinalizeArtifact): record / baseline',
        `${ms(action.recordUploadMs)} / ${ms(action.baselineUploadSpanMs)}`,
      ],
    );
  } else if (action !== null) rows.push(['Action overhead', `not measured: ${action.notMeasured}`]);
  if (measured(planning)) {
    for (const p of planning.sizes) {
      const nodes = `${p.build.nodes.toLocaleString('en-US')} nodes`;
      rows.push(
        [
          `Planning a retry of ${nodes} in process (${kb(p.runResultsBytes)} run_results.json)`,
          `${ms(p.planningMs)} (CPU ${ms(p.planningCpuMs)}), peak RSS ${mb(p.peakRssMb)} (before: ${mb(p.rssBeforeMb)})`,
        ],
        [
          `\`gh-retry plan --json\` of ${nodes} as a process`,
          `${ms(p.cliPlanMs)} (CPU ${p.cliCpuMs === null ? 'n/a' : ms(p.cliCpuMs)}), peak RSS ${p.cliPeakRssMb === null ? 'n/a' : mb(p.cliPeakRssMb)}`,
        ],
      );
    }
  } else if (planning !== null) rows.push(['Planning', `not measured: ${planning.notMeasured}`]);
  if (measured(app)) {
    rows.push(
      [
        'App: /retry comment',
        `${app.retryComment.requests} API requests (${describeOps(app.retryComment.operations)}), handled in ${ms(app.retryComment.handlerMs)}`,
      ],
      [
        'App: /retry delivery → 👀 reaction / → dispatch',
        app.retryLatency === undefined
          ? 'not measured'
          : `${ms(app.retryLatency.reactionMs)} / ${ms(app.retryLatency.dispatchMs)}`,
      ],
      [
        'App: workflow_run.completed',
        `${app.runCompleted.requests} API requests (${describeOps(app.runCompleted.operations)}), handled in ${ms(app.runCompleted.handlerMs)}`,
      ],
      [
        `App: ${app.throughput.deliveries} signed deliveries on loopback`,
        `${app.throughput.perSecond.toFixed(0)}/s (${app.throughput.accepted} accepted, ${app.throughput.concurrency} at a time)`,
      ],
    );
  } else if (app !== null) rows.push(['App', `not measured: ${app.notMeasured}`]);
  const { largeArtifact = null } = results;
  if (measured(largeArtifact)) {
    const a = largeArtifact;
    rows.push(
      [
        `Record artifact of a failed ${a.build.nodes.toLocaleString('en-US')}-node build`,
        `${kb(a.artifactBytes)} zip for ${kb(a.recordBytes)} record.json + ${kb(a.rawToolBytes)} run_results.json (${pct(a.artifactBytes / (a.recordBytes + a.rawToolBytes))})`,
      ],
      [
        '… Action main without the upload / upload / download + verify',
        `${ms(a.writeMs)} / ${ms(a.uploadMs)} / ${ms(a.downloadVerifyMs)}`,
      ],
    );
  } else if (largeArtifact !== null)
    rows.push(['Record artifact of the largest run', `not measured: ${largeArtifact.notMeasured}`]);
  const { queue = null } = results;
  if (measured(queue)) {
    const rate = (t: AppQueueCost['redis']) =>
      `${t.perSecond.toFixed(0)}/s (${t.accepted} of ${t.deliveries} accepted, ${t.seconds.toFixed(2)} s)`;
    rows.push(
      [
        `App with Redis: ${queue.redis.deliveries} deliveries, first POST → last job done`,
        rate(queue.redis),
      ],
      ['… the same deliveries in process (no Redis)', rate(queue.inProcess)],
      [
        '… through Redis ÷ in process',
        `${queue.ratio.toFixed(2)} (${queue.concurrency} at a time)`,
      ],
    );
  } else if (queue !== null) rows.push(['App with Redis', `not measured: ${queue.notMeasured}`]);
  return rows.length === 0 ? [] : ['Costs', renderTextTable(['figure', 'measured'], rows)];
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

function describeOps(operations: Readonly<Record<string, number>>): string {
  return Object.entries(operations)
    .map(([op, n]) => (n > 1 ? `${op} ×${n}` : op))
    .join(', ');
}

function triple<T>(
  values: Readonly<Record<'from-failure' | 'all' | 'whole-job', T>>,
  show: (v: T) => string | number,
): string {
  return `${show(values['from-failure'])} / ${show(values.all)} / ${show(values['whole-job'])}`;
}

/** The retry's wall time against the whole-job re-run (plain shell) and against gh-retry's retry all. */
function retryRatios(
  wallMs: Readonly<Record<'from-failure' | 'all' | 'whole-job', number>>,
): string {
  const retry = wallMs['from-failure'];
  return `${(retry / wallMs['whole-job']).toFixed(2)} / ${(retry / wallMs.all).toFixed(2)}`;
}

function kb(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${(bytes / 1024).toFixed(1)} KB`;
}
