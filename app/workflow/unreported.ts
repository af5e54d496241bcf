/**
 * The bot workflow's check on what it assumes of GitHub (docs/app.md): that a retry it dispatched
 * with the `GITHUB_TOKEN` fires `workflow_run` when it completes, in a new three-level chain.
 * Neither is documented. The evidence that it held is the bot's own work: the `gh-retry` check run
 * it makes for every completed run with a record. So each bot run looks at the retries dispatched
 * lately (titled `Retry of #N`): one that completed a while ago, has a record, and whose parent
 * the bot did report but which it never reported itself gets a check run saying so, naming the
 * assumption and the fix. That check run also marks it as told, so it is said once.
 */
import type { BotContext } from '../context.js';
import { parseRetryTitle } from '../../src/core/bot/retry-title.js';
import { CHECK_RUN_NAME } from '../../src/core/report/check-run.js';
import type { BotWorkflowRun, CheckRunInfo } from '../../src/ports/github-bot.js';
import { findRecordArtifacts } from '../../src/retry-service/run-records.js';

/** A bot job reports a run within minutes of its completion (its `timeout-minutes` is 15). */
export const REPORT_WITHIN_MS = 30 * 60_000;
/** How far back dispatched retries are looked at, and how many at most. */
const LOOKBACK_MS = 7 * 86_400_000;
const MAX_RETRIES_CHECKED = 10;

/** The title of the note on a retry the bot workflow never reported. */
export const UNREPORTED_TITLE = 'Not reported: the bot workflow did not see this run complete';

/** Note each recent retry the bot workflow dispatched but never saw complete; the ids noted. */
export async function noteUnreportedRetries(ctx: BotContext, now: Date): Promise<number[]> {
  const since = new Date(now.getTime() - LOOKBACK_MS).toISOString();
  const dispatched = await ctx.github.listRuns({
    ...ctx.repo,
    event: 'workflow_dispatch',
    createdSince: since,
    limit: 50,
  });
  const settled = new Date(now.getTime() - REPORT_WITHIN_MS).toISOString();
  const retries = dispatched
    .filter((run) => run.status === 'completed' && run.updatedAt <= settled)
    .filter((run) => parseRetryTitle(run.displayTitle) !== null)
    .slice(0, MAX_RETRIES_CHECKED);
  const reports = new ReportedRuns(ctx);
  const noted: number[] = [];
  for (const retry of retries) {
    if (await reports.has(retry.headSha, retry.id)) continue;
    if (!(await parentReported(ctx, reports, retry))) continue;
    const records = await findRecordArtifacts({ github: ctx.github, repo: ctx.repo, run: retry });
    // Without a record the bot reports nothing either way: no evidence, no note.
    if (records.kind === 'not-gh-retry') continue;
    await ctx.github.createCheckRun({ ...ctx.repo, ...unreportedNote(ctx, retry) });
    ctx.log.warn(
      `gh-retry bot: run ${retry.id} completed, but this workflow was not started for it; give the bot an App token (docs/app.md).`,
    );
    noted.push(retry.id);
  }
  return noted;
}

/**
 * Whether the bot reported the retry's parent: else the parent's workflow is not one the bot
 * workflow watches (`workflow_run.workflows`), and its retries are not expected either.
 */
async function parentReported(
  ctx: BotContext,
  reports: ReportedRuns,
  retry: BotWorkflowRun,
): Promise<boolean> {
  const parentId = parseRetryTitle(retry.displayTitle);
  if (parentId === null) return false;
  if (await reports.has(retry.headSha, parentId)) return true;
  const parent = await ctx.github.getRun({ ...ctx.repo, runId: parentId });
  return parent !== null && (await reports.has(parent.headSha, parentId));
}

/** The bot's `gh-retry` check runs by commit, read once per commit. */
class ReportedRuns {
  private readonly byCommit = new Map<string, readonly CheckRunInfo[]>();

  constructor(private readonly ctx: BotContext) {}

  async has(headSha: string, runId: number): Promise<boolean> {
    let checks = this.byCommit.get(headSha);
    if (checks === undefined) {
      checks = await this.ctx.github.listCheckRuns({
        ...this.ctx.repo,
        headSha,
        name: CHECK_RUN_NAME,
      });
      this.byCommit.set(headSha, checks);
    }
    return checks.some((check) => check.externalId === String(runId));
  }
}

function unreportedNote(ctx: BotContext, retry: BotWorkflowRun) {
  const runUrl = `${ctx.serverUrl}/${ctx.repo.owner}/${ctx.repo.repo}/actions/runs/${retry.id}`;
  const summary = [
    `[#${retry.id}](${runUrl}) is a retry started by the gh-retry bot workflow. It completed (${retry.conclusion ?? 'no conclusion'}), but GitHub did not start the bot workflow for it within ${REPORT_WITHIN_MS / 60_000} minutes: its outcome is not in the \`/retry\` reply, and no retry policy was applied to it.`,
    'The bot workflow assumes that a run it dispatches with the repository’s `GITHUB_TOKEN` starts `workflow_run` workflows when it completes, each dispatch in a new chain of at most three levels. GitHub does not document either, and here one did not hold.',
    '**Fix:** give the bot an App installation token instead of the `GITHUB_TOKEN` (the `github-token` input, e.g. from `actions/create-github-app-token`): events caused by an App token start workflows like a person’s. See "What the bot workflow assumes of GitHub" in gh-retry’s docs/app.md. Until then, follow a retry in the Actions tab.',
  ].join('\n\n');
  return {
    name: CHECK_RUN_NAME,
    externalId: String(retry.id),
    headSha: retry.headSha,
    conclusion: 'neutral' as const,
    output: { title: UNREPORTED_TITLE, summary, text: '' },
    actions: [],
  };
}
