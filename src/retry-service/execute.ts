/**
 * Carrying out a retry of one parent run, the same way for a comment, a check-run button and a
 * policy, without ever starting two retries of one run.
 */
import type { RetryTargetResult } from '../core/report/retry-reply.js';
import { findExistingRetry, type RetryCandidate } from '../core/bot/retry-title.js';
import type { BotWorkflowRun, CheckRunInfo } from '../ports/github-bot.js';
import { runUrlOf, type GitHubRetryContext } from './context.js';
import { appendRetryLog, CHECK_RUN_NAME } from '../core/report/check-run.js';
import { withRetryClaim } from './claim.js';
import { ownComments, repliedRetries } from './own-comments.js';
import {
  parseRetryMarkers,
  renderRetryMarker,
  type RetryMarker,
  type RetryTrigger,
} from '../core/bot/markers.js';
import { workflowOf, type RetryRoute } from '../core/bot/route.js';
import { checkedDispatch, type RetryParent } from './route.js';
import { rerunProblem } from '../core/bot/rerun-limits.js';

/** GitHub's refusal of a re-run past its limits (30 days, 50 re-runs). */
const CANNOT_RERUN = /cannot be (retried|rerun)/i;

/** Runs of the parent's workflow looked at when searching for an existing retry. */
const MAX_CANDIDATES = 300;

/** Who asked for a retry, and how. */
export interface RetryRequest {
  readonly parent: RetryParent;
  readonly trigger: RetryTrigger;
  readonly requestedBy: string;
  /**
   * The bot's check run of the parent, when the caller already read it: its notes say whether a
   * retry was started, and a comment's retry is noted in its reply instead of on it.
   */
  readonly known?: { readonly check: CheckRunInfo | null };
}

/** Carry out a route: dispatch (once per parent), re-run failed jobs, or report why not. */
export async function executeRoute(
  ctx: GitHubRetryContext,
  params: RetryRequest & { route: RetryRoute },
): Promise<RetryTargetResult> {
  const { parent, route } = params;
  const base = { workflow: workflowOf(parent), parentRunId: parent.id };
  switch (route.kind) {
    case 'stop':
      return route.result;
    case 'native':
      return await rerunNatively(ctx, { parent, why: route.why });
    case 'dispatch': {
      const key = `${ctx.repo.owner}/${ctx.repo.repo}#${parent.id}`;
      return await withParentLock(key, async () => {
        // What was read before the lock cannot know of a retry started while this waited for it.
        const recent = await liveRecentRetry(ctx, key);
        if (recent !== null) return { ...base, kind: 'already-retried', runId: recent };
        const checkAndDispatch = async (): Promise<RetryTargetResult> => {
          const { existing, check } =
            params.known === undefined
              ? await findRetryOf(ctx, parent)
              : { existing: await notedRetry(ctx, parent, params.known.check), check: null };
          if (existing !== null) return { ...base, kind: 'already-retried', runId: existing };
          return await dispatch(ctx, { ...params, route, check });
        };
        // Across processes (the App with Redis), only the holder of the parent's claim dispatches.
        const result =
          ctx.claims === undefined
            ? await checkAndDispatch()
            : await withRetryClaim(ctx.claims, { key, base }, checkAndDispatch, async (runId) => {
                const run = await ctx.github.getRun({ ...ctx.repo, runId });
                return run !== null && isCancelled(run);
              });
        if (result.kind === 'dispatched' && result.runId !== null)
          ctx.recentRetries.remember(key, result.runId);
        return result;
      });
    }
  }
}

async function dispatch(
  ctx: GitHubRetryContext,
  params: RetryRequest & {
    route: Extract<RetryRoute, { kind: 'dispatch' }>;
    check: CheckRunInfo | null;
  },
): Promise<RetryTargetResult> {
  const { parent, route } = params;
  const base = { workflow: workflowOf(parent), parentRunId: parent.id };
  const outcome = await ctx.github.dispatchWorkflow({
    ...ctx.repo,
    workflowId: parent.workflowId,
    ref: route.ref,
    inputs: route.inputs,
  });
  switch (outcome.kind) {
    case 'dispatched':
      await noteRetry(ctx, { ...params, runId: outcome.runId });
      return { ...base, kind: 'dispatched', runId: outcome.runId };
    case 'no-dispatch-trigger':
      return await rerunNatively(ctx, { parent, why: 'no-dispatch-trigger' });
    case 'rejected': {
      // Unchecked inputs GitHub refused (e.g. undeclared): read the workflow file to know why.
      if (route.checked || outcome.status !== 422)
        return { ...base, kind: 'failed', message: outcome.message };
      const checked = await checkedDispatch(ctx, { parent, mode: route.mode, ref: route.ref });
      // Still under the parent's lock: dispatch again directly, never through executeRoute.
      if (checked.kind !== 'dispatch')
        return await executeRoute(ctx, { ...params, route: checked });
      if (sameInputs(checked.inputs, route.inputs))
        return { ...base, kind: 'failed', message: outcome.message };
      return await dispatch(ctx, { ...params, route: checked });
    }
  }
}

function sameInputs(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>) {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => a[key] === b[key]);
}

/** A retry of `parent` noted on its check run and not cancelled, if any. */
async function notedRetry(
  ctx: GitHubRetryContext,
  parent: RetryParent,
  check: CheckRunInfo | null,
): Promise<number | null> {
  const notes = parseRetryMarkers(check?.output.text ?? '');
  const ids = [...new Set(notes.map((note) => note.runId))];
  const runs = await Promise.all(
    ids.map(async (runId) => await ctx.github.getRun({ ...ctx.repo, runId })),
  );
  return existingRetry(parent, { runs: runs.filter((run) => run !== null), notes });
}

/** The retry this process started lately for the parent `key`, unless it was cancelled since. */
async function liveRecentRetry(ctx: GitHubRetryContext, key: string): Promise<number | null> {
  const recent = ctx.recentRetries.find(key);
  if (recent === null) return null;
  const run = await ctx.github.getRun({ ...ctx.repo, runId: recent });
  if (run === null || !isCancelled(run)) return recent;
  ctx.recentRetries.forget(key);
  return null;
}

function isCancelled(run: Pick<BotWorkflowRun, 'status' | 'conclusion'>): boolean {
  return run.status === 'completed' && run.conclusion === 'cancelled';
}

/** The retry of `parent` among dispatched runs (by title) and the bot's notes of retries of it. */
function existingRetry(
  parent: RetryParent,
  found: { runs: readonly BotWorkflowRun[]; notes: readonly RetryMarker[] },
): number | null {
  const cancelled = new Set(found.runs.filter(isCancelled).map((run) => run.id));
  const candidates: RetryCandidate[] = [
    ...found.runs.map((run) => ({
      runId: run.id,
      displayTitle: run.displayTitle,
      cancelled: cancelled.has(run.id),
    })),
    ...found.notes.map((note) => ({
      runId: note.runId,
      displayTitle: '',
      recordParentRunId: parent.id,
      cancelled: cancelled.has(note.runId),
    })),
  ];
  const existing = findExistingRetry({ parentRunId: parent.id, candidates });
  return existing.kind === 'found' ? existing.runId : null;
}

async function rerunNatively(
  ctx: GitHubRetryContext,
  params: { parent: RetryParent; why: 'fork' | 'no-dispatch-trigger' | 'not-gh-retry' },
): Promise<RetryTargetResult> {
  const base = { workflow: workflowOf(params.parent), parentRunId: params.parent.id };
  const problem = rerunProblem(params.parent, new Date());
  if (problem !== null) return { ...base, kind: 'refused', reason: problem };
  const outcome = await ctx.github.rerunFailedJobs({ ...ctx.repo, runId: params.parent.id });
  if (outcome.kind === 'rerun') return { ...base, kind: 'native-rerun', why: params.why };
  if (outcome.status === 403 && CANNOT_RERUN.test(outcome.message)) {
    const reason = `GitHub will not re-run its failed jobs (${outcome.message}): it re-runs a run only within 30 days of its start and at most 50 times; push a commit or start the workflow again to get a new run`;
    return { ...base, kind: 'refused', reason };
  }
  return {
    ...base,
    kind: 'failed',
    message: `GitHub refused to re-run its failed jobs (${outcome.message})`,
  };
}

/** The bot's check run describing `parent`, if it made one. */
export async function findCheckRunOf(
  ctx: GitHubRetryContext,
  parent: Pick<BotWorkflowRun, 'id' | 'headSha'>,
): Promise<CheckRunInfo | null> {
  const checks = await ctx.github.listCheckRuns({
    ...ctx.repo,
    headSha: parent.headSha,
    name: CHECK_RUN_NAME,
    ...(ctx.identity.appId === null ? {} : { appId: ctx.identity.appId }),
  });
  return checkRunDescribing(ctx, checks, parent.id);
}

/** The bot's check run of run `runId` among `checks`: its name, its App, the run in `external_id`. */
export function checkRunDescribing(
  ctx: GitHubRetryContext,
  checks: readonly CheckRunInfo[],
  runId: number,
): CheckRunInfo | null {
  return (
    checks.find(
      (check) =>
        check.name === CHECK_RUN_NAME &&
        check.externalId === String(runId) &&
        (ctx.identity.appId === null || check.appId === ctx.identity.appId),
    ) ?? null
  );
}

/**
 * An existing retry of `parent`: a dispatched run of its workflow whose title names it (the
 * `run-name` the example workflows declare), a retry noted on the parent's check run, or one
 * noted in a `/retry` reply on the parent's pull requests.
 */
async function findRetryOf(
  ctx: GitHubRetryContext,
  parent: RetryParent,
): Promise<{ existing: number | null; check: CheckRunInfo | null }> {
  const runs = await ctx.github.listRuns({
    ...ctx.repo,
    workflow: parent.workflowId,
    event: 'workflow_dispatch',
    createdSince: parent.createdAt,
    limit: MAX_CANDIDATES,
  });
  const check = await findCheckRunOf(ctx, parent);
  const replied = await repliedRetries(ownComments(ctx), {
    pullRequests: parent.pullRequests ?? [],
    parentRunId: parent.id,
  });
  const notes = [...parseRetryMarkers(check?.output.text ?? ''), ...replied];
  return { existing: existingRetry(parent, { runs, notes }), check };
}

/**
 * Note the new retry on the parent's check run, so its outcome can be told apart later. The
 * check run is the one read just before the dispatch (under the parent's lock), not read again.
 */
async function noteRetry(
  ctx: GitHubRetryContext,
  params: RetryRequest & { runId: number | null; check: CheckRunInfo | null },
): Promise<void> {
  const { check } = params;
  if (params.runId === null || check === null) return;
  const link = `[#${params.runId}](${runUrlOf(ctx)(params.runId)})`;
  const by = `@${params.requestedBy}`;
  const words = {
    comment: `by ${by} with a /retry comment`,
    check: `by ${by} with a check-run button`,
    policy: 'by a retry policy',
    cli: 'from the command line (gh-retry retry)',
  };
  const line = `${link} started ${words[params.trigger]}. ${renderRetryMarker({ runId: params.runId, trigger: params.trigger, requestedBy: params.requestedBy })}`;
  await ctx.github.updateCheckRun({
    ...ctx.repo,
    checkRunId: check.id,
    output: { ...check.output, text: appendRetryLog(check.output.text, line) },
  });
}

const locks = new Map<string, Promise<unknown>>();

/** Serialise work on one parent run inside this process (two deliveries of one event at once). */
async function withParentLock<T>(key: string, work: () => Promise<T>): Promise<T> {
  const previous = locks.get(key) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(work);
  locks.set(key, next);
  try {
    return await next;
  } finally {
    if (locks.get(key) === next) locks.delete(key);
  }
}
