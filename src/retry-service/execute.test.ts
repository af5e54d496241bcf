import { describe, expect, it } from 'vitest';
import type { CheckRunInfo, GitHubBot } from '../ports/github-bot.js';
import type { GitHubRetryContext } from './context.js';
import { RecentRetries } from './recent.js';
import type { RetryRoute } from '../core/bot/route.js';
import { executeRoute } from './execute.js';

/** A bot context whose GitHub only dispatches, a little slowly, counting the dispatches, and reads runs' conclusions. */
function dispatchingContext(): {
  ctx: GitHubRetryContext;
  dispatches: () => number;
  cancelled: Set<number>;
} {
  let dispatches = 0;
  const cancelled = new Set<number>();
  const github = {
    getRun: ({ runId }: { runId: number }) =>
      Promise.resolve(
        cancelled.has(runId)
          ? { id: runId, status: 'completed', conclusion: 'cancelled' }
          : { id: runId, status: 'queued', conclusion: null },
      ),
    dispatchWorkflow: async () => {
      dispatches += 1;
      await new Promise((resolve) => setTimeout(resolve, 20));
      return { kind: 'dispatched', runId: 1000 + dispatches } as const;
    },
  } as unknown as GitHubBot;
  const ctx = {
    github,
    repo: { owner: 'acme', repo: 'warehouse' },
    serverUrl: 'https://github.com',
    identity: { login: 'gh-retry[bot]', appId: 1 },
    recentRetries: new RecentRetries(),
  } as unknown as GitHubRetryContext;
  return { ctx, dispatches: () => dispatches, cancelled };
}

const parent = {
  id: 41,
  workflowId: 3,
  workflowName: 'Nightly',
  workflowPath: '.github/workflows/nightly.yml',
  createdAt: '2026-11-22T10:00:00Z',
  headSha: 'a'.repeat(40),
  pullRequests: [7],
};
const route: RetryRoute = {
  kind: 'dispatch',
  ref: 'feature',
  inputs: { 'retry-of': '41', 'retry-mode': 'from-failure' },
  mode: { kind: 'from-failure' },
  checked: false,
};
const check: CheckRunInfo = {
  id: 9,
  name: 'gh-retry',
  headSha: parent.headSha,
  externalId: '41',
  appId: 1,
  conclusion: 'failure',
  output: { title: '', summary: '', text: '' },
};

describe('carrying out a retry', () => {
  it('dispatches once when two deliveries that read the same state arrive together', async () => {
    const { ctx, dispatches } = dispatchingContext();
    const request = { parent, route, trigger: 'comment', requestedBy: 'mona', known: { check } };
    const results = await Promise.all([
      executeRoute(ctx, { ...request, trigger: 'comment' }),
      executeRoute(ctx, { ...request, trigger: 'comment' }),
    ]);
    expect(dispatches()).toBe(1);
    expect(results.map((r) => r.kind).sort()).toEqual(['already-retried', 'dispatched']);
    expect(results.find((r) => r.kind === 'already-retried')).toMatchObject({ runId: 1001 });
  });

  it('does not count a retry it started that was cancelled since', async () => {
    const { ctx, dispatches, cancelled } = dispatchingContext();
    const request = { parent, route, trigger: 'comment', requestedBy: 'mona' } as const;
    const first = await executeRoute(ctx, { ...request, known: { check } });
    expect(first).toMatchObject({ kind: 'dispatched', runId: 1001 });
    expect(await executeRoute(ctx, { ...request, known: { check } })).toMatchObject({
      kind: 'already-retried',
      runId: 1001,
    });
    cancelled.add(1001);
    const noted = `<!-- gh-retry:retry run=1001 trigger=comment by=mona of=41 -->`;
    const known = { check: { ...check, output: { ...check.output, text: noted } } };
    expect(await executeRoute(ctx, { ...request, known })).toMatchObject({
      kind: 'dispatched',
      runId: 1002,
    });
    expect(dispatches()).toBe(2);
  });

  it('remembers a retry for a while, then forgets it', () => {
    let now = 0;
    const recent = new RecentRetries(() => now);
    recent.remember('acme/warehouse#41', 1001);
    expect(recent.find('acme/warehouse#41')).toBe(1001);
    expect(recent.find('acme/warehouse#42')).toBeNull();
    now = 15 * 60 * 1000;
    expect(recent.find('acme/warehouse#41')).toBeNull();
  });
});
