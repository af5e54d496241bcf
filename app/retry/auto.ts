/**
 * Retry policies after a run completed: decide with the core (`decideAutoRetry`), check that a
 * new run may be dispatched, and dispatch it after the policy's delay, at most once per run.
 */
import type { RetryConfig } from '../../src/core/bot/config.js';
import { DISPATCH_TRIGGER_YAML } from '../../src/core/bot/dispatch-trigger.js';
import { decideAutoRetry, type AutoRetryDecision } from '../../src/core/bot/auto-retry.js';
import type { RunRecord } from '../../src/core/run-record/schema.js';
import type { BotWorkflowRun } from '../../src/ports/github-bot.js';
import type { BotContext, PlannedAutoRetry } from '../context.js';
import { appendRetryLog, escapeMarkdown } from '../../src/core/report/check-run.js';
import type { RetryRoute } from '../../src/core/bot/route.js';
import { chooseRoute } from '../../src/retry-service/route.js';
import { parseRecordRunId } from '../../src/core/run-record/reference.js';
import { readRunRecords } from '../../src/retry-service/run-records.js';
import { executeRoute, findCheckRunOf } from '../../src/retry-service/execute.js';

/** What the policies decided for a run, and the note the check run shows. */
export interface AutoRetryPlan {
  readonly note: string;
  readonly retry: PlannedAutoRetry | null;
}

/** Decide whether `run` gets an automatic retry (reads its workflow file when a policy matches). */
export async function planAutoRetry(
  ctx: BotContext,
  params: { config: RetryConfig; records: readonly RunRecord[]; run: BotWorkflowRun },
): Promise<AutoRetryPlan> {
  const { run } = params;
  const comparing = params.config.retryPolicies.some((policy) => policy.stopOnSameFailure);
  const decisions: AutoRetryDecision[] = [];
  for (const record of params.records) {
    decisions.push(
      decideAutoRetry({
        config: params.config,
        record,
        workflowPath: run.workflowPath,
        branch: run.headBranch,
        parent: comparing ? await readParentRecord(ctx, record, run) : null,
      }),
    );
  }
  const decision = decisions.find(
    (d): d is Extract<AutoRetryDecision, { kind: 'retry' }> => d.kind === 'retry',
  );
  if (decision === undefined) {
    const reasons = [...new Set(decisions.map((d) => escapeMarkdown(d.reason)))];
    return { note: reasons.join('\n\n') || 'No run record was read.', retry: null };
  }
  const route = await chooseRoute(ctx, { parent: run, mode: decision.mode });
  const because = escapeMarkdown(decision.reason);
  if (route.kind !== 'dispatch')
    return {
      note: `${because}\n\nBut no automatic retry is started: ${whyNot(route, run)}`,
      retry: null,
    };
  const delaySeconds = Math.min(decision.delaySeconds, ctx.maxDelaySeconds);
  const shortened =
    delaySeconds < decision.delaySeconds
      ? ` (the policy asks for ${decision.delaySeconds}s; this bot waits at most ${ctx.maxDelaySeconds}s)`
      : '';
  const when = delaySeconds === 0 ? 'now' : `in ${delaySeconds}s${shortened}`;
  return { note: `${because}\n\nRetrying automatically ${when}.`, retry: { route, delaySeconds } };
}

/**
 * The record of the run `record` retried, for `stop-on-same-failure`; null for a first run or
 * when it cannot be read (then only the record's own in-run attempts are compared).
 */
async function readParentRecord(
  ctx: BotContext,
  record: RunRecord,
  run: BotWorkflowRun,
): Promise<RunRecord | null> {
  const { parent } = record.lineage;
  if (parent === null || record.status !== 'failed') return null;
  const ref = parseRecordRunId(parent);
  if (ref === null) return null;
  try {
    const read = await readRunRecords({
      github: ctx.github,
      repo: ctx.repo,
      run: { id: ref.runId, attempt: ref.attempt ?? 1, repository: run.repository },
    });
    return read.kind === 'read' ? (read.records.find((r) => r.id === parent) ?? null) : null;
  } catch (error) {
    ctx.log.info(`could not read the record of run ${ref.runId}: ${String(error)}`);
    return null;
  }
}

/** Start a planned retry (after its delay, through the shell's scheduler). */
export async function startAutoRetry(
  ctx: BotContext,
  params: { run: BotWorkflowRun; retry: PlannedAutoRetry },
): Promise<void> {
  const { run, retry } = params;
  await ctx.schedule({
    delaySeconds: retry.delaySeconds,
    task: async () => {
      await runPlannedRetry(ctx, params);
    },
    job: { kind: 'policy-retry', run, retry },
  });
}

/** Dispatch a planned retry now (its delay is over), at most once per run. */
export async function runPlannedRetry(
  ctx: BotContext,
  params: { run: BotWorkflowRun; retry: PlannedAutoRetry },
): Promise<void> {
  const { run, retry } = params;
  const result = await executeRoute(ctx, {
    parent: run,
    trigger: 'policy',
    requestedBy: ctx.identity.login,
    route: retry.route,
  });
  if (result.kind === 'dispatched') return;
  if (result.kind === 'already-retried') {
    ctx.log.info(`run ${run.id} already has a retry, run ${result.runId}; no second one`);
    return;
  }
  const why =
    result.kind === 'failed'
      ? result.message
      : result.kind === 'refused'
        ? result.reason
        : result.kind;
  await noteOnCheckRun(ctx, run, `The automatic retry could not start: ${escapeMarkdown(why)}.`);
}

async function noteOnCheckRun(ctx: BotContext, run: BotWorkflowRun, line: string): Promise<void> {
  const check = await findCheckRunOf(ctx, run);
  if (check === null) return;
  await ctx.github.updateCheckRun({
    ...ctx.repo,
    checkRunId: check.id,
    output: { ...check.output, text: appendRetryLog(check.output.text, line) },
  });
}

function whyNot(route: Exclude<RetryRoute, { kind: 'dispatch' }>, run: BotWorkflowRun): string {
  if (route.kind === 'stop')
    return route.result.kind === 'failed'
      ? escapeMarkdown(route.result.message)
      : route.result.kind === 'refused'
        ? escapeMarkdown(route.result.reason)
        : route.result.kind;
  switch (route.why) {
    case 'fork':
      return 'the run comes from a fork, and a new run would run the fork’s code with this repository’s secrets. Choose **Re-run failed jobs** on the run instead: the gh-retry Action resumes it from failure.';
    case 'not-gh-retry':
      return 'the run has no gh-retry record.';
    case 'no-dispatch-trigger':
      return [
        `\`${escapeMarkdown(run.workflowPath)}\` on branch \`${escapeMarkdown(run.headBranch ?? '')}\` has no \`workflow_dispatch\` trigger with a \`retry-of\` input. Add these lines (keep your other triggers under \`on:\`):`,
        '',
        '```yaml',
        DISPATCH_TRIGGER_YAML,
        '```',
      ].join('\n');
  }
}
