// `show last` and `history` with many runs: `last` reads only the newest records, and a listing
// takes summaries from runs/index.json while each record is unchanged (size and mtime), and
// rebuilds the index when it is missing, corrupt or out of date.
import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { eachTempDir } from '../../../test/support/temp-dir.js';
import { aRunRecord } from '../../../test/support/run-record.js';
import type { Clock } from '../../ports/execution.js';
import { createFsRunStore } from './fs-run-store.js';

const root = eachTempDir('gh-retry-index');

/** A store of `count` runs a second apart; `unreadable` collects what listings leave out. */
async function storeWith(count: number) {
  let second = 0;
  const clock: Clock = { now: () => new Date(Date.UTC(2025, 0, 2, 3, 4, second)) };
  const unreadable: string[] = [];
  const store = createFsRunStore({
    root: root(),
    clock,
    onUnreadable: (id) => unreadable.push(id),
  });
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    second = i;
    const slot = await store.createRun();
    const at = clock.now().toISOString();
    await store.saveRecord(
      aRunRecord({ id: slot.id, name: `run ${i}`, startedAt: at, finishedAt: at, steps: [] }),
    );
    utimesSync(path.join(root(), 'runs', slot.id, 'record.json'), MTIME, MTIME);
    ids.push(slot.id);
  }
  const recordOf = (id: string) => path.join(root(), 'runs', id, 'record.json');
  return { store, ids, unreadable, recordOf };
}

/** A whole-second modification time, so it can be put back exactly. */
const MTIME = new Date('2025-01-02T00:00:00Z');

/** Overwrite a record with garbage of the same size and put its modification time back. */
function corruptKeepingStat(file: string): void {
  writeFileSync(file, 'x'.repeat(statSync(file).size));
  utimesSync(file, MTIME, MTIME);
}

describe('last', () => {
  it('reads the newest records only, not every record in the store', async () => {
    const { store, ids, unreadable, recordOf } = await storeWith(3);
    writeFileSync(recordOf(ids[0]!), '{ not json');
    expect((await store.loadRun('last')).record.id).toBe(ids[2]);
    expect(unreadable).toEqual([]);
  });

  it('passes over a newest run that has no record yet', async () => {
    const { store, ids } = await storeWith(2);
    await store.createRun();
    expect((await store.loadRun('last')).record.id).toBe(ids[1]);
  });
});

describe('listSummaries', () => {
  it('takes unchanged runs from the index without reading their records', async () => {
    const { store, ids, unreadable, recordOf } = await storeWith(3);
    const first = await store.listSummaries();
    expect(first.map((run) => run.summary.name)).toEqual(['run 0', 'run 1', 'run 2']);
    expect(first[0]!.stateRoot).toBe(path.join(root(), 'runs', ids[0]!, 'state'));
    corruptKeepingStat(recordOf(ids[1]!));
    const second = await store.listSummaries();
    expect(second.map((run) => run.summary.id)).toEqual(ids);
    expect(unreadable).toEqual([]);
  });

  it('re-reads a record saved again, and forgets a removed run', async () => {
    const { store, ids } = await storeWith(3);
    await store.listSummaries();
    const at = '2025-01-02T03:04:01.000Z';
    await store.saveRecord(
      aRunRecord({ id: ids[1]!, name: 'renamed', startedAt: at, finishedAt: at, steps: [] }),
    );
    rmSync(path.join(root(), 'runs', ids[2]!), { recursive: true });
    const names = (await store.listSummaries()).map((run) => run.summary.name);
    expect(names).toEqual(['run 0', 'renamed']);
    const index = JSON.parse(readFileSync(path.join(root(), 'runs/index.json'), 'utf8')) as {
      runs: Record<string, unknown>;
    };
    expect(Object.keys(index.runs).sort()).toEqual([ids[0], ids[1]]);
  });

  it.each([
    ['missing', null],
    ['corrupt', '{"version": 1, "runs": {"r-1": {"size": "big"}}'],
    ['of another version', '{"version": 99, "runs": {}}'],
  ])('rebuilds an index that is %s from the records', async (_, content) => {
    const { store, ids, unreadable, recordOf } = await storeWith(3);
    await store.listSummaries();
    const indexFile = path.join(root(), 'runs/index.json');
    if (content === null) rmSync(indexFile);
    else writeFileSync(indexFile, content);
    corruptKeepingStat(recordOf(ids[1]!));
    const listed = (await store.listSummaries()).map((run) => run.summary.id);
    expect(listed).toEqual([ids[0], ids[2]]);
    expect(unreadable).toEqual([ids[1]]);
  });
});
