import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { errorMessage, RunRecordError, UserError } from '../../core/errors.js';
import { parseRunRecord, serializeRunRecord } from '../../core/run-record/record.js';
import { RECORD_LIMITS, type RunRecord } from '../../core/run-record/schema.js';
import type { Clock, RunSlot, RunStore, StoredRun } from '../../ports/execution.js';
import { listSummaries, type RunSummary } from './run-index.js';

/** A run's summary and the folder of its saved state. */
export interface ListedRun {
  readonly summary: RunSummary;
  readonly stateRoot: string;
}

/** The file run store: a `RunStore` that can also list its runs without reading every record. */
export interface FsRunStore extends RunStore {
  /** Every readable run's summary, oldest first, from the store's index where it is current. */
  listSummaries(): Promise<ListedRun[]>;
}

/** A run that is not in the store (or `last` in an empty store). */
export class RunNotFoundError extends UserError {
  override name = 'RunNotFoundError';
}

/** Options of the file run store. */
export interface FsRunStoreParams {
  /** The store folder (`.gh-retry` by default in the CLI). */
  readonly root: string;
  readonly clock: Clock;
  /** The random part of new ids; replaceable so tests can force collisions. */
  readonly randomSuffix?: () => string;
  /** Told of each record a listing leaves out because it cannot be read (corrupt, newer version). */
  readonly onUnreadable?: (id: string, reason: string) => void;
}

const RUN_ID = /^r-[0-9a-z-]+$/;
const MAX_ID_ATTEMPTS = 100;

/**
 * A `RunStore` on disk: `<root>/runs/<id>/record.json` and `<root>/runs/<id>/state/<step-id>/…`,
 * the same layout as the Action's artifact, so a run folder is an artifact.
 */
export function createFsRunStore(params: FsRunStoreParams): FsRunStore {
  const root = path.resolve(params.root);
  const runsDir = path.join(root, 'runs');
  const randomSuffix = params.randomSuffix ?? (() => randomBytes(3).toString('hex').slice(0, 4));
  const runDir = (id: string) => path.join(runsDir, id);

  // A run still starting (no record yet) or a record this build cannot read is not listed; the
  // caller is told of the unreadable ones.
  const readListed = async (id: string): Promise<StoredRun | null> =>
    await readRun(runDir(id), id).catch((error: unknown) => {
      tellUnreadable(id, error);
      return null;
    });
  const tellUnreadable = (id: string, error: unknown) => {
    if (error instanceof RunNotFoundError) return;
    params.onUnreadable?.(id, errorMessage(error));
  };
  const runIds = async () =>
    (await readdir(runsDir).catch(() => [] as string[])).filter((name) => RUN_ID.test(name));

  const listRuns = async (): Promise<StoredRun[]> => {
    const runs: StoredRun[] = [];
    for (const id of await runIds()) {
      const run = await readListed(id);
      if (run !== null) runs.push(run);
    }
    return runs.sort((a, b) => compareRuns(a.record, b.record));
  };

  /** The latest readable run: ids sort by creation time, so only the newest records are read. */
  const lastRun = async (): Promise<StoredRun> => {
    for (const id of (await runIds()).sort().reverse()) {
      const run = await readListed(id);
      if (run !== null) return run;
    }
    throw new RunNotFoundError(`no runs in ${root} yet; start one with "gh-retry run"`);
  };

  return {
    createRun: async (): Promise<RunSlot> => {
      await mkdir(runsDir, { recursive: true });
      // Inside runs/, which is ours: a store pointed at a project folder never touches its files.
      await writeFile(path.join(runsDir, '.gitignore'), '# gh-retry local store\n*\n', {
        flag: 'wx',
      }).catch((error: unknown) => {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      });
      for (let attempt = 0; attempt < MAX_ID_ATTEMPTS; attempt++) {
        const id = formatRunId(params.clock.now(), randomSuffix());
        try {
          // Exclusive: of two runs that pick the same id, exactly one gets the folder.
          await mkdir(runDir(id));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
          throw error;
        }
        const stateRoot = path.join(runDir(id), 'state');
        await mkdir(stateRoot);
        return { id, stateRoot };
      }
      throw new Error(`could not reserve a new run id in ${runsDir}`);
    },

    saveRecord: async (record: RunRecord): Promise<void> => {
      if (!RUN_ID.test(record.id)) throw new Error(`not a run id of this store: ${record.id}`);
      const target = path.join(runDir(record.id), 'record.json');
      const temp = `${target}.${String(process.pid)}-${randomBytes(4).toString('hex')}.tmp`;
      await writeFile(temp, serializeRunRecord(record), { flag: 'wx' });
      try {
        await rename(temp, target);
      } catch (error) {
        await rm(temp, { force: true });
        throw error;
      }
    },

    loadRun: async (ref: string): Promise<StoredRun> => {
      if (ref === 'last') return await lastRun();
      const id = await resolveRunId(runsDir, ref);
      return await readRun(runDir(id), id);
    },

    listRuns,

    listSummaries: async (): Promise<ListedRun[]> => {
      const summaries = await listSummaries({
        runsDir,
        isRunId: (name) => RUN_ID.test(name),
        readRecord: async (id) => (await readRun(runDir(id), id)).record,
        onUnreadable: tellUnreadable,
      });
      return summaries
        .sort(compareRuns)
        .map((summary) => ({ summary, stateRoot: path.join(runDir(summary.id), 'state') }));
    },
  };
}

/** `r-20250102-030405-678-a1b2`: sorts by creation time and reads as one. */
export function formatRunId(now: Date, suffix: string): string {
  const iso = now.toISOString(); // 2025-01-02T03:04:05.678Z
  const date = iso.slice(0, 10).replaceAll('-', '');
  const time = iso.slice(11, 19).replaceAll(':', '');
  return `r-${date}-${time}-${iso.slice(20, 23)}-${suffix}`;
}

/** An exact id, or a prefix that names exactly one run. */
async function resolveRunId(runsDir: string, ref: string): Promise<string> {
  const ids = (await readdir(runsDir).catch(() => [] as string[])).filter((id) => RUN_ID.test(id));
  if (ids.includes(ref)) return ref;
  const matches = RUN_ID.test(ref) ? ids.filter((id) => id.startsWith(ref)) : [];
  if (matches.length === 1 && matches[0] !== undefined) return matches[0];
  if (matches.length > 1) {
    throw new RunNotFoundError(
      `"${ref}" matches ${String(matches.length)} runs; give more of the id`,
    );
  }
  throw new RunNotFoundError(
    `no run "${ref}" in ${path.dirname(runsDir)}; "gh-retry history" lists the runs`,
  );
}

async function readRun(dir: string, id: string): Promise<StoredRun> {
  const file = path.join(dir, 'record.json');
  const size = (await stat(file).catch(() => null))?.size;
  if (size === undefined) {
    throw new RunNotFoundError(`run ${id} has no record yet (it is still starting, or it crashed)`);
  }
  if (size > RECORD_LIMITS.maxRecordBytes) {
    throw new RunRecordError(
      `${file} is larger than ${String(RECORD_LIMITS.maxRecordBytes)} bytes`,
    );
  }
  const record = parseRunRecord(await readFile(file, 'utf8'), { source: file });
  if (record.id !== id) {
    throw new RunRecordError(`${file} belongs to run ${record.id}, not ${id}`);
  }
  return { record, stateRoot: path.join(dir, 'state') };
}

function compareRuns(a: RunSummary, b: RunSummary): number {
  const byStart = Date.parse(a.startedAt) - Date.parse(b.startedAt);
  return byStart !== 0 ? byStart : a.id.localeCompare(b.id);
}
