import { describe, expect, it } from 'vitest';
import {
  aFailedDbtRunStep,
  aLineage,
  aNodeSummary,
  aRunRecord,
  aStepRecord,
} from '../../../test/support/run-record.js';
import type { AttemptRecord, RunRecord, StepRecord } from '../run-record/schema.js';
import { detectFlaky, listFlaky, markFlaky } from './flaky.js';

const SHA = 'a'.repeat(40);

function anAttempt(overrides: Partial<AttemptRecord> & { number: number }): AttemptRecord {
  return {
    executed: 'dbt run',
    form: 'as-written',
    exitCode: 1,
    signal: null,
    startedAt: null,
    durationMs: 10,
    nodes: null,
    failedTests: null,
    ...overrides,
  };
}

const failedA = { id: 'model.p.a', status: 'error', message: 'lock timeout' };
const failedB = { id: 'model.p.b', status: 'error', message: 'syntax error' };

function parentRun(step: StepRecord, sha: string | null = SHA): RunRecord {
  return aRunRecord({ id: 'r-1', status: 'failed', git: { sha, ref: null }, steps: [step] });
}

function retryRun(step: StepRecord, sha: string | null = SHA): RunRecord {
  return aRunRecord({
    id: 'r-2',
    git: { sha, ref: null },
    lineage: aLineage({ parent: 'r-1', root: 'r-1', retryNumber: 1 }),
    steps: [step],
  });
}

const parentDbt = aFailedDbtRunStep({
  nodes: aNodeSummary({ counts: { success: 3, error: 2 }, failed: [failedA, failedB] }),
});
/** The retry passed a and left b failing. */
const retryDbt = aFailedDbtRunStep({
  action: 'retry',
  executed: 'dbt retry',
  nodes: aNodeSummary({ counts: { success: 4, error: 1 }, failed: [failedB], merged: true }),
});
/** pytest failed with one test, t::x. */
const parentPytest = aStepRecord({
  id: 'pytest',
  status: 'failed',
  exitCode: 1,
  failedTests: ['t::x'],
});

describe('detectFlaky across a chain', () => {
  it('names a dbt node that failed in the parent and passed in the retry, with its message', () => {
    const found = detectFlaky({ record: retryRun(retryDbt), parent: parentRun(parentDbt) });
    expect(found.get('dbt-run')).toEqual([
      {
        id: 'model.p.a',
        kind: 'node',
        failedIn: { run: 'r-1', attempt: 1 },
        message: 'lock timeout',
      },
    ]);
  });

  it.each([
    { name: 'another commit', parentSha: 'b'.repeat(40), sha: SHA },
    { name: 'an unknown commit', parentSha: null, sha: null },
  ])('names nothing on $name', ({ parentSha, sha }) => {
    const found = detectFlaky({
      record: retryRun(retryDbt, sha),
      parent: parentRun(parentDbt, parentSha),
    });
    expect(found.size).toBe(0);
  });

  it('leaves out a node modified between the runs: its pass is a fix', () => {
    const found = detectFlaky({
      record: retryRun(retryDbt),
      parent: parentRun(parentDbt),
      modified: new Set(['model.p.a']),
    });
    expect(found.size).toBe(0);
  });

  it('names nothing when a fix-aware retry rebuilt nodes changed since the parent', () => {
    const fixed = {
      ...retryDbt,
      fixAware: { added: ['model.p.c'], parentRun: 'r-1', reason: 'model c changed since run r-1' },
    };
    expect(detectFlaky({ record: retryRun(fixed), parent: parentRun(parentDbt) }).size).toBe(0);
  });

  it('does not count a node the retry skipped, or a step that was carried or cut short', () => {
    const skipped = {
      ...retryDbt,
      nodes: aNodeSummary({ failed: [failedB], skipped: ['model.p.a'] }),
    };
    const carried = { ...retryDbt, carriedFrom: 'r-1', nodes: parentDbt.nodes };
    const cancelled = { ...retryDbt, status: 'cancelled' as const };
    for (const step of [skipped, carried, cancelled]) {
      expect(detectFlaky({ record: retryRun(step), parent: parentRun(parentDbt) }).size).toBe(0);
    }
  });

  it('names a test that failed in the parent and passed in the retry', () => {
    const parent = aStepRecord({
      id: 'pytest',
      tool: 'pytest',
      status: 'failed',
      exitCode: 1,
      attempts: 3,
      failedTests: ['t.py::flaky', 't.py::broken'],
    });
    const retry = aStepRecord({
      id: 'pytest',
      tool: 'pytest',
      action: 'retry',
      status: 'failed',
      exitCode: 1,
      failedTests: ['t.py::broken'],
    });
    const found = detectFlaky({ record: retryRun(retry), parent: parentRun(parent) });
    expect(found.get('pytest')).toEqual([
      { id: 't.py::flaky', kind: 'test', failedIn: { run: 'r-1', attempt: 3 }, message: null },
    ]);
  });

  it('counts a passing retry without a test list only when it exited 0', () => {
    const passed = aStepRecord({ id: 'pytest', failedTests: null, exitCode: 0 });
    const failed = { ...passed, status: 'failed' as const, exitCode: 2 };
    expect(detectFlaky({ record: retryRun(passed), parent: parentRun(parentPytest) }).size).toBe(1);
    expect(detectFlaky({ record: retryRun(failed), parent: parentRun(parentPytest) }).size).toBe(0);
  });

  it('names nothing for a first run', () => {
    expect(detectFlaky({ record: parentRun(parentDbt), parent: null }).size).toBe(0);
  });
});

describe('detectFlaky within a step', () => {
  it('names a node that failed in one attempt and passed in the next', () => {
    const step = aFailedDbtRunStep({
      status: 'success',
      exitCode: 0,
      attempts: 3,
      attemptLog: [
        anAttempt({ number: 1, nodes: aNodeSummary({ failed: [failedA, failedB] }) }),
        anAttempt({ number: 2, form: 'tool-retry', nodes: aNodeSummary({ failed: [failedB] }) }),
        anAttempt({ number: 3, form: 'tool-retry', exitCode: 0, nodes: aNodeSummary() }),
      ],
    });
    const found = detectFlaky({ record: retryRun(step), parent: null });
    expect(found.get('dbt-run')).toEqual([
      {
        id: 'model.p.a',
        kind: 'node',
        failedIn: { run: 'r-2', attempt: 1 },
        message: 'lock timeout',
      },
      {
        id: 'model.p.b',
        kind: 'node',
        failedIn: { run: 'r-2', attempt: 2 },
        message: 'syntax error',
      },
    ]);
  });

  it('skips attempts without results and names nothing that never passed', () => {
    const step = aFailedDbtRunStep({
      attempts: 3,
      attemptLog: [
        anAttempt({ number: 1, nodes: aNodeSummary({ failed: [failedA] }) }),
        anAttempt({ number: 2, exitCode: 2, nodes: null }),
        anAttempt({ number: 3, nodes: aNodeSummary({ failed: [failedA] }) }),
      ],
    });
    expect(detectFlaky({ record: retryRun(step), parent: null }).size).toBe(0);
  });

  it('names a test from its attempts, and the earliest failure once when the chain also shows it', () => {
    const step = aStepRecord({
      id: 'pytest',
      attempts: 2,
      failedTests: [],
      attemptLog: [
        anAttempt({ number: 1, executed: 'pytest', failedTests: ['t::x'] }),
        anAttempt({ number: 2, executed: 'pytest --last-failed', exitCode: 0, failedTests: [] }),
      ],
    });
    const found = detectFlaky({ record: retryRun(step), parent: parentRun(parentPytest) });
    expect(found.get('pytest')).toEqual([
      { id: 't::x', kind: 'test', failedIn: { run: 'r-1', attempt: 1 }, message: null },
    ]);
  });
});

describe('markFlaky and listFlaky', () => {
  it('fills flaky on the steps that have some and lists them in step order', () => {
    const other = aStepRecord({ id: 'other' });
    const record = retryRun(retryDbt);
    const marked = markFlaky({
      record: { ...record, steps: [other, retryDbt] },
      parent: parentRun(parentDbt),
    });
    expect(marked.steps[0]).toBe(other);
    expect(marked.steps[0]?.flaky).toBeUndefined();
    expect(listFlaky(marked).map(({ step, entry }) => `${step} ${entry.id}`)).toEqual([
      'dbt-run model.p.a',
    ]);
  });

  it('returns the record itself when nothing was flaky', () => {
    const record = retryRun(parentDbt);
    expect(markFlaky({ record, parent: parentRun(parentDbt) })).toBe(record);
  });
});
