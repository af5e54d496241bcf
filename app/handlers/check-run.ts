/**
 * `check_run.requested_action` ("Retry from failure", "Retry all") and `check_run.rerequested`
 * ("Re-run", which retries from failure) on the bot's own check runs: retry the run the check
 * run describes (its id is the check run's `external_id`) and note what happened on it.
 */
import { authorize } from '../../src/core/bot/authorize.js';
import { renderRetryReply } from '../../src/core/report/retry-reply.js';
import type { RetryMode } from '../../src/core/retry/mode.js';
import { runUrlOf, type BotContext, type BotDeps } from '../context.js';
import { loadConfig } from '../config.js';
import {
  appendRetryLog,
  CHECK_RUN_NAME,
  escapeMarkdown,
  modeForButton,
} from '../../src/core/report/check-run.js';
import { checkRunEvent, contextFor, readPayload } from '../payloads.js';
import { chooseRoute } from '../../src/retry-service/route.js';
import { executeRoute } from '../../src/retry-service/execute.js';

/** Handle `check_run.requested_action` and `check_run.rerequested`. */
export async function handleCheckRun(deps: BotDeps, payload: unknown): Promise<void> {
  let checkRunId: number | null = null;
  try {
    const event = readPayload(checkRunEvent, payload, 'check_run');
    const { check_run: check } = event;
    // Only the App that owns a check run gets these events; the checks keep it honest anyway.
    const ours =
      deps.identity.appId !== null &&
      check.app?.id === deps.identity.appId &&
      check.name === CHECK_RUN_NAME;
    const parentRunId = Number(check.external_id ?? '');
    if (!ours || !Number.isSafeInteger(parentRunId) || parentRunId <= 0) return;
    const mode = modeOf(event.action, event.requested_action?.identifier);
    if (mode === null) return;
    checkRunId = check.id;
    const ctx = contextFor(deps, event);
    const line = await retryFromCheck(ctx, { parentRunId, mode, sender: event.sender });
    await noteOnCheckRun(ctx, check.id, line);
  } catch (error) {
    deps.log.error(
      `could not handle the request on check run ${checkRunId ?? '(unreadable)'}`,
      error,
    );
  }
}

function modeOf(action: string, identifier: string | undefined): RetryMode | null {
  if (action === 'rerequested') return { kind: 'from-failure' };
  if (action === 'requested_action' && identifier !== undefined) return modeForButton(identifier);
  return null;
}

/** Retry the check run's run; the line to add to its retry log. */
async function retryFromCheck(
  ctx: BotContext,
  params: { parentRunId: number; mode: RetryMode; sender: { login: string; type: string } },
): Promise<string> {
  const { config } = await loadConfig(ctx);
  const lookup = await ctx.github.getPermission({ ...ctx.repo, username: params.sender.login });
  const decision = authorize({ required: config.permission, lookup, sender: params.sender });
  if (decision.kind !== 'allowed') return `🚫 ${escapeMarkdown(decision.reason)}`;
  const parent = await ctx.github.getRun({ ...ctx.repo, runId: params.parentRunId });
  if (parent === null)
    return `😕 Run ${params.parentRunId} was not found, so nothing was retried. Retry it from the Actions tab.`;
  const route = await chooseRoute(ctx, { parent, mode: params.mode });
  const request = { parent, trigger: 'check', requestedBy: params.sender.login } as const;
  const result = await executeRoute(ctx, { ...request, route });
  // The dispatch itself is noted by executeRoute; other outcomes are told here, in the reply's words.
  if (result.kind === 'dispatched') return '';
  const reply = {
    kind: 'results',
    mode: params.mode,
    requestedBy: params.sender.login,
    results: [result],
  } as const;
  return renderRetryReply({ reply, runUrl: runUrlOf(ctx) });
}

/** Add a line to the check run's log, keeping it completed as it was (GitHub re-queues a re-run suite). */
async function noteOnCheckRun(ctx: BotContext, checkRunId: number, line: string): Promise<void> {
  const check = await ctx.github.getCheckRun({ ...ctx.repo, checkRunId });
  if (check === null) return;
  const text = line === '' ? check.output.text : appendRetryLog(check.output.text, line);
  const conclusion = check.conclusion;
  const keep =
    conclusion === 'success' ||
    conclusion === 'failure' ||
    conclusion === 'cancelled' ||
    conclusion === 'neutral'
      ? conclusion
      : 'neutral';
  await ctx.github.updateCheckRun({
    ...ctx.repo,
    checkRunId,
    conclusion: keep,
    output: { ...check.output, text },
  });
}
