import { describe, expect, it } from 'vitest';
import { routeLadder, type RouteFacts } from './route.js';

const parent = {
  id: 41,
  workflowName: 'Nightly',
  workflowPath: '.github/workflows/nightly.yml',
  status: 'completed',
  headBranch: 'feature',
};
const base = {
  workflow: { name: 'Nightly', path: '.github/workflows/nightly.yml' },
  parentRunId: 41,
};
const fromFailure = { kind: 'from-failure' } as const;
const retryable: RouteFacts = {
  parent,
  mode: fromFailure,
  madeRecords: true,
  fork: false,
  expiredAt: null,
};

describe('the retry ladder', () => {
  it('dispatches on the run’s branch when nothing stands in the way', () => {
    expect(routeLadder(retryable)).toEqual({ kind: 'dispatch-on', ref: 'feature' });
  });

  // Each rung, with every later rung also failing: the first failing rung decides.
  it.each([
    [
      'a run still in progress waits',
      {
        parent: { ...parent, status: 'in_progress', headBranch: null },
        madeRecords: false,
        fork: true,
      },
      { kind: 'stop', result: { ...base, kind: 'not-finished' } },
    ],
    [
      'a run without records is not a gh-retry run, even from a fork',
      { madeRecords: false, fork: true, expiredAt: '2026-11-01T00:00:00Z' },
      { kind: 'native', why: 'not-gh-retry' },
    ],
    [
      'a fork is never dispatched, even with expired records',
      { fork: true, expiredAt: '2026-11-01T00:00:00Z' },
      { kind: 'native', why: 'fork' },
    ],
    [
      'expired records stop a retry from failure',
      { expiredAt: '2026-11-01T00:00:00Z', parent: { ...parent, headBranch: null } },
      { kind: 'stop', result: { ...base, kind: 'expired', expiredAt: '2026-11-01T00:00:00Z' } },
    ],
    [
      'a run without a branch cannot get a new run',
      { parent: { ...parent, headBranch: null } },
      {
        kind: 'stop',
        result: { ...base, kind: 'failed', message: 'the run has no branch to start a new run on' },
      },
    ],
  ] as const)('%s', (_name, facts, expected) => {
    expect(routeLadder({ ...retryable, ...facts })).toEqual(expected);
  });

  it('lets `all` through expired records: it needs no record of the parent', () => {
    const facts = {
      ...retryable,
      mode: { kind: 'all' } as const,
      expiredAt: '2026-11-01T00:00:00Z',
    };
    expect(routeLadder(facts)).toEqual({ kind: 'dispatch-on', ref: 'feature' });
  });
});
