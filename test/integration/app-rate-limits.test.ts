/**
 * The App with its server's Octokit (Probot's retry and throttling, plus waiting out secondary
 * limits: `app/probot/octokit.ts`) against GitHub's rate limits on the dispatch of a `/retry`.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAppHarness, type AppHarness } from '../support/app/harness.js';
import {
  FAILED,
  REPO,
  comment,
  openPullRequest,
  reactions,
  replies,
} from '../support/app/scenario.js';
import { nightlyRepo } from '../support/app/workflows.js';

describe('the App under GitHub’s rate limits', () => {
  let h: AppHarness;

  beforeEach(async () => {
    h = await startAppHarness({
      repo: nightlyRepo(REPO, { private: true }),
      throttled: true,
    });
  });
  afterEach(async () => {
    await h.stop();
  });

  const dispatchStatuses = () =>
    h.gh
      .requests()
      .filter((r) => r.operationId === 'actions/create-workflow-dispatch')
      .map((r) => r.status);

  it('waits out a primary limit on the dispatch and starts one retry', async () => {
    const pr = await openPullRequest(h, { head: 'feature', endings: { 'nightly.yml': FAILED } });
    h.gh.rateLimitNext('actions/create-workflow-dispatch', { kind: 'primary', waitSeconds: 1 });
    const { commentId } = await comment(h, { pr: pr.number, body: '/retry' });

    expect(dispatchStatuses()).toEqual([403, 200]);
    expect(h.gh.dispatches()).toHaveLength(1);
    expect(reactions(h, commentId)).toEqual(['eyes', 'rocket']);
    expect(replies(h, pr.number)[0]).toContain('retrying');
  });

  it.each([403, 429] as const)(
    'waits out a secondary limit (%i) on the dispatch and starts one retry',
    async (status) => {
      const pr = await openPullRequest(h, { head: 'feature', endings: { 'nightly.yml': FAILED } });
      h.gh.rateLimitNext('actions/create-workflow-dispatch', {
        kind: 'secondary',
        status,
        waitSeconds: 1,
      });
      const { commentId } = await comment(h, { pr: pr.number, body: '/retry' });

      expect(dispatchStatuses()).toEqual([status, 200]);
      expect(h.gh.dispatches()).toHaveLength(1);
      expect(reactions(h, commentId)).toEqual(['eyes', 'rocket']);
    },
  );

  it('gives up after two waits and says so in its reply, having dispatched nothing', async () => {
    const pr = await openPullRequest(h, { head: 'feature', endings: { 'nightly.yml': FAILED } });
    h.gh.rateLimitNext('actions/create-workflow-dispatch', {
      kind: 'secondary',
      waitSeconds: 1,
      times: 3,
    });
    const { commentId } = await comment(h, { pr: pr.number, body: '/retry' });

    expect(dispatchStatuses()).toEqual([403, 403, 403]);
    expect(h.gh.dispatches()).toEqual([]);
    expect(reactions(h, commentId)).toEqual(['eyes', 'confused']);
    expect(replies(h, pr.number)[0]).toContain('You have exceeded a secondary rate limit');
  });
});
