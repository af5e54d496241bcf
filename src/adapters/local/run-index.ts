// The summaries `gh-retry history` lists, kept in `<store>/runs/index.json` so a listing of
// thousands of runs reads one file and stats each record instead of parsing every record in full.
// The index is only a cache: an entry counts while its record's size and modification time are
// the ones it was made from; a missing, corrupt or older index is rebuilt from the records.
import { randomBytes } from 'node:crypto';
import { readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { type RunRecord, runRecordSchema } from '../../core/run-record/schema.js';

/** What a listing shows of a run, and where its folder is. */
export type RunSummary = Pick<
  RunRecord,
  'id' | 'name' | 'status' | 'nothingToRetry' | 'startedAt' | 'durationMs' | 'lineage'
>;

const summarySchema = runRecordSchema.pick({
  id: true,
  name: true,
  status: true,
  nothingToRetry: true,
  startedAt: true,
  durationMs: true,
  lineage: true,
});

const INDEX_VERSION = 1;
const indexSchema = z.object({
  version: z.literal(INDEX_VERSION),
  runs: z.record(
    z.string(),
    z.object({ size: z.number(), mtimeMs: z.number(), summary: summarySchema }),
  ),
});
type Index = z.infer<typeof indexSchema>;

/** The index file of a store's `runs/` folder. */
export const indexFile = (runsDir: string) => path.join(runsDir, 'index.json');

/** Summarise a full record. */
export function summaryOf(record: RunRecord): RunSummary {
  const { id, name, status, nothingToRetry, startedAt, durationMs, lineage } = record;
  return { id, name, status, nothingToRetry, startedAt, durationMs, lineage };
}

async function readIndex(runsDir: string): Promise<Index['runs']> {
  const text = await readFile(indexFile(runsDir), 'utf8').catch(() => null);
  if (text === null) return {};
  try {
    const parsed = indexSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.runs : {};
  } catch {
    return {};
  }
}

/** Write the index atomically; a store that cannot be written (read-only) still lists. */
async function writeIndex(runsDir: string, runs: Index['runs']): Promise<void> {
  const target = indexFile(runsDir);
  const temp = `${target}.${String(process.pid)}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, JSON.stringify({ version: INDEX_VERSION, runs }), { flag: 'wx' });
    await rename(temp, target);
  } catch {
    await rm(temp, { force: true }).catch(() => undefined);
  }
}

/**
 * The summaries of the runs whose folder names pass `isRunId`, in no particular order: from the
 * index where it is current, else from `readRecord` (which may throw: that run is left out and the
 * error passed to `onUnreadable`). The index is rewritten when anything changed.
 */
export async function listSummaries(params: {
  readonly runsDir: string;
  readonly isRunId: (name: string) => boolean;
  readonly readRecord: (id: string) => Promise<RunRecord>;
  readonly onUnreadable: (id: string, error: unknown) => void;
}): Promise<RunSummary[]> {
  const { runsDir } = params;
  const ids = (await readdir(runsDir).catch(() => [] as string[])).filter(params.isRunId);
  const cached = await readIndex(runsDir);
  const fresh: Index['runs'] = {};
  let changed = false;
  const summaries: RunSummary[] = [];
  // All the stats at once: thousands of them one after the other spend most of the time waiting.
  const stats = await Promise.all(
    ids.map((id) => stat(path.join(runsDir, id, 'record.json')).catch(() => null)),
  );
  for (const [n, id] of ids.entries()) {
    const info = stats[n];
    if (info === null || info === undefined) continue; // still starting: no record yet
    const entry = cached[id];
    if (entry?.size === info.size && entry.mtimeMs === info.mtimeMs) {
      fresh[id] = entry;
      summaries.push(entry.summary);
      continue;
    }
    changed = true;
    try {
      const summary = summaryOf(await params.readRecord(id));
      fresh[id] = { size: info.size, mtimeMs: info.mtimeMs, summary };
      summaries.push(summary);
    } catch (error) {
      params.onUnreadable(id, error);
    }
  }
  if (changed || Object.keys(fresh).length !== Object.keys(cached).length) {
    await writeIndex(runsDir, fresh);
  }
  return summaries;
}
