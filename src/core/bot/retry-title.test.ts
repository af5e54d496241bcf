import { describe, expect, it } from 'vitest';
import { findExistingRetry, parseRetryTitle, RETRY_RUN_NAME } from './retry-title.js';
import { examples } from '../../../test/support/examples.js';

describe('findExistingRetry', () => {
  examples(parseRetryTitle, [
    ['Retry of #200', 200],
    ['retry of 200', 200],
    ['Retry of #https://github.com/o/r/actions/runs/200/attempts/2', 200],
    ['Nightly', null],
    ['Retry of #0', null],
    ['Fix #200 retry of things', null],
  ]);

  it('finds a retry by its title or by its record lineage', () => {
    const candidates = [
      { runId: 201, displayTitle: 'Retry of #150' },
      { runId: 202, displayTitle: 'Nightly', recordParentRunId: 199 },
      { runId: 203, displayTitle: 'Retry of #200' },
    ];
    expect(findExistingRetry({ parentRunId: 200, candidates })).toEqual({
      kind: 'found',
      runId: 203,
    });
    expect(findExistingRetry({ parentRunId: 199, candidates })).toEqual({
      kind: 'found',
      runId: 202,
    });
    expect(findExistingRetry({ parentRunId: 300, candidates })).toEqual({ kind: 'none' });
  });

  it('never takes the parent for its own retry', () => {
    const candidates = [{ runId: 200, displayTitle: 'Retry of #200' }];
    expect(findExistingRetry({ parentRunId: 200, candidates })).toEqual({ kind: 'none' });
  });

  it('does not count a cancelled retry: a new one may start', () => {
    const candidates = [
      { runId: 201, displayTitle: 'Retry of #200', cancelled: true },
      { runId: 202, displayTitle: '', recordParentRunId: 200, cancelled: true },
    ];
    expect(findExistingRetry({ parentRunId: 200, candidates })).toEqual({ kind: 'none' });
    const later = [...candidates, { runId: 203, displayTitle: 'Retry of #200' }];
    expect(findExistingRetry({ parentRunId: 200, candidates: later })).toEqual({
      kind: 'found',
      runId: 203,
    });
  });

  it('recommends a run-name that names the parent', () => {
    expect(RETRY_RUN_NAME).toContain("format('Retry of #{0}', inputs.retry-of)");
  });
});
