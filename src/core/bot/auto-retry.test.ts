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
  it.each<[string, unknown, Parameters<typeof aRecord>[0], string, string | null, string]>([
    [
      'any failure, default policy',
      { 'retry-policies': [{}] },
      {},
      'nightly.yml',
      'main',
      'retry 2/2',
    ],
    [
      'a succeeded run',
      { 'retry-policies': [{}] },
      { status: 'success' },
      'nightly.yml',
      'main',
      'skip: The run succeeded',
    ],
    [
      'a cancelled run',
      { 'retry-policies': [{}] },
      { status: 'cancelled' },
      'nightly.yml',
      'main',
      'skip: The run was cancelled',
    ],
    ['no policies', {}, {}, 'nightly.yml', 'main', 'skip: No retry policies are configured'],
    [
      'a manual retry',
      { 'retry-policies': [{ 'max-attempts': 5 }] },
      { lineage: { parent: '100', retryNumber: 1, trigger: 'comment', requestedBy: 'alice' } },
      'nightly.yml',
      'main',
      'skip: The run is a manual retry (trigger: comment requested by @alice)',
    ],
    [
      'a native re-run',
      { 'retry-policies': [{ 'max-attempts': 5 }] },
      { lineage: { parent: '100', retryNumber: 1, trigger: 'rerun' } },
      'nightly.yml',
      'main',
      'skip: The run is a manual retry (trigger: rerun)',
    ],
    [
      'an automatic retry below the cap',
      { 'retry-policies': [{ 'max-attempts': 3 }] },
      { lineage: policyRetry },
      'nightly.yml',
      'main',
      'retry 3/3',
    ],
    [
      'an automatic retry at the cap',
      { 'retry-policies': [{ 'max-attempts': 2 }] },
      { lineage: policyRetry },
      'nightly.yml',
      'main',
      'skip: Automatic retries stopped: this run was attempt 2 of at most 2 under retry-policies[0].',
    ],
    [
      'max-attempts 1 turns retries off for matching runs',
      { 'retry-policies': [{ branches: ['main'], 'max-attempts': 1 }, {}] },
      {},
      'nightly.yml',
      'main',
      'skip: Automatic retries stopped: this run was attempt 1 of at most 1',
    ],
    [
      'workflow by file name',
      { 'retry-policies': [{ workflows: ['nightly.yml'] }] },
      {},
      '.github/workflows/nightly.yml',
      'main',
      'retry 2/2',
    ],
    [
      'workflow glob',
      { 'retry-policies': [{ workflows: ['dbt-*.yml'] }] },
      {},
      '.github/workflows/dbt-daily.yml',
      'main',
      'retry 2/2',
    ],
    [
      'another workflow',
      { 'retry-policies': [{ workflows: ['nightly.yml'] }] },
      {},
      '.github/workflows/ci.yml',
      'main',
      'skip: No retry policy matches this run: retry-policies[0]: workflow ci.yml is not in nightly.yml.',
    ],
    [
      'branch glob',
      { 'retry-policies': [{ branches: ['release/*'] }] },
      {},
      'ci.yml',
      'release/1.2',
      'retry 2/2',
    ],
    [
      'branch glob does not cross /',
      { 'retry-policies': [{ branches: ['release/*'] }] },
      {},
      'ci.yml',
      'release/1.2/hotfix',
      'skip: No retry policy matches this run: retry-policies[0]: branch release/1.2/hotfix is not in release/*.',
    ],
    [
      'no branch',
      { 'retry-policies': [{ name: 'main only', branches: ['main'] }] },
      {},
      'ci.yml',
      null,
      'skip: No retry policy matches this run: "main only" (retry-policies[0]): the run has no branch',
    ],
    [
      'exit code condition',
      { 'retry-policies': [{ conditions: { 'exit-codes': [1] } }] },
      {},
      'ci.yml',
      'main',
      'retry 2/2',
    ],
    [
      'exit code condition not met',
      { 'retry-policies': [{ conditions: { 'exit-codes': [2] } }] },
      {},
      'ci.yml',
      'main',
      'skip: No retry policy matches this run: retry-policies[0]: no failed step matches its conditions.',
    ],
    [
      'output pattern',
      { 'retry-policies': [{ conditions: { 'output-patterns': ['dead[a-z]+'] } }] },
      {},
      'ci.yml',
      'main',
      'retry 2/2',
    ],
    [
      'output pattern is case-sensitive',
      { 'retry-policies': [{ conditions: { 'output-patterns': ['DEADLOCK'] } }] },
      {},
      'ci.yml',
      'main',
      'skip: No retry policy matches',
    ],
    [
      'dbt error substring',
      { 'retry-policies': [{ conditions: { 'dbt-errors': ['Could Not Serialize'] } }] },
      { steps: [dbtFailure] },
      'ci.yml',
      'main',
      'retry 2/2',
    ],
    [
      'dbt error not in the output tail counts only on nodes',
      { 'retry-policies': [{ conditions: { 'dbt-errors': ['deadlock'] } }] },
      {},
      'ci.yml',
      'main',
      'skip: No retry policy matches',
    ],
    [
      'any of several kinds',
      { 'retry-policies': [{ conditions: { 'exit-codes': [2], 'dbt-errors': ['/serializ/'] } }] },
      { steps: [dbtFailure] },
      'ci.yml',
      'main',
      'retry 2/2',
    ],
    [
      'conditions ignore steps that succeeded',
      { 'retry-policies': [{ conditions: { 'output-patterns': ['flaky'] } }] },
      {
        steps: [
          aStep({ id: 'a', outputTail: 'flaky' }),
          aStep({ id: 'b', status: 'failed', exitCode: 1 }),
        ],
      },
      'ci.yml',
      'main',
      'skip: No retry policy matches',
    ],
  ])('%s', (_name, configValue, record, workflowPath, branch, expected) => {
    const { config, problems } = parseConfig(configValue);
    expect(problems).toEqual([]);
    const decision = decideAutoRetry({ config, record: aRecord(record), workflowPath, branch });
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
