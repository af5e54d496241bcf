/**
 * When a retry completes: learn what really started it (from the notes on its parent's check
 * run), and edit the `/retry` reply that announced it with the outcome.
 */
import { isReplyFor, parseRetryMarkers, type RetryMarker } from '../../src/core/bot/markers.js';
import { renderRetryOutcome } from '../../src/core/report/retry-reply.js';
import type { RunRecord, RunStatus } from '../../src/core/run-record/schema.js';
import { parseRecordRunId } from '../../src/core/run-record/reference.js';
import type { BotWorkflowRun } from '../../src/ports/github-bot.js';
import { runUrlOf, type BotContext } from '../context.js';
import { repliedRetries, type OwnComments } from '../../src/retry-service/own-comments.js';
import { findCheckRunOf } from '../../src/retry-service/execute.js';

/**
 * The records with their real trigger: the Action writes `dispatch` for every dispatched retry,
 * but a retry the bot started by policy must count as one, or automatic retries would stop
 * after the first (they never follow a manual retry).
 */
export async function resolveTriggers(
  ctx: BotContext,
  params: { run: BotWorkflowRun; records: readonly RunRecord[]; comments: OwnComments },
): Promise<RunRecord[]> {
  const parents = new Map<number, Promise<RetryMarker[]>>();
  // A button's or a policy's retry is noted on the parent's check run, a comment's in its reply.
  const notesOf = async (parentRunId: number): Promise<RetryMarker[]> => {
    const parent = await ctx.github.getRun({ ...ctx.repo, runId: parentRunId });
    if (parent === null) return [];
    const check = await findCheckRunOf(ctx, parent);
    const noted = parseRetryMarkers(check?.output.text ?? '');
    if (noted.some((m) => m.runId === params.run.id)) return noted;
    return await repliedRetries(params.comments, {
      pullRequests: parent.pullRequests,
      parentRunId,
    });
  };
  const resolved: RunRecord[] = [];
  for (const record of params.records) {
    const { lineage } = record;
    const parentRun = lineage.parent === null ? null : parseRecordRunId(lineage.parent);
    if (lineage.trigger !== 'dispatch' || parentRun === null || parentRun.runId === params.run.id) {
      resolved.push(record);
      continue;
    }
    const pending = parents.get(parentRun.runId) ?? notesOf(parentRun.runId);
    parents.set(parentRun.runId, pending);
    const marker = (await pending).find((m) => m.runId === params.run.id);
    resolved.push(
      marker === undefined
        ? record
        : {
            ...record,
            lineage: { ...lineage, trigger: marker.trigger, requestedBy: marker.requestedBy },
          },
    );
  }
  return resolved;
}

/** Edit the bot's `/retry` reply for this retry's parent with the outcome; no reply, no edit. */
export async function reportOutcome(
  ctx: BotContext,
  params: { run: BotWorkflowRun; records: readonly RunRecord[]; comments: OwnComments },
): Promise<void> {
  const { run, records } = params;
  const record = records.find((r) => r.lineage.parent !== null);
  const parentRunId =
    record?.lineage.parent == null ? null : parseRecordRunId(record.lineage.parent)?.runId;
  if (record === undefined || parentRunId === undefined || parentRunId === null) return;
  const outcome = { parentRunId, runId: run.id, status: worstStatus(records), record };
  for (const number of await pullRequestsOf(ctx, run)) {
    const comments = await params.comments(number);
    const reply = comments.filter((c) => isReplyFor(c.body, parentRunId)).at(-1);
    if (reply === undefined) continue;
    const body = renderRetryOutcome({ body: reply.body, outcome, runUrl: runUrlOf(ctx) });
    if (body !== reply.body)
      await ctx.github.updateComment({ ...ctx.repo, commentId: reply.id, body });
  }
}

/** The pull requests of a run; for a fork, GitHub lists none, so they are looked up by head. */
async function pullRequestsOf(ctx: BotContext, run: BotWorkflowRun): Promise<number[]> {
  if (run.pullRequests.length > 0) return [...run.pullRequests];
  const owner = run.headRepository?.split('/')[0];
  if (owner === undefined || run.headBranch === null) return [];
  const pulls = await ctx.github.listPullRequestsByHead({
    ...ctx.repo,
    head: `${owner}:${run.headBranch}`,
  });
  return pulls.map((pull) => pull.number);
}

function worstStatus(records: readonly RunRecord[]): RunStatus {
  if (records.some((r) => r.status === 'failed')) return 'failed';
  if (records.some((r) => r.status === 'cancelled')) return 'cancelled';
  return 'success';
}
