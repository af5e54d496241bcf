import { describe, expect, it } from 'vitest';
import type { CommitRun } from '../../ports/github-bot.js';
import { routeFromCommitChecks } from './route.js';

const failed: CommitRun = {
  id: 41,
  runNumber: 7,
  workflowId: 3,
  workflowName: 'Nightly',
  workflowPath: '.github/workflows/nightly.yml',
  status: 'completed',
  conclusion: 'failure',
  headSha: 'a'.repeat(40),
  headBranch: 'feature',
  event: 'pull_request',
  createdAt: '2026-11-20T10:00:00Z',
  updatedAt: '2026-11-20T10:05:00Z',
};
const now = new Date('2026-11-22T00:00:00Z');
const live = { expiresAt: '2026-12-01T00:00:00Z' };
const fromFailure = { kind: 'from-failure' } as const;

type Facts = Parameters<typeof routeFromCommitChecks>[0];

function route(overrides: Partial<Omit<Facts, 'parent'> & { parent: CommitRun }> = {}) {
  return routeFromCommitChecks({
    parent: failed,
    mode: fromFailure,
    forkPullRequest: false,
    records: live,
    now,
    ...overrides,
  });
}

describe('choosing a retry from the bot’s check run alone', () => {
  it('dispatches on the run’s branch with the inputs of the documented trigger', () => {
    expect(route()).toEqual({
      kind: 'dispatch',
      ref: 'feature',
      inputs: { 'retry-of': '41', 'retry-mode': 'from-failure' },
      mode: fromFailure,
      checked: false,
    });
    expect(route({ mode: { kind: 'all' } })).toMatchObject({
      inputs: { 'retry-of': '41', 'retry-mode': 'all' },
    });
    expect(route({ mode: { kind: 'from', step: 'dbt-run' } })).toMatchObject({
      inputs: { 'retry-of': '41', 'retry-mode': 'from dbt-run' },
    });
  });

  it('never dispatches for a fork', () => {
    expect(route({ forkPullRequest: true })).toEqual({ kind: 'native', why: 'fork' });
  });

  it('stops at an expired record unless every step runs again', () => {
    const expired = { expiresAt: '2026-11-21T00:00:00Z' };
    expect(route({ records: expired })).toMatchObject({
      kind: 'stop',
      result: { kind: 'expired', expiredAt: '2026-11-21T00:00:00Z', parentRunId: 41 },
    });
    expect(route({ records: expired, mode: { kind: 'all' } })).toMatchObject({ kind: 'dispatch' });
  });

  it('waits for a run that has not finished, and needs a branch to start on', () => {
    expect(route({ parent: { ...failed, status: 'in_progress', conclusion: null } })).toMatchObject(
      { kind: 'stop', result: { kind: 'not-finished' } },
    );
    expect(route({ parent: { ...failed, headBranch: null } })).toMatchObject({
      kind: 'stop',
      result: { kind: 'failed', message: 'the run has no branch to start a new run on' },
    });
  });
});
