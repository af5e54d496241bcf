import { describe, expect, it } from 'vitest';
import type { StepSpec } from '../schedule/step-spec.js';
import type { AttemptRecord } from '../run-record/schema.js';
import { describeAttempt, describeInRunRetries, inRunDelaySeconds } from './in-run.js';

const attempt = (over: Partial<AttemptRecord>): AttemptRecord => ({
  number: 2,
  executed: 'dbt retry --state s',
  form: 'tool-retry',
  exitCode: 0,
  signal: null,
  startedAt: null,
  durationMs: 10,
  nodes: null,
  failedTests: null,
  ...over,
});

describe('in-run retries in words and waits', () => {
  it('grows the delay by its factor and caps it', () => {
    const delay = { initialSeconds: 10, factor: 2, maxSeconds: 60 };
    expect([1, 2, 3, 4, 5].map((k) => inRunDelaySeconds(delay, k))).toEqual([10, 20, 40, 60, 60]);
    expect(inRunDelaySeconds(undefined, 3)).toBe(0);
  });

  it('describes an attempt in one line', () => {
    const nodes = {
      which: 'run',
      counts: { success: 5, error: 1 },
      failed: [],
      skipped: [],
      merged: false,
    };
    expect(describeAttempt(attempt({ nodes }), 3, 'dbt')).toBe(
      'attempt 2 of 3: dbt retry (6 nodes) exit 0',
    );
    expect(
      describeAttempt(
        attempt({ form: 'as-written', exitCode: null, signal: 'timeout', failedTests: ['t::a'] }),
        2,
        'pytest',
      ),
    ).toBe('attempt 2 of 2: as written (1 failed test) stopped by timeout');
  });

  it('describes a step’s in-run retries for the plan', () => {
    const plain: StepSpec = {
      id: 'make',
      name: 'make',
      run: 'make',
      setup: false,
      continueOnError: false,
      retries: 0,
      state: [],
    };
    expect(describeInRunRetries(plain, null)).toBeUndefined();
    const step: StepSpec = {
      id: 'dbt-run',
      name: 'dbt run',
      run: 'dbt run',
      setup: false,
      continueOnError: false,
      retries: 2,
      state: [],
      retryDelay: { initialSeconds: 30, factor: 2, maxSeconds: 300 },
      retryOn: { exitCodes: [2], outputPatterns: [], dbtErrors: ['timeout'] },
    };
    expect(describeInRunRetries(step, 'dbt')).toBe(
      'up to 2 more attempts in dbt retry form when it applies; waits 30s, ×2 each time up to 5m; only on exit-codes 2; dbt-errors "timeout"',
    );
  });
});
