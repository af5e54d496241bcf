/**
 * How to retry one parent run, decided the same way for a comment, a check-run button and a
 * policy: dispatch a new run, GitHub's re-run of failed jobs, or not at all, and why.
 */
import type { RetryMode } from '../../src/core/model.js';
import { formatRetryMode } from '../../src/core/retry/mode.js';
import type { RetryTargetResult } from '../../src/core/report/retry-reply.js';
import type { BotWorkflowRun, CommitRun } from '../../src/ports/github-bot.js';
import type { BotContext } from '../context.js';
import {
  parseDispatchTrigger,
  retryInputs,
  RETRY_MODE_INPUT,
  RETRY_OF_INPUT,
} from '../../src/core/bot/dispatch-trigger.js';
import { recordsExpired, type RecordsNote } from '../../src/core/bot/markers.js';
import { findRecordArtifacts } from '../run-records.js';
import { parseRetryTitle } from '../../src/core/bot/retry-title.js';

/** How a parent run can be retried. */
export type RetryRoute =
  | {
      readonly kind: 'dispatch';
      readonly ref: string;
      readonly inputs: Readonly<Record<string, string>>;
      readonly mode: RetryMode;
      /**
       * Whether the inputs were checked against the workflow file. When not, GitHub's answer to
       * the dispatch says whether the workflow declares them, and only a refusal reads the file.
       */
      readonly checked: boolean;
    }
  | {
      readonly kind: 'native';
      readonly why: 'fork' | 'no-dispatch-trigger' | 'not-gh-retry';
    }
  | { readonly kind: 'stop'; readonly result: RetryTargetResult };

type Workflow = RetryTargetResult['workflow'];

/** What retrying a run needs to know of it. */
export type RetryParent = Pick<
  BotWorkflowRun,
  'id' | 'workflowId' | 'workflowName' | 'workflowPath' | 'createdAt' | 'headSha'
> & { readonly pullRequests?: readonly number[] };

/** The workflow of a run, as replies name it. */
export function workflowOf(run: Pick<BotWorkflowRun, 'workflowName' | 'workflowPath'>): Workflow {
  return { name: run.workflowName, path: run.workflowPath };
}

/** Decide how to retry `parent` in `mode` (reads its artifacts and its workflow file). */
export async function chooseRoute(
  ctx: BotContext,
  params: { parent: BotWorkflowRun; mode: RetryMode; forkPullRequest?: boolean },
): Promise<RetryRoute> {
  const { parent, mode } = params;
  const base = { workflow: workflowOf(parent), parentRunId: parent.id };
  if (parent.status !== 'completed')
    return { kind: 'stop', result: { ...base, kind: 'not-finished' } };
  const found = await findRecordArtifacts({ github: ctx.github, repo: ctx.repo, run: parent });
  if (found.kind === 'not-gh-retry') return { kind: 'native', why: 'not-gh-retry' };
  // Never dispatch for a fork: the new run would run the fork's code with this repository's secrets.
  const fork =
    params.forkPullRequest === true ||
    parent.headRepository?.toLowerCase() !== parent.repository.toLowerCase();
  if (fork) return { kind: 'native', why: 'fork' };
  const live = found.artifacts.filter((a) => !a.expired);
  if (mode.kind !== 'all' && live.length === 0) {
    const expiredAt = found.artifacts[0]?.expiresAt ?? parent.updatedAt;
    return { kind: 'stop', result: { ...base, kind: 'expired', expiredAt } };
  }
  const ref = parent.headBranch;
  if (ref === null) {
    const message = 'the run has no branch to start a new run on';
    return { kind: 'stop', result: { ...base, kind: 'failed', message } };
  }
  return await checkedDispatch(ctx, { parent, mode, ref });
}

/**
 * The run a retry of `run` should start from: `run` itself, or — when `run` is a retry that was
 * cancelled before it uploaded a record (e.g. by a newer run of its concurrency group) — the
 * parent its title names, so that it is retried again rather than re-run as a plain workflow.
 */
export async function retryStartingPoint(
  ctx: BotContext,
  run: BotWorkflowRun,
): Promise<BotWorkflowRun> {
  const parentId = parseRetryTitle(run.displayTitle);
  if (run.conclusion !== 'cancelled' || parentId === null || parentId === run.id) return run;
  const found = await findRecordArtifacts({ github: ctx.github, repo: ctx.repo, run });
  if (found.kind !== 'not-gh-retry') return run;
  return (await ctx.github.getRun({ ...ctx.repo, runId: parentId })) ?? run;
}

/** A dispatch route whose inputs were checked against the workflow file on `ref`. */
export async function checkedDispatch(
  ctx: BotContext,
  params: { parent: RetryParent; mode: RetryMode; ref: string },
): Promise<RetryRoute> {
  const { parent, ref } = params;
  const text = await ctx.github.readFile({ ...ctx.repo, path: parent.workflowPath, ref });
  if (text === null) {
    const message = `${parent.workflowPath} is not on branch ${ref} any more`;
    const base = { workflow: workflowOf(parent), parentRunId: parent.id };
    return { kind: 'stop', result: { ...base, kind: 'failed', message } };
  }
  const inputs = retryInputs({
    trigger: parseDispatchTrigger(text),
    parentRunId: parent.id,
    mode: formatRetryMode(params.mode),
  });
  return inputs === null
    ? { kind: 'native', why: 'no-dispatch-trigger' }
    : { kind: 'dispatch', ref, inputs, mode: params.mode, checked: true };
}

/**
 * Decide how to retry a run of a pull request's head commit from what one read of the commit
 * told (no request): `records` is the note on the bot's check run of the run. The dispatch is
 * unchecked: it sends the inputs the documented trigger declares.
 */
export function chooseQuickRoute(params: {
  parent: CommitRun;
  mode: RetryMode;
  forkPullRequest: boolean;
  records: RecordsNote;
  now: Date;
}): RetryRoute {
  const { parent, mode } = params;
  const base = { workflow: workflowOf(parent), parentRunId: parent.id };
  if (parent.status !== 'completed')
    return { kind: 'stop', result: { ...base, kind: 'not-finished' } };
  if (params.forkPullRequest) return { kind: 'native', why: 'fork' };
  if (mode.kind !== 'all' && recordsExpired(params.records, params.now)) {
    const expiredAt = params.records.expiresAt ?? parent.updatedAt;
    return { kind: 'stop', result: { ...base, kind: 'expired', expiredAt } };
  }
  if (parent.headBranch === null) {
    const message = 'the run has no branch to start a new run on';
    return { kind: 'stop', result: { ...base, kind: 'failed', message } };
  }
  // The documented trigger declares both; a workflow that declares only `retry-of` is refused
  // (422) and then retried with what its file declares.
  const inputs = { [RETRY_OF_INPUT]: String(parent.id), [RETRY_MODE_INPUT]: formatRetryMode(mode) };
  return { kind: 'dispatch', ref: parent.headBranch, inputs, mode, checked: false };
}
