/**
 * Retrying one parent run, the same way for a comment, a check-run button and a policy: decide
 * how (dispatch a new run, GitHub's re-run of failed jobs, or not at all, and why), then do it
 * without ever starting two retries of one run.
 */
import { formatRetryMode, type RetryMode } from '../src/core/model.js';
import type { RetryTargetResult } from '../src/core/markdown-report.js';
import { findExistingRetry, type RetryCandidate } from '../src/core/retry-policy.js';
import type { BotWorkflowRun, CheckRunInfo } from '../src/ports-github-bot.js';
import { runUrlOf, type BotContext } from './bot-context.js';
import { appendRetryLog, CHECK_RUN_NAME } from './check-run-report.js';
import { parseDispatchTrigger, retryInputs } from './dispatch-trigger.js';
import { parseRetryMarkers, renderRetryMarker, type RetryTrigger } from './retry-markers.js';
import { findRecordArtifacts } from './run-records.js';

/** Runs of the parent's workflow looked at when searching for an existing retry. */
const MAX_CANDIDATES = 300;

/** How a parent run can be retried. */
export type RetryRoute =
  | {
      readonly kind: 'dispatch';
      readonly ref: string;
      readonly inputs: Readonly<Record<string, string>>;
    }
  | {
      readonly kind: 'native';
      readonly why: 'fork' | 'no-dispatch-trigger' | 'not-gh-retry';
    }
  | { readonly kind: 'stop'; readonly result: RetryTargetResult };

type Workflow = RetryTargetResult['workflow'];

/** The workflow of a run, as replies name it. */
export function workflowOf(run: BotWorkflowRun): Workflow {
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
  const text = await ctx.github.readFile({ ...ctx.repo, path: parent.workflowPath, ref });
  if (text === null) {
    const message = `${parent.workflowPath} is not on branch ${ref} any more`;
    return { kind: 'stop', result: { ...base, kind: 'failed', message } };
  }
  const inputs = retryInputs({
    trigger: parseDispatchTrigger(text),
    parentRunId: parent.id,
    mode: formatRetryMode(mode),
  });
  return inputs === null
    ? { kind: 'native', why: 'no-dispatch-trigger' }
    : { kind: 'dispatch', ref, inputs };
}

/** Who asked for a retry, and how. */
export interface RetryRequest {
  readonly parent: BotWorkflowRun;
  readonly trigger: RetryTrigger;
  readonly requestedBy: string;
}

/** Carry out a route: dispatch (once per parent), re-run failed jobs, or report why not. */
export async function executeRoute(
  ctx: BotContext,
  params: RetryRequest & { route: RetryRoute },
): Promise<RetryTargetResult> {
  const { parent, route } = params;
  const base = { workflow: workflowOf(parent), parentRunId: parent.id };
  switch (route.kind) {
    case 'stop':
      return route.result;
    case 'native':
      return await rerunNatively(ctx, { parent, why: route.why });
    case 'dispatch':
      return await withParentLock(`${ctx.repo.owner}/${ctx.repo.repo}#${parent.id}`, async () => {
        const { existing, check } = await findRetryOf(ctx, parent);
        if (existing !== null) return { ...base, kind: 'already-retried', runId: existing };
        const outcome = await ctx.github.dispatchWorkflow({
          ...ctx.repo,
          workflowId: parent.workflowId,
          ref: route.ref,
          inputs: route.inputs,
        });
        switch (outcome.kind) {
          case 'dispatched':
            await noteRetry(ctx, { ...params, runId: outcome.runId, check });
            return { ...base, kind: 'dispatched', runId: outcome.runId };
          case 'no-dispatch-trigger':
            return await rerunNatively(ctx, { parent, why: 'no-dispatch-trigger' });
          case 'rejected':
            return { ...base, kind: 'failed', message: outcome.message };
        }
      });
  }
}

async function rerunNatively(
  ctx: BotContext,
  params: { parent: BotWorkflowRun; why: 'fork' | 'no-dispatch-trigger' | 'not-gh-retry' },
): Promise<RetryTargetResult> {
  const base = { workflow: workflowOf(params.parent), parentRunId: params.parent.id };
  const outcome = await ctx.github.rerunFailedJobs({ ...ctx.repo, runId: params.parent.id });
  return outcome.kind === 'rerun'
    ? { ...base, kind: 'native-rerun', why: params.why }
    : {
        ...base,
        kind: 'failed',
        message: `GitHub refused to re-run its failed jobs (${outcome.message})`,
      };
}

/** The bot's check run describing `parent`, if it made one. */
export async function findCheckRunOf(ctx: BotContext, parent: BotWorkflowRun) {
  const checks = await ctx.github.listCheckRuns({
    ...ctx.repo,
    headSha: parent.headSha,
    name: CHECK_RUN_NAME,
    ...(ctx.identity.appId === null ? {} : { appId: ctx.identity.appId }),
  });
  return checks.find((check) => check.externalId === String(parent.id)) ?? null;
}

/**
 * An existing retry of `parent`: a dispatched run of its workflow whose title names it (the
 * `run-name` the example workflows declare), or a retry noted on the parent's check run.
 */
async function findRetryOf(
  ctx: BotContext,
  parent: BotWorkflowRun,
): Promise<{ existing: number | null; check: CheckRunInfo | null }> {
  const runs = await ctx.github.listRuns({
    ...ctx.repo,
    workflow: parent.workflowId,
    event: 'workflow_dispatch',
    createdSince: parent.createdAt,
    limit: MAX_CANDIDATES,
  });
  const check = await findCheckRunOf(ctx, parent);
  const noted = parseRetryMarkers(check?.output.text ?? '');
  const candidates: RetryCandidate[] = [
    ...runs.map((run) => ({ runId: run.id, displayTitle: run.displayTitle })),
    ...noted.map((marker) => ({
      runId: marker.runId,
      displayTitle: '',
      recordParentRunId: parent.id,
    })),
  ];
  const found = findExistingRetry({ parentRunId: parent.id, candidates });
  return { existing: found.kind === 'found' ? found.runId : null, check };
}

/**
 * Note the new retry on the parent's check run, so its outcome can be told apart later. The
 * check run is the one read just before the dispatch (under the parent's lock), not read again.
 */
async function noteRetry(
  ctx: BotContext,
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
