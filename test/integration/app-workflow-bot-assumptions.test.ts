import { describe, expect, it } from 'vitest';
import { UNREPORTED_TITLE } from '../../app/workflow/unreported.js';
import type { TokenDispatchModel } from '../emulator/index.js';
import type { RecordShape } from '../support/app/records.js';
import {
  FAILED,
  comment,
  finishRun,
  openPullRequest,
  pushAndFinish,
  readable,
  replies,
} from '../support/app/scenario.js';
import { ACTIONS_BOT, BOT, botBundled, useBotWorkflow } from '../support/app/bot-workflow.js';

const REPO = 'acme/warehouse';

/** Longer than the bot workflow waits for a retry to be reported (REPORT_WITHIN_MS). */
const AN_HOUR_AGO = -60 * 60_000;

/**
 * What the bot workflow assumes of GitHub (docs/app.md): that a retry it dispatched with the
 * `GITHUB_TOKEN` starts it again when it completes. The emulator answers either way
 * (`tokenDispatches`); when the answer is no, the next bot run says so on the retry's checks.
 */
describe.skipIf(!botBundled)('the bot workflow’s assumptions about GitHub', () => {
  const bot = useBotWorkflow(REPO);
  const { gh, scene } = bot;
  const start = async (model: TokenDispatchModel): Promise<void> => {
    await bot.start({ tokenDispatches: model });
  };

  /** Upload a failed record with `lineage` for run `runId` and complete it as failed. */
  async function fail(runId: number, lineage: NonNullable<RecordShape['lineage']>): Promise<void> {
    await finishRun(scene, runId, { conclusion: 'failure', record: { status: 'failed', lineage } });
  }

  /** A /retry an hour ago whose retry failed; then a comment now, which starts the bot again. */
  async function retriedAnHourAgo(): Promise<{ parent: number; retry: number; pr: number }> {
    gh.setClockOffset(AN_HOUR_AGO);
    const pull = await openPullRequest(scene, {
      head: 'feature',
      endings: { 'nightly.yml': FAILED },
    });
    const parent = pull.runs['nightly.yml']!;
    await comment(scene, { pr: pull.number, body: '/retry' });
    const [dispatch] = gh.dispatches();
    expect(dispatch?.actor).toBe(ACTIONS_BOT);
    await fail(dispatch!.runId, { parent: `${parent}-1`, root: `${parent}-1`, retryNumber: 1 });
    gh.setClockOffset(0);
    await comment(scene, { pr: pull.number, body: 'Thanks!' });
    return { parent, retry: dispatch!.runId, pr: pull.number };
  }

  const checksOf = (runId: number) =>
    gh.checkRuns().filter((check) => check.external_id === String(runId));

  const reply = (pr: number): string => replies(scene, pr)[0] ?? '';

  it('both hold (the emulator’s default): the retry is reported, and nothing more is said', async () => {
    await start('fires');
    const { retry, pr } = await retriedAnHourAgo();
    expect(checksOf(retry).map((check) => check.output.title)).not.toContain(UNREPORTED_TITLE);
    expect(checksOf(retry)).toHaveLength(1);
    expect(reply(pr)).toContain('failed');
    expect(gh.checkRuns().map((check) => check.output.title)).not.toContain(UNREPORTED_TITLE);
  });

  it('a dispatched run fires no workflow_run: the next bot run puts a note naming the assumption and the fix on the retry, once', async () => {
    await start('silent');
    const { retry, pr } = await retriedAnHourAgo();
    const [note] = checksOf(retry);
    expect(checksOf(retry)).toHaveLength(1);
    expect(note).toMatchObject({
      name: 'gh-retry',
      conclusion: 'neutral',
      head_sha: gh.run(retry).head_sha,
    });
    expect(note!.output.title).toBe(UNREPORTED_TITLE);
    const summary = readable(note!.output.summary);
    expect(summary).toContain('GitHub did not start the bot workflow for it within 30 minutes');
    expect(summary).toContain(
      'a run it dispatches with the repository’s `GITHUB_TOKEN` starts `workflow_run` workflows',
    );
    expect(summary).toContain(
      'give the bot an App installation token instead of the `GITHUB_TOKEN`',
    );
    expect(reply(pr)).toContain('queued');

    // Said once: later bot runs find the note.
    await comment(scene, { pr, body: 'Any news?' });
    expect(checksOf(retry)).toHaveLength(1);
    const bots = gh.runs(REPO).filter((run) => run.path.startsWith(BOT));
    expect(bots.map((run) => run.conclusion).every((c) => c === 'success')).toBe(true);
  });

  it('a dispatch that does not start a new workflow_run chain: the policy chain’s last retry gets the note', async () => {
    await start('chained');
    gh.commitFiles(REPO, { '.github/gh-retry.yml': 'retry-policies:\n  - max-attempts: 10\n' });
    gh.setClockOffset(AN_HOUR_AGO);
    const { runId: first } = await pushAndFinish(scene, {
      workflow: 'nightly.yml',
      ending: FAILED,
    });
    // nightly → bot → retry → bot → retry → bot → retry: the third level ends the chain.
    for (let retries = 1; retries <= 3; retries += 1) {
      const retry = gh.dispatches().at(-1)!.runId;
      const parent = retries === 1 ? first : gh.dispatches().at(-2)!.runId;
      await fail(retry, { parent: `${parent}-1`, root: `${first}-1`, retryNumber: retries });
      expect(gh.dispatches()).toHaveLength(retries === 3 ? 3 : retries + 1);
    }
    const last = gh.dispatches().at(-1)!.runId;
    expect(checksOf(last)).toEqual([]);
    gh.setClockOffset(0);
    const issue = gh.addIssue({ repo: REPO, title: 'Nightly keeps failing' });
    await comment(scene, { pr: issue.number, body: 'Any news?' });
    expect(checksOf(last).map((check) => check.output.title)).toEqual([UNREPORTED_TITLE]);
    // The retries the bot did see are reported as usual.
    for (const { runId } of gh.dispatches().slice(0, 2))
      expect(checksOf(runId).map((check) => check.output.title)).not.toContain(UNREPORTED_TITLE);
  });
});
