/**
 * GitHub re-runs a run's jobs only within 30 days of its start and at most 50 times. When the
 * App's fallback (a fork's run) is past either limit, its reply says so plainly and it asks GitHub
 * for nothing; `gh-retry retry` says the same.
 */
import { describe, expect, it } from 'vitest';
import { eachAppHarness, type AppHarness } from '../support/app/harness.js';
import { REPO, comment, reactions, replies } from '../support/app/scenario.js';
import { nightlyRepo } from '../support/app/workflows.js';

const repoOptions = nightlyRepo(REPO, { private: true });

describe('the App cannot re-run a fork’s run past GitHub’s limits', () => {
  let h: AppHarness;
  eachAppHarness({ repo: repoOptions }, (started) => (h = started));

  /** A fork's pull request whose head has one failed run of the nightly workflow, seeded as `extra` says. */
  const forkWithFailedRun = (extra: { createdAt?: string; attempts?: number }) => {
    const pull = h.gh.addPullRequest({ repo: REPO, head: 'patch-1', fork: 'outsider' });
    const runId = h.gh.addRun({
      repo: REPO,
      workflow: 'nightly.yml',
      conclusion: 'failure',
      event: 'pull_request',
      branch: 'patch-1',
      headSha: pull.headSha,
      ...extra,
    });
    return { pr: pull.number, runId };
  };
  const reruns = () =>
    h.gh.requests().filter((r) => (r.operationId ?? '').startsWith('actions/re-run'));

  it('says a run older than 30 days cannot be re-run', async () => {
    const createdAt = new Date(Date.now() - 31 * 86_400_000).toISOString();
    const { pr, runId } = forkWithFailedRun({ createdAt });
    const { commentId } = await comment(h, { pr, body: '/retry' });

    expect(reruns()).toEqual([]);
    expect(h.gh.run(runId).run_attempt).toBe(1);
    expect(reactions(h, commentId)).toEqual(['eyes', 'confused']);
    expect(replies(h, pr)[0]).toContain(
      `cannot retry [#${runId}](https://github.com/acme/warehouse/actions/runs/${runId}): GitHub re-runs jobs only within 30 days of a run's start, and run ${runId} started on ${createdAt.slice(0, 10)}; push a commit or start the workflow again to get a new run.`,
    );
  });

  it('says a run re-run 50 times cannot be re-run again', async () => {
    const { pr, runId } = forkWithFailedRun({ attempts: 51 });
    await comment(h, { pr, body: '/retry' });

    expect(reruns()).toEqual([]);
    expect(h.gh.run(runId)).toMatchObject({ run_attempt: 51, conclusion: 'failure' });
    expect(replies(h, pr)[0]).toContain(
      `GitHub re-runs a run at most 50 times, and run ${runId} has been re-run 50 times; push a commit or start the workflow again to get a new run.`,
    );
  });
});
