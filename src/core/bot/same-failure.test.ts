import { describe, expect, it } from 'vitest';
import {
  aFailedDbtRunStep,
  aLineage,
  aNodeSummary,
  aRunRecord,
} from '../../../test/support/run-record.js';
import type { AttemptRecord, RunRecord, StepRecord } from '../run-record/schema.js';
import { parseConfig } from './config.js';
import { decideAutoRetry } from './auto-retry.js';
import { describeRepeatedFailure } from './same-failure.js';

const lock = { id: 'model.p.orders', status: 'error', message: 'could not obtain lock' };
const other = { id: 'model.p.orders', status: 'error', message: 'relation does not exist' };

function failedStep(failed: (typeof lock)[], extra: Partial<StepRecord> = {}): StepRecord {
  return aFailedDbtRunStep({ nodes: aNodeSummary({ failed }), ...extra });
}

function parent(step: StepRecord): RunRecord {
  return aRunRecord({ id: '100-1', status: 'failed', steps: [step] });
}

function retry(step: StepRecord): RunRecord {
  return aRunRecord({
    id: '101-1',
    status: 'failed',
    lineage: aLineage({ parent: '100-1', root: '100-1', retryNumber: 1, trigger: 'policy' }),
    steps: [step],
  });
}

function attempt(number: number, failed: (typeof lock)[]): AttemptRecord {
  return {
    number,
    executed: 'dbt run',
    form: 'as-written',
    exitCode: 1,
    signal: null,
    startedAt: null,
    durationMs: 1,
    nodes: aNodeSummary({ failed }),
    failedTests: null,
  };
}

describe('describeRepeatedFailure', () => {
  it('sees a retry that failed exactly as its parent', () => {
    expect(describeRepeatedFailure(retry(failedStep([lock])), parent(failedStep([lock])))).toBe(
      'run 101-1 failed exactly as run 100-1 did (the same steps, nodes, tests and messages)',
    );
  });

  it.each([
    { name: 'another message', step: failedStep([other]) },
    { name: 'another node', step: failedStep([{ ...lock, id: 'model.p.customers' }]) },
    { name: 'fewer failures', step: failedStep([]) },
  ])('does not see a repeat with $name', ({ step }) => {
    const parentStep = failedStep([lock, { ...lock, id: 'model.p.customers' }]);
    expect(describeRepeatedFailure(retry(step), parent(parentStep))).toBeNull();
    expect(describeRepeatedFailure(retry(failedStep([lock])), parent(step))).toBeNull();
  });

  it('compares the exit code of steps without nodes or tests', () => {
    const exit = (code: number) => aFailedDbtRunStep({ tool: null, exitCode: code });
    expect(describeRepeatedFailure(retry(exit(3)), parent(exit(3)))).not.toBeNull();
    expect(describeRepeatedFailure(retry(exit(3)), parent(exit(4)))).toBeNull();
  });

  it('sees in-run attempts that all failed the same way, without a parent', () => {
    const same = failedStep([lock], { attemptLog: [attempt(1, [lock]), attempt(2, [lock])] });
    const changed = failedStep([lock], { attemptLog: [attempt(1, [other]), attempt(2, [lock])] });
    expect(describeRepeatedFailure(retry(same), null)).toBe(
      'every one of the 2 attempts of step dbt-run failed the same way',
    );
    expect(describeRepeatedFailure(retry(changed), null)).toBeNull();
  });

  it('never stops a run that did not fail, or compares with a run that is not its parent', () => {
    expect(
      describeRepeatedFailure(
        { ...retry(failedStep([lock])), status: 'success' },
        parent(failedStep([lock])),
      ),
    ).toBeNull();
    expect(
      describeRepeatedFailure(retry(failedStep([lock])), {
        ...parent(failedStep([lock])),
        id: '99-1',
      }),
    ).toBeNull();
  });
});

describe('stop-on-same-failure in a retry policy', () => {
  const config = (stop: unknown) =>
    parseConfig({ 'retry-policies': [{ 'max-attempts': 5, 'stop-on-same-failure': stop }] });
  /** The decision on a retry that failed with `now` after its parent failed with `before`. */
  const decide = (stop: unknown, now: typeof lock, before: typeof lock) =>
    decideAutoRetry({
      config: config(stop).config,
      record: retry(failedStep([now])),
      parent: parent(failedStep([before])),
      workflowPath: '.github/workflows/nightly.yml',
      branch: 'main',
    });

  it('stops the automatic retries of a repeated failure, and only when set', () => {
    const on = decide(true, lock, lock);
    expect(on).toEqual({
      kind: 'skip',
      reason:
        'Automatic retries stopped under retry-policies[0] (stop-on-same-failure): run 101-1 failed exactly as run 100-1 did (the same steps, nodes, tests and messages), so it does not look flaky. Fix the cause, then comment /retry or retry from the Actions tab.',
    });
    const off = decide(false, lock, lock);
    expect(off.kind).toBe('retry');
  });

  it('keeps retrying a failure that changed', () => {
    const decision = decide(true, other, lock);
    expect(decision.kind).toBe('retry');
  });

  it('names the key when its value is wrong, and disables the policy', () => {
    const { config: parsed, problems } = config('yes');
    expect(parsed.retryPolicies).toEqual([]);
    expect(problems[0]).toBe(
      '.github/gh-retry.yml: retry-policies[0].stop-on-same-failure: must be true or false',
    );
  });
});
