import { describeAttempt, toolRetryFormName } from '../retry/in-run.js';
import { formatRetryMode, listRetryModeForms } from '../retry/mode.js';
import { FAILED_NODE_STATUSES } from '../tools/dbt-node-status.js';
import { isRetryable } from '../run-record/record.js';
import type { NodeSummary, RunRecord, StepRecord } from '../run-record/schema.js';
import { renderFlakySection } from './flaky-report.js';
import { formatDuration } from './text-table.js';
import {
  MARKDOWN_LIMIT,
  STATUS_ICONS,
  code,
  fitMarkdown,
  login,
  oneLine,
  plain,
  runLabel,
  type RunUrl,
} from './markdown.js';
import { counted, firstWithMore } from '../words.js';

export { MARKDOWN_LIMIT, type RunUrl };

/**
 * GitHub-flavoured Markdown for one run: the Action's job summary and the App's check run.
 * Everything taken from a record is untrusted: it is shown in code spans or escaped, so it cannot
 * mention people, link elsewhere, or break the layout. The bot's replies are in `retry-reply.ts`.
 */

/** Failed nodes or tests named per step before "+N more". */
export const LISTED_FAILURES_PER_STEP = 20;

/** The report of one run: status, steps, what was flaky, failed nodes and tests, lineage, how to retry. */
export function renderRunSummary(params: {
  record: RunRecord;
  runUrl?: RunUrl;
  maxLength?: number;
}): string {
  const { record } = params;
  const link = (recordId: string) => runLabel(recordId, params.runUrl);
  const head = [renderHeader(record), ...renderContext(record, link)].join('\n\n');
  const body = [
    renderStepsTable(record, link),
    renderFlakySection(record, link),
    renderFailedNodes(record),
    renderFailedTests(record),
  ];
  const tail = isRetryable(record) ? renderHowToRetry(record) : '';
  return fitMarkdown({
    head,
    body: body.filter((s) => s !== ''),
    tail,
    max: params.maxLength ?? MARKDOWN_LIMIT,
  });
}

function renderHeader(record: RunRecord): string {
  if (record.nothingToRetry) return `## ✅ ${plain(record.name)}: nothing to retry`;
  const verb = { success: 'succeeded in', failed: 'failed in', cancelled: 'was cancelled after' }[
    record.status
  ];
  return `## ${STATUS_ICONS[record.status]} ${plain(record.name)} ${verb} ${formatDuration(record.durationMs)}`;
}

function renderContext(record: RunRecord, link: (id: string) => string): string[] {
  const facts: string[] = [];
  if (record.github !== null) facts.push(`Run ${link(String(record.github.runId))}`);
  if (record.github !== null && record.github.runAttempt > 1)
    facts.push(`attempt ${record.github.runAttempt}`);
  if (record.git.sha !== null) facts.push(`commit ${code(record.git.sha.slice(0, 7))}`);
  if (record.git.ref !== null) facts.push(code(record.git.ref.replace(/^refs\/heads\//, '')));
  const lines = facts.length > 0 ? [facts.join(' · ')] : [];
  const { lineage } = record;
  if (lineage.parent !== null) {
    const parts = [
      lineage.root === lineage.parent
        ? `**Retry ${lineage.retryNumber} of ${link(lineage.root)}**`
        : `**Retry ${lineage.retryNumber} of ${link(lineage.root)}, from ${link(lineage.parent)}**`,
      ...(lineage.mode === null ? [] : [`mode ${code(formatRetryMode(lineage.mode))}`]),
      `trigger ${lineage.trigger}`,
      ...(lineage.requestedBy === null ? [] : [`requested by ${login(lineage.requestedBy)}`]),
    ];
    lines.push(parts.join(' · '));
  }
  if (record.nothingToRetry && lineage.parent !== null) {
    lines.push(
      `Nothing to retry: ${link(lineage.parent)} had succeeded, so every step was reused.`,
    );
  }
  return lines;
}

function renderStepsTable(record: RunRecord, link: (id: string) => string): string {
  if (record.steps.length === 0) return '_No steps._';
  const rows = record.steps.map((step) =>
    [
      code(step.id),
      `${STATUS_ICONS[step.status]} ${step.status}`,
      step.executed === null ? '—' : formatDuration(step.durationMs),
      describeWhatRan(step, link),
    ]
      .map((cell) => cell.replace(/\|/g, '\\|'))
      .join(' | '),
  );
  return [
    '| Step | Status | Duration | What ran |',
    '| --- | --- | --- | --- |',
    ...rows.map((r) => `| ${r} |`),
  ].join('\n');
}

function describeWhatRan(step: StepRecord, link: (id: string) => string): string {
  if (step.status === 'reused')
    return step.reusedFrom === null ? 'reused' : `reused from ${link(step.reusedFrom)}`;
  if (step.executed === null) return 'not run';
  const how =
    step.action === 'retry'
      ? toolRetryFormName(step.tool)
      : step.setup || step.action === 'setup'
        ? 'as written (setup)'
        : 'as written';
  const detail = describeOutcome(step);
  const attempts = (step.attemptLog ?? []).map((attempt, _, all) =>
    describeAttempt(attempt, all.length, step.tool),
  );
  return [detail === '' ? how : `${how} (${detail})`, ...attempts].join('<br>');
}

/** What a step's nodes or tests came to, e.g. "3 failed, 5 skipped nodes"; '' when nothing to say. */
export function describeOutcome(step: StepRecord): string {
  if (step.nodes !== null) {
    const failed = countFailedNodes(step.nodes);
    const skipped = Math.max(step.nodes.counts.skipped ?? 0, step.nodes.skipped.length);
    if (failed === 0 && skipped === 0) return `${sum(Object.values(step.nodes.counts))} nodes ok`;
    const parts = [
      ...(failed > 0 ? [`${failed} failed`] : []),
      ...(skipped > 0 ? [`${skipped} skipped`] : []),
    ];
    return `${parts.join(', ')} nodes`;
  }
  const tests = step.failedTests?.length ?? 0;
  return tests > 0 ? counted(tests, 'failed test') : '';
}

function renderFailedNodes(record: RunRecord): string {
  const blocks = record.steps.flatMap((step) => {
    const nodes = step.nodes;
    if (nodes === null || nodes.failed.length === 0) return [];
    const items = nodes.failed.map((node) => {
      const message = node.message === null ? '' : `: ${code(oneLine(node.message, 200))}`;
      return `- ${code(node.id)} (${plain(node.status)})${message}`;
    });
    return [
      `**${code(step.id)}**: ${describeOutcome(step)}\n${listWithMore(items, countFailedNodes(nodes))}`,
    ];
  });
  return blocks.length === 0 ? '' : ['### Failed dbt nodes', ...blocks].join('\n\n');
}

function renderFailedTests(record: RunRecord): string {
  const blocks = record.steps.flatMap((step) => {
    const tests = step.failedTests ?? [];
    if (tests.length === 0 || step.status === 'reused') return [];
    const items = tests.map((test) => `- ${code(oneLine(test, 300))}`);
    return [`**${code(step.id)}**: ${describeOutcome(step)}\n${listWithMore(items, tests.length)}`];
  });
  return blocks.length === 0 ? '' : ['### Failed tests', ...blocks].join('\n\n');
}

function renderHowToRetry(record: RunRecord): string {
  const lines = ['### How to retry', ''];
  if (record.github === null) {
    lines.push(
      `- Run ${code(`gh-retry retry ${record.id}`)} to retry from failure, or ${code(`gh-retry retry ${record.id} --all`)} to run every step again.`,
    );
    return lines.join('\n');
  }
  const runId = String(record.github.runId);
  lines.push(
    '- Comment `/retry` on the pull request to retry from failure: steps that succeeded are reused and only what failed runs again. `/retry all` runs every step again; `/retry help` lists every form.',
    `- Or, in the Actions tab, open this workflow, choose **Run workflow** and set \`retry-of\` to ${code(runId)} (\`retry-mode\`: ${listRetryModeForms(code)}).`,
    '- Or choose **Re-run failed jobs** on this run: the gh-retry Action resumes it from failure.',
  );
  return lines.join('\n');
}

function listWithMore(items: readonly string[], total: number): string {
  const { shown, more } = firstWithMore(items, LISTED_FAILURES_PER_STEP, total);
  return [...shown, ...(more > 0 ? [`- +${more} more`] : [])].join('\n');
}

function countFailedNodes(nodes: NodeSummary): number {
  const counted = sum(FAILED_NODE_STATUSES.map((status) => nodes.counts[status] ?? 0));
  return Math.max(counted, nodes.failed.length);
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}
