/**
 * `check_run.requested_action` ("Retry from failure", "Retry all") and `check_run.rerequested`
 * ("Re-run", which retries from failure) on the bot's own check runs: retry the run the check
 * run describes (its id is the check run's `external_id`) and note what happened on it, also
 * when it failed (a re-run suite stays queued until the App writes to it).
 */
import { authorize } from '../../src/core/bot/authorize.js';
import { errorMessage } from '../../src/core/errors.js';
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
    const parentRunId = runIdOf(check.external_id);
    if (!ours || parentRunId === null) return;
    const mode = modeOf(event.action, event.requested_action?.identifier);
    if (mode === null) return;
    checkRunId = check.id;
    const known = conclusionOf((payload as { check_run?: { conclusion?: unknown } }).check_run);
    await answerCheckRequest(contextFor(deps, event), {
      check: { id: check.id, conclusion: known },
      parentRunId,
      mode,
      sender: event.sender,
    });
  } catch (error) {
    deps.log.error(
      `could not handle the request on check run ${checkRunId ?? '(unreadable)'}`,
      error,
    );
  }
}

/** The run id a bot check run describes (its `external_id`), or null. */
export function runIdOf(externalId: string | null | undefined): number | null {
  const id = Number(externalId ?? '');
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/**
 * Retry the run a check run describes and note it there. GitHub queues the check run's suite on
 * "Re-run" until the App writes to it, so whatever happens the check run is written: an error
 * becomes a one-line note on it (and the log), keeping its conclusion.
 */
export async function answerCheckRequest(
  ctx: BotContext,
  params: {
    check: { readonly id: number; readonly conclusion: string | null };
    parentRunId: number;
    mode: RetryMode;
    sender: { login: string; type: string };
  },
): Promise<void> {
  const { check } = params;
  try {
    const line = await retryFromCheck(ctx, params);
    await noteOnCheckRun(ctx, check, line);
  } catch (error) {
    ctx.log.error(`could not retry run ${params.parentRunId} from check run ${check.id}`, error);
    const first = errorMessage(error).split('\n')[0] ?? '';
    // Octokit adds the documentation link to GitHub's message; the note keeps the message.
    const reason = escapeMarkdown(first.replace(/ - https?:\/\/\S+$/, '').replace(/\.+$/, ''));
    const line = `⚠️ gh-retry could not retry this run: ${reason}. Comment \`/retry\` on its pull request or choose **Re-run** to try again.`;
    await noteOnCheckRun(ctx, check, line).catch(async () => {
      // Not even the check run could be read: complete it as it was, without the note.
      await ctx.github.updateCheckRun({
        ...ctx.repo,
        checkRunId: check.id,
        conclusion: keptConclusion(check.conclusion),
      });
    });
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
async function noteOnCheckRun(
  ctx: BotContext,
  known: { readonly id: number; readonly conclusion: string | null },
  line: string,
): Promise<void> {
  const check = await ctx.github.getCheckRun({ ...ctx.repo, checkRunId: known.id });
  if (check === null) return;
  const text = line === '' ? check.output.text : appendRetryLog(check.output.text, line);
  await ctx.github.updateCheckRun({
    ...ctx.repo,
    checkRunId: known.id,
    conclusion: keptConclusion(check.conclusion ?? known.conclusion),
    output: { ...check.output, text },
  });
}

type KeptConclusion = 'success' | 'failure' | 'cancelled' | 'neutral';

/** The conclusion a re-written check run keeps: its own, when the Checks API takes it back. */
function keptConclusion(conclusion: string | null): KeptConclusion {
  const kept: readonly string[] = ['success', 'failure', 'cancelled', 'neutral'];
  return conclusion !== null && kept.includes(conclusion)
    ? (conclusion as KeptConclusion)
    : 'neutral';
}

function conclusionOf(check: { conclusion?: unknown } | undefined): string | null {
  return typeof check?.conclusion === 'string' ? check.conclusion : null;
}
