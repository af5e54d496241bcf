import { renderCommandHelp } from '../bot/comment-command.js';
import { describeRetryMode, formatRetryMode, type RetryMode } from '../retry/mode.js';
import type { RunRecord, RunStatus } from '../run-record/schema.js';
import { DISPATCH_TRIGGER_YAML } from '../bot/dispatch-trigger.js';
import { replyMarker } from '../bot/markers.js';
import { stoppedStep } from '../run-record/record.js';
import {
  MARKDOWN_LIMIT,
  code,
  fitMarkdown,
  login,
  plain,
  runLink,
  type RunUrl,
} from './markdown.js';
import { describeOutcome } from './run-summary.js';
import { renderFlakyInline } from './flaky-report.js';
import { counted } from '../words.js';

/**
 * The bot's reply to a `/retry` comment, and its later edits as each retry finishes. Everything
 * taken from a comment, a record or an API answer is untrusted: it is shown in code spans or
 * escaped, so it cannot mention people, link elsewhere, or break the layout.
 */

/** A workflow as a reply names it. */
export interface ReplyWorkflow {
  readonly name: string;
  /** `.github/workflows/nightly.yml` */
  readonly path: string;
}

/** What happened to one target run of a `/retry` (one per workflow). */
export type RetryTargetResult = {
  readonly workflow: ReplyWorkflow;
  readonly parentRunId: number;
} & (
  | { readonly kind: 'dispatched'; readonly runId: number | null }
  | { readonly kind: 'already-retried'; readonly runId: number }
  | { readonly kind: 'native-rerun'; readonly why: 'fork' | 'no-dispatch-trigger' | 'not-gh-retry' }
  | { readonly kind: 'expired'; readonly expiredAt: string }
  | { readonly kind: 'not-finished' }
  | { readonly kind: 'failed'; readonly message: string }
  /** GitHub will not do it (one of its limits): trying again does not help; `reason` says why. */
  | { readonly kind: 'refused'; readonly reason: string }
);

/** The bot's one reply to a comment. */
export type RetryReply =
  | {
      readonly kind: 'results';
      readonly mode: RetryMode;
      readonly requestedBy: string;
      readonly results: readonly RetryTargetResult[];
    }
  | { readonly kind: 'no-failed-run'; readonly workflow: string | null; readonly headSha: string }
  | { readonly kind: 'denied'; readonly reason: string }
  | { readonly kind: 'invalid'; readonly message: string }
  | { readonly kind: 'help' };

/** The finished retry that a reply line reports on. */
export interface RetryOutcome {
  readonly parentRunId: number;
  readonly runId: number;
  readonly status: RunStatus;
  /** The retry's own record, when it uploaded one: adds what failed and what was reused. */
  readonly record: RunRecord | null;
}

/** Render the bot's reply to a comment: one line per target run, or why nothing ran and what to do. */
export function renderRetryReply(params: { reply: RetryReply; runUrl?: RunUrl }): string {
  const { reply } = params;
  switch (reply.kind) {
    case 'help':
      return renderCommandHelp();
    case 'invalid':
      return `😕 ${reply.message}`;
    case 'denied':
      return `🚫 ${reply.reason}`;
    case 'no-failed-run': {
      const commit = code(reply.headSha.slice(0, 7));
      return reply.workflow === null
        ? `🤷 Nothing to retry: no workflow has a failed run on commit ${commit}, the head of this pull request. If a run is still in progress, comment \`/retry\` again when it has finished.`
        : `🤷 Nothing to retry: ${code(reply.workflow)} has no failed run on commit ${commit}, the head of this pull request. Check the file name (\`/retry help\`), or comment ${code(`/retry ${reply.workflow}`)} again when its run has finished.`;
    }
    case 'results': {
      const head = `🔁 ${describeRetryMode(reply.mode, code)}, as ${login(reply.requestedBy)} asked:`;
      const items = reply.results.map((result) => renderResult(result, reply.mode, params.runUrl));
      return fitMarkdown({
        head,
        body: items.length > 0 ? items : ['Nothing was retried.'],
        tail: '',
        max: MARKDOWN_LIMIT,
      });
    }
  }
}

function renderResult(
  result: RetryTargetResult,
  mode: RetryMode,
  runUrl: RunUrl | undefined,
): string {
  const file = result.workflow.path.slice(result.workflow.path.lastIndexOf('/') + 1);
  const name = `**${plain(result.workflow.name)}** (${code(file)})`;
  const parent = runLink(result.parentRunId, runUrl);
  const marker = replyMarker(result.parentRunId);
  const rerunNote =
    mode.kind === 'from-failure'
      ? ''
      : ` Re-runs follow the workflow’s \`on-rerun\` setting, not ${code(formatRetryMode(mode))}.`;
  switch (result.kind) {
    case 'dispatched': {
      const run =
        result.runId === null ? 'a new run (see the Actions tab)' : runLink(result.runId, runUrl);
      return `${name}: retrying ${parent} as ${run}. ${marker}⏳ queued`;
    }
    case 'already-retried':
      return `${name}: ${parent} already has a retry, ${runLink(result.runId, runUrl)}; no second run was started.`;
    case 'native-rerun':
      return renderNativeRerun({ name, parent, marker, rerunNote, result });
    case 'expired':
      return `${name}: the record of ${parent} expired on ${plain(result.expiredAt.slice(0, 10))}, so it cannot be retried from failure. Comment ${code(`/retry ${file} all`)} to run every step again.`;
    case 'not-finished':
      return `${name}: ${parent} is still running. Comment ${code(`/retry ${file}`)} again when it has finished.`;
    case 'refused':
      return `${name}: cannot retry ${parent}: ${plain(result.reason, 600)}.`;
    case 'failed':
      return `${name}: could not retry ${parent}: ${plain(result.message)}. Try again; if it keeps failing, open the Actions tab, choose **Run workflow** on this workflow and set \`retry-of\` to ${code(String(result.parentRunId))}.`;
  }
}

function renderNativeRerun(params: {
  name: string;
  parent: string;
  marker: string;
  rerunNote: string;
  result: RetryTargetResult & { kind: 'native-rerun' };
}): string {
  const { name, parent, marker, rerunNote, result } = params;
  const status = `${marker}⏳ re-running`;
  switch (result.why) {
    case 'fork':
      return `${name}: this pull request comes from a fork, so gh-retry does not start a new run (it would run the fork’s code with this repository’s secrets). Re-ran the failed jobs of ${parent} instead; the gh-retry Action resumes them from failure.${rerunNote} ${status}`;
    case 'not-gh-retry':
      return `${name}: ${parent} does not use the gh-retry Action, so its failed jobs were re-run as they are. ${status}`;
    case 'no-dispatch-trigger':
      return [
        `${name}: this workflow has no \`workflow_dispatch\` trigger, so the failed jobs of ${parent} were re-run instead; the gh-retry Action resumes them from failure.${rerunNote} ${status}`,
        '',
        `To retry as a new run with any mode, add these lines to ${code(result.workflow.path)} (keep your other triggers under \`on:\`):`,
        '',
        '```yaml',
        DISPATCH_TRIGGER_YAML,
        '```',
      ].join('\n');
  }
}

/** Edit a reply with a retry's outcome: the line for its parent run gets the new status. */
export function renderRetryOutcome(params: {
  body: string;
  outcome: RetryOutcome;
  runUrl?: RunUrl;
}): string {
  const marker = replyMarker(params.outcome.parentRunId);
  const lines = params.body.split('\n');
  const index = lines.findIndex((line) => line.includes(marker));
  const line = lines[index];
  if (line === undefined) return params.body;
  lines[index] =
    line.slice(0, line.indexOf(marker) + marker.length) +
    describeOutcomeOf(params.outcome, params.runUrl);
  return lines.join('\n');
}

function describeOutcomeOf(outcome: RetryOutcome, runUrl: RunUrl | undefined): string {
  const run = runLink(outcome.runId, runUrl);
  const { record } = outcome;
  if (outcome.status === 'cancelled')
    return `🚫 ${run} was cancelled. Comment \`/retry\` to retry it.`;
  if (outcome.status === 'success') {
    if (record?.nothingToRetry === true)
      return `✅ ${run}: nothing to retry, the run had already succeeded.`;
    return `✅ ${run} succeeded${record === null ? '' : ` (${describeStepCounts(record)})`}.${flakyNote(record)}`;
  }
  const failed = record === null ? undefined : stoppedStep(record);
  const where =
    failed === undefined
      ? ''
      : ` at ${code(failed.id)}${describeOutcome(failed) === '' ? '' : ` (${describeOutcome(failed)})`}`;
  return `❌ ${run} failed${where}.${flakyNote(record)} Comment \`/retry\` to retry from this failure.`;
}

/** " Flaky: `a`, `b` +3 more." when the retry showed something to be flaky, else ''. */
function flakyNote(record: RunRecord | null): string {
  const flaky = record === null ? '' : renderFlakyInline(record);
  return flaky === '' ? '' : ` Flaky (failed, then passed on the same code): ${flaky}.`;
}

function describeStepCounts(record: RunRecord): string {
  const count = (word: string, n: number) => (n === 0 ? [] : [`${counted(n, 'step')} ${word}`]);
  const { steps } = record;
  const reused = steps.filter((s) => s.status === 'reused').length;
  const retried = steps.filter((s) => s.status !== 'reused' && s.action === 'retry').length;
  const ran = steps.filter(
    (s) => s.status !== 'reused' && s.action !== 'retry' && s.executed !== null,
  ).length;
  const parts = [...count('reused', reused), ...count('retried', retried), ...count('run', ran)];
  return parts.length === 0 ? 'no steps' : parts.join(', ');
}
