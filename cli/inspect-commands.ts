import { counted } from '../src/core/words.js';
import { createFsStateWorkspace } from '../src/adapters/local/fs-state-workspace.js';
import { formatRetryMode } from '../src/core/retry/mode.js';
import { renderPlanTable, renderRunTable } from '../src/core/report/text.js';
import type { RunSummary } from '../src/adapters/local/run-index.js';
import { planFromParent } from '../src/execution/plan-from-parent.js';
import { type CliContext, openRunStore, type StoreOption } from './cli-context.js';
import { jsonText, toPlanJson, toShowJson, type FixAwareJson } from './json-output.js';
import { createProcessRunner } from '../src/adapters/local/process-runner.js';
import type { Plan } from '../src/core/retry/plan.js';
import { describeAdded, probeFixAware } from '../src/execution/fix-aware.js';
import { readRetryMode, type RetryModeOptions } from './retry-mode-options.js';
import { livenessOf, shownStatus } from './run-liveness.js';
import { scheduleForRetry } from './run-schedule-memory.js';
import type { ScheduleOptions } from './schedule-source.js';
import { formatDuration } from './terminal-reporter.js';
import { visibleText } from './visible-text.js';

/** The `--json` flag of the read-only commands. */
export interface JsonOption {
  readonly json?: boolean;
}

/** Lines of a failed step's output that `show` prints under the table. */
const SHOWN_OUTPUT_LINES = 20;

/** `gh-retry plan [RUN|last]`: what a retry would do, without running anything. */
export async function planCommand(
  ref: string | undefined,
  options: ScheduleOptions & StoreOption & RetryModeOptions & JsonOption,
  context: CliContext,
): Promise<number> {
  const mode = readRetryMode(options);
  const parent = await openRunStore(options, context).loadRun(ref ?? 'last');
  const { schedule, said } = await scheduleForRetry({ options, cwd: context.cwd, parent });
  const workspace = createFsStateWorkspace({ workDir: context.cwd });
  const plan = await planFromParent({ schedule, parent, mode, workspace, env: context.env });
  if (options.json === true) {
    const fixAware = await probeFixAwareSteps(plan, context);
    context.stdout(jsonText(toPlanJson(plan, fixAware)));
  } else {
    context.stdout(visibleText(`${said}\n${renderPlanTable(plan)}\n`));
    if (plan.nothingToRetry) context.stdout(`nothing to retry: run ${plan.parent} succeeded\n`);
  }
  return 0;
}

/**
 * For `plan --json`: run each fix-aware dbt step's `dbt ls` probe (it reads the project, builds
 * nothing) to show the nodes the retry would add.
 */
async function probeFixAwareSteps(
  plan: Plan,
  context: CliContext,
): Promise<Map<string, FixAwareJson>> {
  const found = new Map<string, FixAwareJson>();
  const runner = createProcessRunner();
  for (const step of plan.steps) {
    const form = step.fixAware;
    if (form === undefined) continue;
    const probe = await probeFixAware(form, { runner, cwd: context.cwd, env: context.env });
    const reason =
      probe.kind === 'failed'
        ? `could not list the nodes changed since run ${form.parentRun} (${probe.how}); runs dbt retry`
        : probe.added.length === 0
          ? `no node changed since run ${form.parentRun} leads to a failed node; runs dbt retry`
          : describeAdded(probe.added, form.parentRun);
    const added = probe.kind === 'failed' ? null : probe.added;
    found.set(step.id, { added, reason, exec: added?.length ? form.exec : (step.exec ?? '') });
  }
  return found;
}

/** `gh-retry show [RUN|last]`: one run, its steps and the end of each failed step's output. */
export async function showCommand(
  ref: string | undefined,
  options: StoreOption & JsonOption,
  context: CliContext,
): Promise<number> {
  const run = await openRunStore(options, context).loadRun(ref ?? 'last');
  const { record } = run;
  // Commands, names and saved output come from a record: never replay their control characters.
  const stdout = (text: string) => {
    context.stdout(visibleText(text));
  };
  if (options.json === true) {
    context.stdout(jsonText(toShowJson(record)));
    return 0;
  }
  const liveness = await livenessOf(run);
  if (liveness !== null) {
    stdout(
      liveness.kind === 'running'
        ? `run ${record.id} is still running (process ${liveness.pid}); the steps so far:\n`
        : `run ${record.id} was interrupted: its gh-retry process (${liveness.pid}) died before the run ended\n`,
    );
  }
  stdout(`${renderRunTable(record)}\n`);
  for (const step of record.steps) {
    if (step.status !== 'failed' && step.status !== 'cancelled') continue;
    const lines = step.outputTail.trimEnd().split('\n').slice(-SHOWN_OUTPUT_LINES);
    stdout(`\n--- ${step.id}: last ${counted(lines.length, 'line')} of output ---\n`);
    stdout(`${lines.join('\n')}\n`);
  }
  return 0;
}

/** `gh-retry history`: every run in the store, oldest first, with its lineage. */
export async function historyCommand(
  options: StoreOption & JsonOption,
  context: CliContext,
): Promise<number> {
  const listed = await openRunStore(options, context).listSummaries();
  const runs = listed.map((run) => run.summary);
  const statuses = new Map<string, string>();
  // A run still running, or whose process died, has a record that says cancelled: only those
  // can be running or interrupted, so only their marks are read.
  for (const run of listed.filter((r) => r.summary.status === 'cancelled')) {
    statuses.set(run.summary.id, shownStatus(run.summary.status, await livenessOf(run)));
  }
  if (options.json === true) {
    const entries = runs.map((record) => ({
      id: record.id,
      name: record.name,
      status: record.status,
      startedAt: record.startedAt,
      durationMs: record.durationMs,
      lineage: {
        parent: record.lineage.parent,
        root: record.lineage.root,
        retryNumber: record.lineage.retryNumber,
        mode: record.lineage.mode === null ? null : formatRetryMode(record.lineage.mode),
      },
    }));
    context.stdout(jsonText(entries));
    return 0;
  }
  if (runs.length === 0) {
    context.stdout('no runs yet; start one with "gh-retry run"\n');
    return 0;
  }
  context.stdout(`${visibleText(renderHistory(runs, statuses))}\n`);
  return 0;
}

/** A plain table of runs: id, status, start, duration, name and lineage. */
export function renderHistory(
  runs: readonly RunSummary[],
  statuses: ReadonlyMap<string, string> = new Map(),
): string {
  const rows = runs.map((record) => [
    record.id,
    statuses.get(record.id) ?? record.status,
    record.startedAt.slice(0, 19).replace('T', ' '),
    formatDuration(record.durationMs),
    record.name,
    describeLineage(record),
  ]);
  const header = ['RUN', 'STATUS', 'STARTED (UTC)', 'DURATION', 'NAME', 'LINEAGE'];
  const widths = header.map((h, i) =>
    Math.max(h.length, ...rows.map((row) => row[i]?.length ?? 0)),
  );
  return [header, ...rows]
    .map((row) =>
      row
        .map((cell, i) => cell.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

function describeLineage(record: RunSummary): string {
  const { lineage } = record;
  if (lineage.parent === null) return 'first run';
  const mode = lineage.mode === null ? '' : ` (${formatRetryMode(lineage.mode)})`;
  const nothing = record.nothingToRetry ? ', nothing to retry' : '';
  return `retry ${lineage.retryNumber} of ${lineage.root}, from ${lineage.parent}${mode}${nothing}`;
}
