import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eachTempDir } from '../../../test/support/temp-dir.js';
import { aRunRecord } from '../../../test/support/run-record.js';
import { RunRecordError } from '../../core/errors.js';
import type { RunRecord } from '../../core/run-record/schema.js';
import type { Clock } from '../../ports/execution.js';
import { createFsRunStore, formatRunId, RunNotFoundError } from './fs-run-store.js';

const root = eachTempDir('gh-retry-store');

const fixedClock = (iso: string): Clock => ({ now: () => new Date(iso) });

function aRecord(id: string, startedAt: string, overrides: Partial<RunRecord> = {}): RunRecord {
  return aRunRecord({
    id,
    name: 'nightly',
    startedAt,
    finishedAt: startedAt,
    durationMs: 0,
    steps: [],
    ...overrides,
  });
}

describe('formatRunId', () => {
  it.each([
    ['2025-01-02T03:04:05.678Z', 'a1b2', 'r-20250102-030405-678-a1b2'],
    ['2030-12-31T23:59:59.000Z', '0000', 'r-20301231-235959-000-0000'],
  ])('formats %s as a sortable id', (iso, suffix, id) => {
    expect(formatRunId(new Date(iso), suffix)).toBe(id);
  });
});

describe('createFsRunStore', () => {
  it('reserves a folder per run with a state folder, and keeps the store out of git', async () => {
    const store = createFsRunStore({ root: root(), clock: fixedClock('2025-01-02T03:04:05.678Z') });
    const slot = await store.createRun();
    expect(slot.id).toMatch(/^r-20250102-030405-678-[0-9a-f]{4}$/);
    expect(slot.stateRoot).toBe(path.join(root(), 'runs', slot.id, 'state'));
    expect(existsSync(slot.stateRoot)).toBe(true);
    expect(readFileSync(path.join(root(), 'runs/.gitignore'), 'utf8')).toContain('*');
  });

  it('never hands out one id twice, even when concurrent runs draw the same one', async () => {
    const draws = ['aaaa', 'aaaa', 'aaaa', 'bbbb', 'aaaa', 'bbbb', 'cccc', 'dddd', 'eeee'];
    let next = 0;
    const store = createFsRunStore({
      root: root(),
      clock: fixedClock('2025-01-02T03:04:05.678Z'),
      randomSuffix: () => draws[next++ % draws.length] ?? 'zzzz',
    });
    const slots = await Promise.all([1, 2, 3, 4, 5].map(() => store.createRun()));
    const ids = slots.map((s) => s.id);
    expect(new Set(ids).size).toBe(5);
    expect(readdirSync(path.join(root(), 'runs')).sort()).toEqual(['.gitignore', ...ids].sort());
  });

  it('saves records atomically and loads them by id, unique prefix and last', async () => {
    const clock = { now: () => new Date('2025-01-02T03:04:05.678Z') };
    const store = createFsRunStore({ root: root(), clock });
    const first = await store.createRun();
    clock.now = () => new Date('2025-01-02T03:04:07.000Z');
    const second = await store.createRun();
    await store.saveRecord(aRecord(second.id, '2025-01-02T03:04:07.000Z'));
    await store.saveRecord(aRecord(first.id, '2025-01-02T03:04:05.678Z', { status: 'failed' }));
    // Many writers at once: every read sees one whole record.
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        store.saveRecord(
          aRecord(first.id, '2025-01-02T03:04:05.678Z', { status: 'failed', durationMs: i }),
        ),
      ),
    );
    expect(readdirSync(path.join(root(), 'runs', first.id))).toEqual(['record.json', 'state']);
    expect((await store.loadRun(first.id)).record.status).toBe('failed');
    expect((await store.loadRun('r-20250102-030407')).record.id).toBe(second.id);
    expect((await store.loadRun('last')).record.id).toBe(second.id);
    expect((await store.loadRun('last')).stateRoot).toBe(second.stateRoot);
    expect((await store.listRuns()).map((r) => r.record.id)).toEqual([first.id, second.id]);
  });

  it.each([
    [
      'an unknown id',
      'r-20990101-000000-000-ffff',
      /no run "r-20990101-000000-000-ffff" in .*gh-retry history/,
    ],
    ['a prefix of two runs', 'r-2025', /matches 2 runs; give more of the id/],
    ['a name that is not an id', '../../etc', /no run "..\/..\/etc"/],
    ['a run without a record yet', 'r-20250102-030405-000-0000', /has no record yet/],
  ])('reports %s as a missing run', async (_name, ref, message) => {
    const store = createFsRunStore({ root: root(), clock: fixedClock('2025-01-02T03:04:05.000Z') });
    for (const suffix of ['0000', '0001']) {
      const id = formatRunId(new Date('2025-01-02T03:04:05.000Z'), suffix);
      mkdirSync(path.join(root(), 'runs', id), { recursive: true });
      if (suffix === '0001') await store.saveRecord(aRecord(id, '2025-01-02T03:04:05.000Z'));
    }
    const load = store.loadRun(ref);
    await expect(load).rejects.toThrow(RunNotFoundError);
    await expect(load).rejects.toThrow(message);
  });

  it('says how to start when last is asked of an empty store', async () => {
    const store = createFsRunStore({ root: root(), clock: fixedClock('2025-01-02T03:04:05.000Z') });
    await expect(store.loadRun('last')).rejects.toThrow(
      /no runs in .* yet; start one with "gh-retry run"/,
    );
  });

  it.each([
    ['a record of a newer version', (r: RunRecord) => ({ ...r, version: 2 }), /newer gh-retry/],
    [
      'a record of another run',
      (r: RunRecord) => ({ ...r, id: 'r-other' }),
      /belongs to run r-other/,
    ],
    ['not JSON', () => 'nope', /not valid JSON/],
  ])(
    'refuses %s with a clear message and leaves it out of the list',
    async (_name, edit, message) => {
      const store = createFsRunStore({
        root: root(),
        clock: fixedClock('2025-01-02T03:04:05.000Z'),
      });
      const slot = await store.createRun();
      const record = aRecord(slot.id, '2025-01-02T03:04:05.000Z');
      const edited = edit(record);
      writeFileSync(
        path.join(root(), 'runs', slot.id, 'record.json'),
        typeof edited === 'string' ? edited : JSON.stringify(edited),
      );
      await expect(store.loadRun(slot.id)).rejects.toThrow(RunRecordError);
      await expect(store.loadRun(slot.id)).rejects.toThrow(message);
      expect(await store.listRuns()).toEqual([]);
    },
  );
});
