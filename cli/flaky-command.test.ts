// `gh-retry flaky` and `gh-retry show` over a local store holding a history of hand-built records.
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aFailedDbtRunStep,
  aLineage,
  aNodeSummary,
  aRunRecord,
  aStepRecord,
} from '../test/support/run-record.js';
import { serializeRunRecord } from '../src/core/run-record/record.js';
import type { FlakyEntry, RunRecord, StepRecord } from '../src/core/run-record/schema.js';
import { runCli } from './program.js';
import { captureCli } from '../test/support/cli-context.js';

const runId = (n: number) => `r-20261201-0000${String(n).padStart(2, '0')}-000-abcd`;
const finished = (n: number) => `2026-12-01T00:00:${String(n).padStart(2, '0')}.000Z`;

function node(id: string, n: number, message: string | null = null): FlakyEntry {
  return { id, kind: 'node', failedIn: { run: runId(n - 1), attempt: 1 }, message };
}

function test(id: string, n: number): FlakyEntry {
  return { id, kind: 'test', failedIn: { run: runId(n), attempt: 1 }, message: null };
}

/** Run n of the history, its steps' flaky lists as given. */
function run(n: number, flaky: { dbt?: FlakyEntry[]; pytest?: FlakyEntry[] }): RunRecord {
  const steps: StepRecord[] = [
    aFailedDbtRunStep({
      status: 'success',
      exitCode: 0,
      nodes: aNodeSummary({ counts: { success: 3 } }),
      ...(flaky.dbt === undefined ? {} : { flaky: flaky.dbt }),
    }),
    aStepRecord({
      id: 'pytest',
      command: 'pytest',
      tool: 'pytest',
      failedTests: [],
      ...(flaky.pytest === undefined ? {} : { flaky: flaky.pytest }),
    }),
  ];
  return aRunRecord({
    id: runId(n),
    finishedAt: finished(n),
    lineage: aLineage({ parent: runId(n - 1), root: runId(1), retryNumber: 1 }),
    steps,
  });
}

/** orders flaky 3 times (last in run 6), customers twice, one test once (in run 5). */
const HISTORY = [
  run(1, {}),
  run(2, { dbt: [node('model.p.orders', 2, 'lock timeout'), node('model.p.customers', 2)] }),
  run(3, { dbt: [node('model.p.orders', 3, 'deadlock detected')] }),
  run(4, { dbt: [node('model.p.customers', 4)] }),
  run(5, { pytest: [test('tests/test_api.py::test_retry', 5)] }),
  run(6, { dbt: [node('model.p.orders', 6, 'lock timeout again')] }),
];

let cwd = '';

beforeAll(() => {
  cwd = realpathSync(mkdtempSync(path.join(tmpdir(), 'gh-retry-flaky-')));
  const save = (store: string, record: RunRecord) => {
    const dir = path.join(cwd, store, 'runs', record.id);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'record.json'), serializeRunRecord(record));
  };
  for (const record of HISTORY) save('.gh-retry', record);
  save('quiet', run(1, {}));
});

afterAll(() => {
  rmSync(cwd, { recursive: true, force: true });
});

describe('gh-retry flaky', () => {
  it('ranks nodes and tests by how often they were flaky, with when and where last', async () => {
    const { context, out } = captureCli(cwd);
    expect(await runCli(['flaky'], context)).toBe(0);
    const lines = out().trimEnd().split('\n');
    expect(lines[0]).toBe(
      'flaky nodes and tests (failed, then passed on the same code) in the last 6 runs, most often first:',
    );
    expect(lines.slice(2).map((line) => line.split(/\s{2,}/))).toEqual([
      ['3', 'node', 'model.p.orders', '2026-12-01 00:00:06', runId(6), 'lock timeout again'],
      ['2', 'node', 'model.p.customers', '2026-12-01 00:00:04', runId(4)],
      ['1', 'test', 'tests/test_api.py::test_retry', '2026-12-01 00:00:05', runId(5)],
    ]);
  });

  it('prints JSON, bounded by --limit, over the last --runs runs', async () => {
    const { context, out } = captureCli(cwd);
    expect(await runCli(['flaky', '--json', '--limit', '1', '--runs', '3'], context)).toBe(0);
    expect(JSON.parse(out())).toEqual({
      runs: 3,
      flaky: [
        {
          id: 'model.p.orders',
          kind: 'node',
          count: 1,
          lastSeen: finished(6),
          lastRun: runId(6),
          lastMessage: 'lock timeout again',
          steps: ['dbt-run'],
        },
      ],
      more: 2,
    });
  });

  it('says how many more past --limit, and refuses a bad count naming the flag', async () => {
    const limited = captureCli(cwd);
    expect(await runCli(['flaky', '--limit', '2'], limited.context)).toBe(0);
    expect(limited.out()).toContain('+1 more (raise --limit to see them)');
    const bad = captureCli(cwd);
    expect(await runCli(['flaky', '--runs', 'many'], bad.context)).toBe(2);
    expect(bad.err()).toBe('gh-retry: --runs must be a whole number from 1 to 1000, not "many"\n');
  });

  it('says so when nothing was flaky', async () => {
    const { context, out } = captureCli(cwd);
    expect(await runCli(['flaky', '--store', 'quiet'], context)).toBe(0);
    expect(out()).toBe('nothing was flaky in the last 1 run\n');
  });
});

describe('gh-retry show', () => {
  it('lists what a run showed to be flaky, in text and in JSON', async () => {
    const text = captureCli(cwd);
    expect(await runCli(['show', runId(2)], text.context)).toBe(0);
    expect(text.out()).toContain(
      [
        'flaky (failed, then passed on the same code): 2',
        `  model.p.orders (node, step dbt-run) failed in ${runId(1)} attempt 1: lock timeout`,
        `  model.p.customers (node, step dbt-run) failed in ${runId(1)} attempt 1`,
      ].join('\n'),
    );
    const json = captureCli(cwd);
    expect(await runCli(['show', runId(5), '--json'], json.context)).toBe(0);
    const steps = (JSON.parse(json.out()) as { steps: { id: string; flaky?: unknown }[] }).steps;
    expect(steps.map((step) => [step.id, step.flaky])).toEqual([
      ['dbt-run', undefined],
      ['pytest', [test('tests/test_api.py::test_retry', 5)]],
    ]);
  });
});
