import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aNodeSummary } from '../../../test/support/run-record.js';
import { RECORD_LIMITS, type NodeSummary } from '../run-record/schema.js';
import { mergeNodeSummaries, parseRunResults, summariseRunResults } from './dbt-run-results.js';

const repoRoot = path.resolve(import.meta.dirname, '../../..');
const realFiles = path.resolve(repoRoot, '../shared/reference/dbt/run_results');
const haveRealFiles = existsSync(realFiles);
if (!haveRealFiles) {
  console.warn(
    `NOTICE: ${realFiles} is absent; the tests on real dbt run_results.json files are skipped.`,
  );
}

function summarise(text: string): NodeSummary {
  const parsed = parseRunResults(text);
  if (parsed.kind !== 'run-results') throw new Error(`unreadable: ${parsed.reason}`);
  return summariseRunResults(parsed);
}

/** A run_results.json with the fields dbt writes around the ones gh-retry reads. */
function aRunResults(params: {
  results: { status: string; unique_id: string; message?: string | null }[];
  which?: string;
  version?: number;
}): string {
  return JSON.stringify({
    metadata: {
      dbt_schema_version: `https://schemas.getdbt.com/dbt/run-results/v${params.version ?? 6}.json`,
      dbt_version: '1.10.0',
      generated_at: '2026-01-01T00:00:00Z',
      invocation_id: null,
      env: {},
    },
    results: params.results.map((result) => ({
      timing: [],
      thread_id: 'Thread-1',
      execution_time: 0,
      adapter_response: {},
      failures: null,
      message: null,
      future_field: { anything: true },
      ...result,
    })),
    elapsed_time: 1.5,
    args: { which: params.which ?? 'run', invocation_command: 'dbt run', vars: {} },
  });
}

describe.skipIf(!haveRealFiles)('parseRunResults on every real run_results.json', () => {
  const expected: Record<
    string,
    {
      version: number;
      which: string;
      counts: Record<string, number>;
      failed: string[];
      skipped: string[];
    }
  > = {
    'dbt-1.11.6-run-error-skipped.v6.json': {
      version: 6,
      which: 'run',
      counts: { success: 1, error: 1, skipped: 1 },
      failed: ['model.swans_demo.fct_ca_crashes'],
      skipped: ['model.swans_demo.marts_ca_summary'],
    },
    'dbt-1.5.6-run-error.v4.json': {
      version: 4,
      which: 'run',
      counts: { error: 1 },
      failed: ['model.hush_sound.issues_staged'],
      skipped: [],
    },
    'dbt-1.5.6-test-fail.v4.json': {
      version: 4,
      which: 'test',
      counts: { pass: 7, fail: 3 },
      failed: [
        'test.transform.not_null_gppd_power_plants_list_year_of_capacity_data.1a3165a676',
        'test.transform.unique_gppd_power_plants_list_gppd_idnr.85ac978899',
        'test.transform.unique_gppd_power_plants_list_name.37c2d0f477',
      ],
      skipped: [],
    },
    'dbt-1.7.14-build-error-skipped.v5.json': {
      version: 5,
      which: 'build',
      counts: { error: 2, skipped: 2 },
      failed: [
        'test.Revolt_BI_Hackathon.not_null_my_first_dbt_model_id.5fb22c2710',
        'test.Revolt_BI_Hackathon.unique_my_first_dbt_model_id.16e066b321',
      ],
      skipped: [
        'test.Revolt_BI_Hackathon.not_null_my_second_dbt_model_id.151b76d778',
        'test.Revolt_BI_Hackathon.unique_my_second_dbt_model_id.57a0f8c493',
      ],
    },
    'dbt-1.9.0-build-all-success.v6.json': {
      version: 6,
      which: 'build',
      counts: { success: 39, pass: 20 }, // and 2 hook rows, which are not nodes
      failed: [],
      skipped: [],
    },
    'dbt-1.9.4-build-error-custom-target-path.v6.json': {
      version: 6,
      which: 'build',
      counts: { success: 4, error: 1 },
      failed: ['model.football_statsbomb.int_possessions'],
      skipped: [],
    },
    'dbt-core-fixture-v4.json': {
      version: 4,
      which: 'run',
      counts: { success: 2 },
      failed: [],
      skipped: [],
    },
    'dbt-core-fixture-v5.json': {
      version: 5,
      which: 'run',
      counts: { success: 2 },
      failed: [],
      skipped: [],
    },
    'dbt-core-fixture-v6.json': {
      version: 6,
      which: 'run',
      counts: { success: 2 },
      failed: [],
      skipped: [],
    },
  };
  const files = haveRealFiles
    ? readdirSync(realFiles)
        .filter((file) => file.endsWith('.json'))
        .sort()
    : [];

  it('finds the real files', () => {
    expect(files.length).toBeGreaterThanOrEqual(Object.keys(expected).length);
  });

  it.each(files)('%s', (file) => {
    const text = readFileSync(path.join(realFiles, file), 'utf8');
    const parsed = parseRunResults(text);
    if (parsed.kind !== 'run-results') throw new Error(`${file}: ${parsed.reason}`);
    const raw = JSON.parse(text) as {
      results: { status: string; unique_id: string; message: string | null }[];
    };
    const summary = summariseRunResults(parsed);
    // Whatever the file, the picture must account for every node (hooks are not nodes).
    const nodes = raw.results.filter((result) => !result.unique_id.startsWith('operation.'));
    expect(Object.values(summary.counts).reduce((a, b) => a + b, 0)).toBe(nodes.length);
    const failing = raw.results.filter((result) =>
      ['error', 'fail', 'runtime error', 'partial success'].includes(result.status),
    );
    expect(summary.failed).toEqual(
      failing.map((result) => ({
        id: result.unique_id,
        status: result.status,
        message: result.message?.slice(0, 1000) ?? null,
      })),
    );
    const want = expected[file];
    if (want === undefined) return;
    expect(parsed.schemaVersion).toBe(want.version);
    expect(summary).toEqual({
      which: want.which,
      counts: want.counts,
      failed: want.failed.map((id) => expect.objectContaining({ id })),
      skipped: want.skipped,
      merged: false,
    });
  });
});

describe('parseRunResults', () => {
  it.each([
    { name: 'not JSON', text: '{', reason: 'it is not valid JSON' },
    {
      name: 'no results',
      text: JSON.stringify({
        metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/run-results/v6.json' },
      }),
      reason:
        'it is not a dbt run_results.json (results: Invalid input: expected array, received undefined)',
    },
    {
      name: 'a result without unique_id',
      text: JSON.stringify({
        metadata: { dbt_schema_version: 'v6' },
        results: [{ status: 'success' }],
      }),
      reason:
        'it is not a dbt run_results.json (results.0.unique_id: Invalid input: expected string, received undefined)',
    },
    {
      name: 'a later result whose message is a number',
      text: JSON.stringify({
        metadata: { dbt_schema_version: 'v6' },
        results: [
          { status: 'success', unique_id: 'model.a', message: null },
          { status: 'error', unique_id: 'model.b', message: 3 },
        ],
      }),
      reason:
        'it is not a dbt run_results.json (results.1.message: Invalid input: expected string, received number)',
    },
    {
      name: 'a result that is a list',
      text: JSON.stringify({ metadata: { dbt_schema_version: 'v6' }, results: [['success']] }),
      reason:
        'it is not a dbt run_results.json (results.0: Invalid input: expected object, received array)',
    },
    {
      name: 'schema v3 (dbt 1.4)',
      text: aRunResults({ results: [], version: 3 }),
      reason: 'its schema version https://schemas.getdbt.com/dbt/run-results/v3.json is not v4–v6',
    },
    {
      name: 'schema v7',
      text: aRunResults({ results: [], version: 7 }),
      reason: 'its schema version https://schemas.getdbt.com/dbt/run-results/v7.json is not v4–v6',
    },
    {
      name: 'a manifest',
      text: JSON.stringify({
        metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/manifest/v12.json' },
        results: [],
      }),
      reason: 'its schema version https://schemas.getdbt.com/dbt/manifest/v12.json is not v4–v6',
    },
  ])('reports $name as unreadable', ({ text, reason }) => {
    expect(parseRunResults(text)).toEqual({ kind: 'unreadable', reason });
  });

  it('reads each result’s status, id and message (null or missing: null), dropping other fields', () => {
    const text = JSON.stringify({
      metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/run-results/v6.json' },
      args: { which: 'build' },
      results: [
        { status: 'error', unique_id: 'model.a', message: 'boom', timing: [], thread_id: 'T1' },
        { status: 'skipped', unique_id: 'model.b', message: null },
        { status: 'success', unique_id: 'model.c' },
      ],
    });
    const parsed = parseRunResults(text);
    expect(parsed.kind === 'run-results' && parsed.results).toEqual([
      { uniqueId: 'model.a', status: 'error', message: 'boom' },
      { uniqueId: 'model.b', status: 'skipped', message: null },
      { uniqueId: 'model.c', status: 'success', message: null },
    ]);
  });

  it('reads a file without args (which unknown)', () => {
    const text = JSON.stringify({
      metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/run-results/v5.json' },
      results: [],
    });
    expect(parseRunResults(text)).toEqual({
      kind: 'run-results',
      schemaVersion: 5,
      dbtVersion: null,
      which: null,
      results: [],
    });
  });
});

describe('summariseRunResults', () => {
  it('sorts every dbt status, including those no real file shows', () => {
    const summary = summarise(
      aRunResults({
        which: 'build',
        results: [
          { status: 'success', unique_id: 'model.p.ok' },
          { status: 'warn', unique_id: 'test.p.warned', message: 'Got 1 result' },
          { status: 'runtime error', unique_id: 'source.p.late', message: 'stale' },
          { status: 'partial success', unique_id: 'model.p.batches', message: 'Batch 2 failed' },
          { status: 'no-op', unique_id: 'model.p.noop' },
          {
            status: 'fail',
            unique_id: 'test.p.failing',
            message: 'Got 3 results, configured to fail if != 0',
          },
          { status: 'skipped', unique_id: 'model.p.downstream' },
        ],
      }),
    );
    expect(summary).toEqual({
      which: 'build',
      counts: {
        success: 1,
        warn: 1,
        'runtime error': 1,
        'partial success': 1,
        'no-op': 1,
        fail: 1,
        skipped: 1,
      },
      failed: [
        { id: 'source.p.late', status: 'runtime error', message: 'stale' },
        { id: 'model.p.batches', status: 'partial success', message: 'Batch 2 failed' },
        {
          id: 'test.p.failing',
          status: 'fail',
          message: 'Got 3 results, configured to fail if != 0',
        },
      ],
      skipped: ['model.p.downstream'],
      merged: false,
    });
  });

  it('keeps exact counts but lists at most RECORD_LIMITS.maxNodeIds ids, with messages for the first failures only', () => {
    const total = RECORD_LIMITS.maxNodeIds + 5;
    const results = Array.from({ length: total }, (_, index) => ({
      status: index % 2 === 0 ? 'error' : 'skipped',
      unique_id: `model.p.m${index}`,
      message: index % 2 === 0 ? 'x'.repeat(5000) : null,
    }));
    const summary = summarise(aRunResults({ results }));
    expect(summary.counts).toEqual({ error: Math.ceil(total / 2), skipped: Math.floor(total / 2) });
    expect(summary.failed.length + summary.skipped.length).toBe(RECORD_LIMITS.maxNodeIds);
    expect(summary.failed[0]?.message).toHaveLength(1000);
    expect(summary.failed[100]?.message).toBeNull();
  });

  it('reads 10,000 results', () => {
    const results = Array.from({ length: 10_000 }, (_, index) => ({
      status: index < 9_990 ? 'success' : 'error',
      unique_id: `model.big.m${index}`,
      compiled_code: 'select 1',
    }));
    const summary = summarise(aRunResults({ results }));
    expect(summary.counts).toEqual({ success: 9_990, error: 10 });
    expect(summary.failed.map((node) => node.id)).toEqual(
      Array.from({ length: 10 }, (_, index) => `model.big.m${9_990 + index}`),
    );
  });

  it('keeps a hostile status as plain data', () => {
    const summary = summarise(aRunResults({ results: [{ status: '__proto__', unique_id: 'x' }] }));
    expect(Object.getPrototypeOf(summary.counts)).toBe(Object.prototype);
    expect(Object.entries(summary.counts)).toEqual([['__proto__', 1]]);
  });
});

describe('mergeNodeSummaries', () => {
  const parent: NodeSummary = {
    which: 'run',
    counts: { success: 10, error: 2, skipped: 3 },
    failed: [
      { id: 'model.p.a', status: 'error', message: 'boom' },
      { id: 'model.p.b', status: 'error', message: 'boom' },
    ],
    skipped: ['model.p.c', 'model.p.d', 'model.p.e'],
    merged: false,
  };
  // The merged picture is the retry's failures and skips, with the counts of both runs.
  it.each<{
    name: string;
    parentOverride?: Partial<NodeSummary>;
    retry: NodeSummary;
    counts: NodeSummary['counts'];
  }>([
    {
      name: 'the retry fixes everything',
      retry: aNodeSummary({ counts: { success: 5 } }),
      counts: { success: 15 },
    },
    {
      name: 'one node still fails and skips its child',
      retry: aNodeSummary({
        counts: { success: 3, error: 1, skipped: 1 },
        failed: [{ id: 'model.p.b', status: 'error', message: 'still' }],
        skipped: ['model.p.e'],
      }),
      counts: { success: 13, error: 1, skipped: 1 },
    },
    {
      name: 'a test command keeps its passes',
      parentOverride: { which: 'test', counts: { pass: 7, fail: 3, warn: 1 } },
      retry: aNodeSummary({
        which: 'test',
        counts: { pass: 2, fail: 1 },
        failed: [{ id: 'test.p.x', status: 'fail', message: null }],
      }),
      counts: { pass: 9, warn: 1, fail: 1 },
    },
  ])('$name', ({ retry, counts, parentOverride }) => {
    const merged = mergeNodeSummaries({ ...parent, ...parentOverride }, retry);
    expect(merged).toEqual({ ...retry, counts, merged: true });
  });

  it('a fix-aware retry: the nodes it rebuilt leave the parent success count', () => {
    const merged = mergeNodeSummaries(
      { ...parent, counts: { success: 5, fail: 1, skipped: 2 } },
      { ...parent, counts: { success: 3, pass: 1 } },
      1,
    );
    expect(merged.counts).toEqual({ success: 7, pass: 1 });
  });

  it('chains: a retry of a retry merges into the already merged picture', () => {
    const first = mergeNodeSummaries(parent, {
      which: 'run',
      counts: { success: 3, error: 1, skipped: 1 },
      failed: [{ id: 'model.p.b', status: 'error', message: null }],
      skipped: ['model.p.e'],
      merged: false,
    });
    const second = mergeNodeSummaries(first, {
      which: 'run',
      counts: { success: 2 },
      failed: [],
      skipped: [],
      merged: false,
    });
    expect(second).toEqual({
      which: 'run',
      counts: { success: 15 },
      failed: [],
      skipped: [],
      merged: true,
    });
  });
});
