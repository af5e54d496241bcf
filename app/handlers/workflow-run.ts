/**
 * `workflow_run.completed` of a run that uploaded a gh-retry record: show it as the bot's check
 * run on the head commit, apply the retry policies, and edit the `/retry` reply of a retry.
 */
import { runUrlOf, type BotDeps } from '../context.js';
import { loadConfig } from '../config.js';
import { renderCheckRun } from '../../src/core/report/check-run.js';
import { planAutoRetry, startAutoRetry, type AutoRetryPlan } from '../retry/auto.js';
import { contextFor, readPayload, workflowRunEvent } from '../payloads.js';
import { ownComments } from '../../src/retry-service/own-comments.js';
import { reportOutcome, resolveTriggers } from '../retry/outcome.js';
import { findCheckRunOf } from '../../src/retry-service/execute.js';
import { readRunRecords } from '../../src/retry-service/run-records.js';
import { runFromPayload } from '../workflow-run-payload.js';

/** Handle `workflow_run.completed`. */
export async function handleWorkflowRun(deps: BotDeps, payload: unknown): Promise<void> {
  let runId: number | null = null;
  try {
    const event = readPayload(workflowRunEvent, payload, 'workflow_run');
    if (event.action !== 'completed') return;
    runId = event.workflow_run.id;
    const ctx = contextFor(deps, event);
    const run =
      runFromPayload((payload as { workflow_run?: unknown }).workflow_run) ??
      (await ctx.github.getRun({ ...ctx.repo, runId }));
    if (run === null) return;
    const read = await readRunRecords({ github: ctx.github, repo: ctx.repo, run });
    if (read.kind === 'not-gh-retry') return;
    const { config, problems } = await loadConfig(ctx);
    const comments = ownComments(ctx);
    const records = await resolveTriggers(ctx, { run, records: read.records, comments });
    const plan: AutoRetryPlan =
      records.length === 0
        ? { note: 'No run record could be read, so no automatic retry.', retry: null }
        : await planAutoRetry(ctx, { config, records, run });
    const existing = await findCheckRunOf(ctx, run);
    const fields = renderCheckRun({
      run,
      records,
      recordProblems: read.problems,
      configProblems: problems,
      policyNote: plan.note,
      runUrl: runUrlOf(ctx),
      buttons: ctx.checkRunButtons,
      previousText: existing?.output.text ?? null,
      recordsNote: { expiresAt: read.expiresAt },
      // Without buttons it is the bot workflow's check run: it joins any Actions suite on the commit.
      ...(ctx.checkRunButtons
        ? {}
        : { nameRun: { workflowName: run.workflowName, runNumber: run.runNumber } }),
    });
    // A redelivered event updates the run's check run instead of adding a second one.
    if (existing === null)
      await ctx.github.createCheckRun({ ...ctx.repo, ...fields, headSha: run.headSha });
    else await ctx.github.updateCheckRun({ ...ctx.repo, ...fields, checkRunId: existing.id });
    if (plan.retry !== null) await startAutoRetry(ctx, { run, retry: plan.retry });
    await reportOutcome(ctx, { run, records, comments });
  } catch (error) {
    deps.log.error(`could not handle the completion of run ${runId ?? '(unreadable)'}`, error);
  }
}
