import { describe, expect, it } from 'vitest';
import {
  aLineage,
  aNodeSummary,
  aRunRecord,
  aStepRecord,
} from '../../../test/support/run-record.js';
import { parseConfig } from './config.js';
import { decideAutoRetry, matchesGlob, matchesWorkflow } from './auto-retry.js';
import {
  runRecordSchema,
  type Lineage,
  type RunRecord,
  type StepRecord,
} from '../run-record/schema.js';
import { examples } from '../../../test/support/examples.js';

function aStep(overrides: Partial<StepRecord> = {}): StepRecord {
  return aStepRecord({
    id: 'dbt-run',
    command: 'dbt run',
    startedAt: '2026-11-20T02:00:00Z',
    ...overrides,
  });
}

function aRecord(
  params: { status?: RunRecord['status']; steps?: StepRecord[]; lineage?: Partial<Lineage> } = {},
): RunRecord {
  return runRecordSchema.parse(
    aRunRecord({
      id: '200',
      name: 'nightly',
      status: params.status ?? 'failed',
      startedAt: '2026-11-20T02:00:00Z',
      finishedAt: '2026-11-20T02:10:00Z',
      durationMs: 600_000,
      lineage: aLineage({ root: '200', trigger: 'dispatch', ...params.lineage }),
      steps: params.steps ?? [
        aStep({ status: 'failed', exitCode: 1, outputTail: 'Database Error: deadlock detected\n' }),
      ],
    }),
  );
}

const dbtFailure = aStep({
  status: 'failed',
  exitCode: 1,
  tool: 'dbt',
  nodes: aNodeSummary({
    counts: { success: 3, error: 1 },
    failed: [
      {
        id: 'model.shop.orders',
        status: 'error',
        message: 'could not serialize access due to concurrent update',
      },
    ],
  }),
});

const policyRetry = { parent: '100', root: '100', trigger: 'policy' as const, retryNumber: 1 };

describe('decideAutoRetry', () => {
  /** A run of `record` in `workflow` on `branch` (default: ci.yml on main) under `policies`. */
  interface Case {
    readonly name: string;
    /** The `retry-policies` list; none when absent. */
    readonly policies?: unknown[];
    readonly record?: Parameters<typeof aRecord>[0];
    readonly workflow?: string;
    readonly branch?: string | null;
    /** How the decision's summary starts: `retry N/MAX` or `skip: reason`. */
    readonly expected: string;
  }
  it.each<Case>([
    {
      name: 'any failure, default policy',
      policies: [{}],
      workflow: 'nightly.yml',
      expected: 'retry 2/2',
    },
    {
      name: 'a succeeded run',
      policies: [{}],
      record: { status: 'success' },
      workflow: 'nightly.yml',
      expected: 'skip: The run succeeded',
    },
    {
      name: 'a cancelled run',
      policies: [{}],
      record: { status: 'cancelled' },
      workflow: 'nightly.yml',
      expected: 'skip: The run was cancelled',
    },
    {
      name: 'no policies',
      workflow: 'nightly.yml',
      expected: 'skip: No retry policies are configured',
    },
    {
      name: 'a manual retry',
      policies: [{ 'max-attempts': 5 }],
      record: {
        lineage: { parent: '100', retryNumber: 1, trigger: 'comment', requestedBy: 'alice' },
      },
      workflow: 'nightly.yml',
      expected: 'skip: The run is a manual retry (trigger: comment requested by @alice)',
    },
    {
      name: 'a native re-run',
      policies: [{ 'max-attempts': 5 }],
      record: { lineage: { parent: '100', retryNumber: 1, trigger: 'rerun' } },
      workflow: 'nightly.yml',
      expected: 'skip: The run is a manual retry (trigger: rerun)',
    },
    {
      name: 'an automatic retry below the cap',
      policies: [{ 'max-attempts': 3 }],
      record: { lineage: policyRetry },
      workflow: 'nightly.yml',
      expected: 'retry 3/3',
    },
    {
      name: 'an automatic retry at the cap',
      policies: [{ 'max-attempts': 2 }],
      record: { lineage: policyRetry },
      workflow: 'nightly.yml',
      expected:
        'skip: Automatic retries stopped: this run was attempt 2 of at most 2 under retry-policies[0].',
    },
    {
      name: 'max-attempts 1 turns retries off for matching runs',
      policies: [{ branches: ['main'], 'max-attempts': 1 }, {}],
      workflow: 'nightly.yml',
      expected: 'skip: Automatic retries stopped: this run was attempt 1 of at most 1',
    },
    {
      name: 'workflow by file name',
      policies: [{ workflows: ['nightly.yml'] }],
      workflow: '.github/workflows/nightly.yml',
      expected: 'retry 2/2',
    },
    {
      name: 'workflow glob',
      policies: [{ workflows: ['dbt-*.yml'] }],
      workflow: '.github/workflows/dbt-daily.yml',
      expected: 'retry 2/2',
    },
    {
      name: 'another workflow',
      policies: [{ workflows: ['nightly.yml'] }],
      workflow: '.github/workflows/ci.yml',
      expected:
        'skip: No retry policy matches this run: retry-policies[0]: workflow ci.yml is not in nightly.yml.',
    },
    {
      name: 'branch glob',
      policies: [{ branches: ['release/*'] }],
      branch: 'release/1.2',
      expected: 'retry 2/2',
    },
    {
      name: 'branch glob does not cross /',
      policies: [{ branches: ['release/*'] }],
      branch: 'release/1.2/hotfix',
      expected:
        'skip: No retry policy matches this run: retry-policies[0]: branch release/1.2/hotfix is not in release/*.',
    },
    {
      name: 'no branch',
      policies: [{ name: 'main only', branches: ['main'] }],
      branch: null,
      expected:
        'skip: No retry policy matches this run: "main only" (retry-policies[0]): the run has no branch',
    },
    {
      name: 'exit code condition',
      policies: [{ conditions: { 'exit-codes': [1] } }],
      expected: 'retry 2/2',
    },
    {
      name: 'exit code condition not met',
      policies: [{ conditions: { 'exit-codes': [2] } }],
      expected:
        'skip: No retry policy matches this run: retry-policies[0]: no failed step matches its conditions.',
    },
    {
      name: 'output pattern',
      policies: [{ conditions: { 'output-patterns': ['dead[a-z]+'] } }],
      expected: 'retry 2/2',
    },
    {
      name: 'output pattern is case-sensitive',
      policies: [{ conditions: { 'output-patterns': ['DEADLOCK'] } }],
      expected: 'skip: No retry policy matches',
    },
    {
      name: 'dbt error substring',
      policies: [{ conditions: { 'dbt-errors': ['Could Not Serialize'] } }],
      record: { steps: [dbtFailure] },
      expected: 'retry 2/2',
    },
    {
      name: 'dbt error not in the output tail counts only on nodes',
      policies: [{ conditions: { 'dbt-errors': ['deadlock'] } }],
      expected: 'skip: No retry policy matches',
    },
    {
      name: 'any of several kinds',
      policies: [{ conditions: { 'exit-codes': [2], 'dbt-errors': ['/serializ/'] } }],
      record: { steps: [dbtFailure] },
      expected: 'retry 2/2',
    },
    {
      name: 'conditions ignore steps that succeeded',
      policies: [{ conditions: { 'output-patterns': ['flaky'] } }],
      record: {
        steps: [
          aStep({ id: 'a', outputTail: 'flaky' }),
          aStep({ id: 'b', status: 'failed', exitCode: 1 }),
        ],
      },
      expected: 'skip: No retry policy matches',
    },
  ])('$name', ({ policies, record, workflow = 'ci.yml', branch = 'main', expected }) => {
    const { config, problems } = parseConfig(
      policies === undefined ? {} : { 'retry-policies': policies },
    );
    expect(problems).toEqual([]);
    const decision = decideAutoRetry({
      config,
      record: aRecord(record),
      workflowPath: workflow,
      branch,
    });
    const summary =
      decision.kind === 'retry'
        ? `retry ${decision.attempt}/${decision.maxAttempts}`
        : `skip: ${decision.reason}`;
    expect(summary.startsWith(expected), `${summary} should start with ${expected}`).toBe(true);
  });

  it('takes the first matching policy, with its mode and delay', () => {
    const { config } = parseConfig({
      'retry-policies': [
        { name: 'release', branches: ['release/*'], mode: 'all' },
        {
          name: 'dbt',
          conditions: { 'dbt-errors': ['serialize'] },
          mode: 'all',
          delay: '5m',
          'max-attempts': 4,
        },
        { name: 'fallback' },
      ],
    });
    const decision = decideAutoRetry({
      config,
      record: aRecord({ steps: [dbtFailure] }),
      workflowPath: 'ci.yml',
      branch: 'main',
    });
    expect(decision).toMatchObject({
      kind: 'retry',
      mode: { kind: 'all' },
      delaySeconds: 300,
      attempt: 2,
      maxAttempts: 4,
      policy: { name: 'dbt', index: 1 },
      reason:
        '"dbt" (retry-policies[1]) matched (dbt node model.shop.orders in step dbt-run failed with a message matching serialize); attempt 2 of at most 4.',
    });
  });
});

describe('globs', () => {
  examples<[string, string], boolean>(
    ([pattern, text]) => matchesGlob(pattern, text),
    [
      [['main', 'main'], true],
      [['main', 'mainline'], false],
      [['release/*', 'release/1.2'], true],
      [['release/**', 'release/1.2/hotfix'], true],
      [['feat-?', 'feat-a'], true],
      [['feat-?', 'feat-ab'], false],
      [['v1.0', 'v1x0'], false],
      [['(x)+', '(x)+'], true],
    ],
  );
});

describe('workflow globs', () => {
  examples<[string, string], boolean>(
    ([pattern, path]) => matchesWorkflow(pattern, path),
    [
      [['nightly.yml', '.github/workflows/nightly.yml'], true],
      [['nightly.yml', '.github/workflows/nightly.yml@refs/heads/main'], false],
      [['.github/workflows/*.yml', '.github/workflows/ci.yml'], true],
      [['*.yaml', '.github/workflows/ci.yml'], false],
    ],
  );
});
