import { describe, expect, it } from 'vitest';
import type { RetryTargetResult } from '../../src/core/report/retry-reply.js';
import { describeResult, toRetryJson, type RetryRun } from './retry-outcome.js';

const base = {
  workflow: { name: 'nightly', path: '.github/workflows/nightly.yml' },
  parentRunId: 5,
};
const url = 'https://github.com/acme/w/actions/runs';
const newRun: RetryRun = { id: 9, attempt: null, url: `${url}/9` };
const rerun: RetryRun = { id: 5, attempt: 2, url: `${url}/5/attempts/2` };

describe('describeResult', () => {
  it.each<[RetryTargetResult, RetryRun | null, string, string | null, RegExp]>([
    [
      { ...base, kind: 'dispatched', runId: 9 },
      newRun,
      'dispatched',
      null,
      /^started a retry of run 5: https:\/\/github\.com\/acme\/w\/actions\/runs\/9$/,
    ],
    [
      { ...base, kind: 'dispatched', runId: null },
      null,
      'dispatched',
      null,
      /GitHub did not name the new run: look for "Retry of #5"/,
    ],
    [
      { ...base, kind: 'already-retried', runId: 9 },
      newRun,
      'already-retried',
      null,
      /^run 5 was already retried: .*\/9; follow it/,
    ],
    [
      { ...base, kind: 'refused', reason: 'GitHub re-runs a run at most 50 times' },
      null,
      'refused',
      'github-limit',
      /^cannot retry run 5: GitHub re-runs a run at most 50 times$/,
    ],
    [
      { ...base, kind: 'native-rerun', why: 'fork' },
      rerun,
      'rerun-failed-jobs',
      'fork',
      /^GitHub re-runs the failed jobs of run 5: .*attempts\/2 .*comes from a fork/,
    ],
    [
      { ...base, kind: 'native-rerun', why: 'no-dispatch-trigger' },
      rerun,
      'rerun-failed-jobs',
      'no-dispatch-trigger',
      /no workflow_dispatch trigger with a retry-of input/,
    ],
    [
      { ...base, kind: 'not-finished' },
      null,
      'refused',
      'not-finished',
      /^run 5 has not finished: wait for it, then retry$/,
    ],
    [
      { ...base, kind: 'expired', expiredAt: '2026-11-02T03:00:00Z' },
      null,
      'refused',
      'expired',
      /^the record of run 5 expired on 2026-11-02: retry everything with --all$/,
    ],
    [
      { ...base, kind: 'failed', message: 'Resource not accessible by integration' },
      null,
      'refused',
      'no-permission',
      /^your token may not start runs in acme\/w \(GitHub: Resource not accessible by integration\)/,
    ],
    [
      { ...base, kind: 'failed', message: '.github/workflows/n.yml is not on branch x any more' },
      null,
      'refused',
      'failed',
      /^could not retry run 5: /,
    ],
  ])('%j', (result, run, outcome, reason, message) => {
    const described = describeResult(result, { run, repository: 'acme/w' });
    expect(described).toMatchObject({ outcome, reason });
    expect(described.message).toMatch(message);
    expect(described.message).not.toContain('\n');
  });
});

describe('toRetryJson', () => {
  it('is the object the README documents', () => {
    const described = describeResult(
      { ...base, kind: 'dispatched', runId: 9 },
      { run: newRun, repository: 'acme/w' },
    );
    const json = toRetryJson({
      repository: 'acme/w',
      parent: { id: 5, url: `${url}/5` },
      mode: { kind: 'only', steps: ['a', 'b'] },
      described,
      run: newRun,
      result: null,
    });
    expect(json).toEqual({
      repository: 'acme/w',
      parent: { id: 5, url: `${url}/5` },
      mode: 'only a,b',
      outcome: 'dispatched',
      reason: null,
      message: `started a retry of run 5: ${url}/9`,
      run: { id: 9, attempt: null, url: `${url}/9` },
      result: null,
    });
  });
});
