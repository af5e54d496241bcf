/**
 * How to retry one parent run, for a comment, a check-run button, a policy and the remote CLI:
 * gathers the facts from the run's artifacts, walks the one ladder in `core/bot/route.ts`, and
 * builds the dispatch (checked against the workflow file). The route from the bot's check run
 * alone needs no request: it is `routeFromCommitChecks` in `core/bot/route.ts`.
 */
import { formatRetryMode, type RetryMode } from '../core/retry/mode.js';
import { routeLadder, workflowOf, type RetryRoute } from '../core/bot/route.js';
import type { BotWorkflowRun } from '../ports/github-bot.js';
import type { GitHubRetryContext } from './context.js';
import { parseDispatchTrigger, retryInputs } from '../core/bot/dispatch-trigger.js';
import { findRecordArtifacts } from './run-records.js';
import { parseRetryTitle } from '../core/bot/retry-title.js';

/** What retrying a run needs to know of it. */
export type RetryParent = Pick<
  BotWorkflowRun,
  'id' | 'workflowId' | 'workflowName' | 'workflowPath' | 'createdAt' | 'headSha'
> & {
  readonly pullRequests?: readonly number[];
  /** The run's latest attempt, when the caller read it (GitHub re-runs a run at most 50 times). */
  readonly attempt?: number;
};

/** Decide how to retry `parent` in `mode` (reads its artifacts and its workflow file). */
export async function chooseRoute(
  ctx: GitHubRetryContext,
  params: { parent: BotWorkflowRun; mode: RetryMode; forkPullRequest?: boolean },
): Promise<RetryRoute> {
  const { parent, mode } = params;
  const found =
    parent.status === 'completed'
      ? await findRecordArtifacts({ github: ctx.github, repo: ctx.repo, run: parent })
      : null;
  const artifacts = found?.kind === 'found' ? found.artifacts : [];
  const step = routeLadder({
    parent,
    mode,
    madeRecords: found?.kind !== 'not-gh-retry',
    fork:
      params.forkPullRequest === true ||
      parent.headRepository?.toLowerCase() !== parent.repository.toLowerCase(),
    expiredAt: artifacts.some((a) => !a.expired)
      ? null
      : (artifacts[0]?.expiresAt ?? parent.updatedAt),
  });
  return step.kind === 'dispatch-on'
    ? await checkedDispatch(ctx, { parent, mode, ref: step.ref })
    : step;
}

/**
 * The run a retry of `run` should start from: `run` itself, or — when `run` is a retry that was
 * cancelled before it uploaded a record (e.g. by a newer run of its concurrency group) — the
 * parent its title names, so that it is retried again rather than re-run as a plain workflow.
 */
export async function retryStartingPoint(
  ctx: GitHubRetryContext,
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
  ctx: GitHubRetryContext,
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
