import { describe, expect, it } from 'vitest';
import { UserError } from '../src/core/errors.js';
import { recordIdOf } from '../src/core/run-record/artifact.js';
import { parseGitHubContext, parseWorkflowPath, toGitHubRunInfo } from './github-context.js';
import { parseInputs } from './inputs.js';
import { expectRefusal, rawInputs as raw, runnerEnv } from '../test/support/action/inputs.js';
import type { Trigger } from '../src/core/run-record/schema.js';
import { chooseRetrySource, triggerOf, type RetrySource } from './retry-source.js';

/** The retry-of parent of the retries below: run 9, every step again. */
const RETRY_OF_9: RetrySource = {
  kind: 'retry-of',
  runId: 9,
  attempt: null,
  mode: { kind: 'all' },
};

/** Attempt 2 of a dispatched retry of run 9: its attempt 1 first, run 9 as the fallback. */
const RERUN_OF_RETRY_OF_9: RetrySource = {
  kind: 'rerun',
  runId: 500,
  maxAttempt: 1,
  mode: { kind: 'from-failure' },
  fallback: RETRY_OF_9,
};

describe('parseGitHubContext', () => {
  it('reads the runner environment', () => {
    const context = parseGitHubContext(runnerEnv());
    expect(context).toMatchObject({
      owner: 'acme',
      repo: 'warehouse',
      runId: 500,
      attempt: 1,
      runNumber: 42,
      job: 'dbt',
      workflowPath: '.github/workflows/nightly.yml',
      triggeringActor: 'hubot',
    });
    expect(recordIdOf(context.runId, context.attempt)).toBe('500-1');
    expect(toGitHubRunInfo(context)).toEqual({
      repository: 'acme/warehouse',
      workflow: '.github/workflows/nightly.yml',
      workflowRef: 'acme/warehouse/.github/workflows/nightly.yml@refs/heads/main',
      job: 'dbt',
      runId: 500,
      runAttempt: 1,
      runNumber: 42,
      serverUrl: 'https://github.com',
      actor: 'hubot',
    });
  });

  it.each([
    [
      { GITHUB_RUN_ID: '' },
      'GITHUB_RUN_ID is not set: the gh-retry Action runs inside GitHub Actions',
    ],
    [{ GITHUB_RUN_ID: 'abc' }, 'GITHUB_RUN_ID is not a positive number'],
    [{ GITHUB_REPOSITORY: 'no-slash' }, 'GITHUB_REPOSITORY is not owner/name'],
    [{ GITHUB_JOB: '' }, 'GITHUB_JOB is not set'],
  ])('refuses a broken environment %j', (overrides, message) => {
    expectRefusal(() => parseGitHubContext(runnerEnv(overrides)), UserError, message);
  });

  it.each([
    [
      'acme/warehouse/.github/workflows/nightly.yml@refs/heads/main',
      '.github/workflows/nightly.yml',
    ],
    ['ACME/Warehouse/.github/workflows/a.yaml@refs/tags/v1', '.github/workflows/a.yaml'],
    ['other/repo/.github/workflows/x.yml@refs/heads/main', null],
    [null, null],
  ])('takes the workflow path from %j', (ref, expected) => {
    expect(parseWorkflowPath(ref, 'acme/warehouse')).toBe(expected);
  });
});

describe('chooseRetrySource', () => {
  const context = parseGitHubContext(runnerEnv());

  it.each([
    ['a first run', raw(), context, { kind: 'fresh' }],
    [
      'retry-of as an id',
      raw({ retryOf: '123', retryMode: 'all' }),
      context,
      { kind: 'retry-of', runId: 123, attempt: null, mode: { kind: 'all' } },
    ],
    [
      'retry-of as a run URL with an attempt',
      raw({ retryOf: 'https://github.com/acme/warehouse/actions/runs/123/attempts/2' }),
      context,
      { kind: 'retry-of', runId: 123, attempt: 2, mode: { kind: 'from-failure' } },
    ],
    [
      'attempt 3 of this run',
      raw({ onRerun: 'all' }),
      { ...context, attempt: 3 },
      { kind: 'rerun', runId: 500, maxAttempt: 2, mode: { kind: 'all' }, fallback: null },
    ],
    [
      'a re-run of a dispatched retry: its previous attempt first, retry-of as the fallback',
      raw({ retryOf: '9', retryMode: 'all' }),
      { ...context, attempt: 2 },
      RERUN_OF_RETRY_OF_9,
    ],
    [
      'a re-run of a retry of a run URL with an attempt, on-rerun all',
      raw({
        retryOf: 'https://github.com/acme/warehouse/actions/runs/123/attempts/2',
        onRerun: 'all',
      }),
      { ...context, attempt: 4 },
      {
        kind: 'rerun',
        runId: 500,
        maxAttempt: 3,
        mode: { kind: 'all' },
        fallback: { kind: 'retry-of', runId: 123, attempt: 2, mode: { kind: 'from-failure' } },
      },
    ],
  ])('%s', (_label, rawInputs, ctx, expected) => {
    expect(chooseRetrySource({ inputs: parseInputs(rawInputs), context: ctx })).toEqual(expected);
  });

  it.each([
    ['https://github.com/other/repo/actions/runs/1', 1],
    ['not a run', 1],
    ['not a run', 2],
  ])('refuses retry-of %j on attempt %i with a user error', (retryOf, attempt) => {
    const inputs = parseInputs(raw({ retryOf }));
    expect(() => chooseRetrySource({ inputs, context: { ...context, attempt } })).toThrow(
      UserError,
    );
  });

  it.each([
    [{ kind: 'fresh' }, 'dispatch'],
    [RETRY_OF_9, 'dispatch'],
    [RERUN_OF_RETRY_OF_9, 'rerun'],
  ] satisfies [RetrySource, Trigger][])(
    'a %j run has the lineage trigger %s',
    (source, trigger) => {
      expect(triggerOf(source)).toBe(trigger);
    },
  );
});
