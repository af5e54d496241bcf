/**
 * The tables printed at the end of a run: the work saved on dbt and on test suites, the fix-aware
 * retry, the costs (the Action, retry planning, the App, the record artifact, the App behind
 * Redis), the artifact sizes, and the targets with their PASS or MISS (`checkTargets`).
 */
import { renderTextTable } from '../src/core/report/text-table.js';
import type { AppQueueCost } from './app-queue.js';
import { renderFixAware } from './fix-aware.js';
import { kb, mb, ms, pct } from './format.js';
import { checkTargets, measured, type BenchResults } from './results.js';

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
