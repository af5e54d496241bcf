import { firstWithMore } from '../words.js';
import type { Plan } from '../retry/plan.js';
import { describeAttempt } from '../retry/in-run.js';
import { formatRetryMode } from '../retry/mode.js';
import { isFailedNodeStatus } from '../tools/dbt-node-status.js';
import type { Lineage, NodeSummary, RunRecord, StepRecord } from '../run-record/schema.js';
import { describeFlakyLines } from './flaky-report.js';
import { formatDuration, renderTextTable, truncateText } from './text-table.js';

/** How many failed nodes or tests a report names before "+N more". */
export const LISTED_FAILURES = 10;
const MAX_COMMAND_WIDTH = 100;

/** The lineage of a run in one line: `retry 2 of r-1, from r-3 (mode from-failure)`. */
export function describeLineage(lineage: Lineage): string {
  if (lineage.parent === null) return `first run (${lineage.trigger})`;
  const mode = lineage.mode === null ? '' : ` (mode ${formatRetryMode(lineage.mode)})`;
  return `retry ${lineage.retryNumber} of ${lineage.root}, from ${lineage.parent}${mode}`;
}

/** dbt node counts in one line, most common status first: `10 success, 1 error, 2 skipped`. */
export function describeNodeCounts(nodes: NodeSummary): string {
  const counts = Object.entries(nodes.counts)
    .filter(([, count]) => count > 0)
    .sort(([, a], [, b]) => b - a)
    .map(([status, count]) => `${count} ${status}`);
  return counts.length === 0 ? 'no nodes' : counts.join(', ');
}

/** Names with "+N more" past the first LISTED_FAILURES. */
export function listWithMore(names: readonly string[], total: number = names.length): string {
  const { shown, more } = firstWithMore(names, LISTED_FAILURES, total);
  return more > 0 ? `${shown.join(', ')} +${more} more` : shown.join(', ');
}

/** What ran for a step: the executed command (retry form marked), or where its success came from. */
function describeExecuted(step: StepRecord): string {
  if (step.executed === null) {
    return step.status === 'reused' && step.reusedFrom !== null
      ? `reused from ${step.reusedFrom}`
      : '-';
  }
  const command = truncateText(step.executed, MAX_COMMAND_WIDTH);
  return step.action === 'retry' ? `${command} (retry form)` : command;
}

/** Extra lines under a step: dbt nodes and failed tests. */
function detailRows(step: StepRecord): string[][] {
  const rows: string[][] = [];
  const { nodes } = step;
  if (nodes !== null) {
    rows.push([
      '',
      '',
      '',
      `nodes: ${describeNodeCounts(nodes)}${nodes.merged ? mergedWith(step) : ''}`,
    ]);
    const failedCount = Object.entries(nodes.counts)
      .filter(([status]) => isFailedNodeStatus(status))
      .reduce((sum, [, count]) => sum + count, 0);
    if (nodes.failed.length > 0) {
      const names = nodes.failed.map((node) => `${node.id} (${node.status})`);
      rows.push([
        '',
        '',
        '',
        `failed: ${listWithMore(names, Math.max(failedCount, names.length))}`,
      ]);
    }
  }
  if (step.failedTests !== null && step.failedTests.length > 0) {
    rows.push(['', '', '', `failed tests: ${listWithMore(step.failedTests)}`]);
  }
  const attempts = step.attemptLog ?? [];
  for (const attempt of attempts) {
    rows.push(['', '', '', describeAttempt(attempt, attempts.length, step.tool)]);
  }
  return rows;
}

function mergedWith(step: StepRecord): string {
  return step.action === 'retry'
    ? ' (merged with the parent run)'
    : ' (merged across its attempts)';
}

/** A plain-text report of a run for a terminal: header, lineage, and one row per step, what was flaky. */
export function renderRunTable(record: RunRecord): string {
  const header = `Run ${record.id} (${record.name}): ${record.status} in ${formatDuration(record.durationMs)}`;
  const lines = [header, describeLineage(record.lineage)];
  if (record.nothingToRetry) lines.push('nothing to retry');
  const rows = record.steps.flatMap((step) => [
    [
      step.id,
      step.status,
      step.executed === null ? '-' : formatDuration(step.durationMs),
      describeExecuted(step),
    ],
    ...detailRows(step),
  ]);
  const flaky = describeFlakyLines(record);
  return [
    ...lines,
    '',
    renderTextTable(['STEP', 'STATUS', 'DURATION', 'WHAT RAN'], rows),
    ...(flaky.length === 0 ? [] : ['', ...flaky]),
  ].join('\n');
}

/** A plain-text retry plan: one row per step with its action, the exact command and the reason. */
export function renderPlanTable(plan: Plan): string {
  const header = `Plan: retry of ${plan.parent} (root ${plan.root}), mode ${formatRetryMode(plan.mode)}`;
  const lines = plan.nothingToRetry ? [header, 'nothing to retry'] : [header];
  const rows = plan.steps.flatMap((step) => [
    [
      step.id,
      step.action,
      step.exec === null ? '-' : truncateText(step.exec, MAX_COMMAND_WIDTH),
      step.reason,
    ],
    ...step.restore.map((file) => ['', '', `restores ${file.to}`, '']),
    ...(step.inRunRetries === undefined ? [] : [['', '', `in-run: ${step.inRunRetries}`, '']]),
  ]);
  return [...lines, '', renderTextTable(['STEP', 'ACTION', 'EXEC', 'REASON'], rows)].join('\n');
}

/**
 * When a plan reuses steps, the plain words a retry on a fresh runner needs: reused steps do not
 * run, so the files they made are not there. Null when nothing is reused.
 */
export function reusedFilesNote(plan: Plan): string | null {
  const reused = plan.steps.filter((step) => step.action === 'reuse').map((step) => step.id);
  if (reused.length === 0) return null;
  return `Reused steps do not run on this fresh runner, so files they made are not here: ${reused.join(', ')}. Mark a step "setup: true" if later steps need its files.`;
}
