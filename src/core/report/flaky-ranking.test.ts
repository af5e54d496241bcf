import { describe, expect, it } from 'vitest';
import { aRunRecord, aStepRecord } from '../../../test/support/run-record.js';
import type { FlakyEntry, RunRecord } from '../run-record/schema.js';
import { rankFlaky, renderFlakyRanking } from './flaky-ranking.js';

function entry(id: string, message: string | null = null): FlakyEntry {
  return { id, kind: 'node', failedIn: { run: 'r-0', attempt: 1 }, message };
}

function run(id: string, finishedAt: string, steps: Record<string, FlakyEntry[]>): RunRecord {
  return aRunRecord({
    id,
    finishedAt,
    steps: Object.entries(steps).map(([step, flaky]) => aStepRecord({ id: step, flaky })),
  });
}

describe('rankFlaky', () => {
  it('counts a run once per node, however many steps name it, and keeps every step', () => {
    const ranks = rankFlaky([
      run('r-2', '2026-12-01T00:00:02Z', { build: [entry('model.a', 'late')] }),
      run('r-1', '2026-12-01T00:00:01Z', {
        run: [entry('model.a', 'early'), entry('model.b')],
        build: [entry('model.a')],
      }),
    ]);
    expect(ranks).toEqual([
      {
        id: 'model.a',
        kind: 'node',
        count: 2,
        lastSeen: '2026-12-01T00:00:02Z',
        lastRun: 'r-2',
        lastMessage: 'late',
        steps: ['run', 'build'],
      },
      {
        id: 'model.b',
        kind: 'node',
        count: 1,
        lastSeen: '2026-12-01T00:00:01Z',
        lastRun: 'r-1',
        lastMessage: null,
        steps: ['run'],
      },
    ]);
  });

  it('ranks ties by the most recently seen, then by id', () => {
    const ranks = rankFlaky([
      run('r-1', '2026-12-01T00:00:01Z', { s: [entry('model.z'), entry('model.y')] }),
      run('r-2', '2026-12-01T00:00:02Z', { s: [entry('model.x')] }),
    ]);
    expect(ranks.map((rank) => rank.id)).toEqual(['model.x', 'model.y', 'model.z']);
  });

  it('keeps the last message a run gave when a later run gave none', () => {
    const [rank] = rankFlaky([
      run('r-1', '2026-12-01T00:00:01Z', { s: [entry('model.a', 'lock')] }),
      run('r-2', '2026-12-01T00:00:02Z', { s: [entry('model.a')] }),
    ]);
    expect(rank?.lastMessage).toBe('lock');
  });
});

describe('renderFlakyRanking', () => {
  it('cuts long ids and messages and says how many rows were left out', () => {
    const ranks = rankFlaky([
      run('r-1', '2026-12-01T00:00:01Z', {
        s: [entry(`model.${'a'.repeat(200)}`, 'm'.repeat(200)), entry('model.b')],
      }),
    ]);
    const text = renderFlakyRanking({ ranks, runs: 1, limit: 1 });
    const [, , row, more] = text.split('\n');
    expect(row?.length).toBeLessThan(260);
    expect(row).toContain('…');
    expect(more).toBe('+1 more (raise --limit to see them)');
  });
});
