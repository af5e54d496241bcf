import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { errorMessage, RunRecordError, UserError } from '../../core/errors.js';
import { parseRunRecord, serializeRunRecord } from '../../core/run-record/record.js';
import { RECORD_LIMITS, type RunRecord } from '../../core/run-record/schema.js';
import type { Clock, RunSlot, RunStore, StoredRun } from '../../ports/execution.js';

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
export function createFsRunStore(params: FsRunStoreParams): RunStore {
  const root = path.resolve(params.root);
  const runsDir = path.join(root, 'runs');
  const randomSuffix = params.randomSuffix ?? (() => randomBytes(3).toString('hex').slice(0, 4));
  const runDir = (id: string) => path.join(runsDir, id);

  const listRuns = async (): Promise<StoredRun[]> => {
    const ids = await readdir(runsDir).catch(() => [] as string[]);
    const runs: StoredRun[] = [];
    for (const id of ids.filter((name) => RUN_ID.test(name))) {
      // A run still starting (no record yet) or a record this build cannot read is not listed;
      // the caller is told of the unreadable ones.
      const run = await readRun(runDir(id), id).catch((error: unknown) => {
        if (!(error instanceof RunNotFoundError)) {
          params.onUnreadable?.(id, errorMessage(error));
        }
        return null;
      });
      if (run !== null) runs.push(run);
    }
    return runs.sort(compareRuns);
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
      if (ref === 'last') {
        const last = (await listRuns()).at(-1);
        if (last === undefined) {
          throw new RunNotFoundError(`no runs in ${root} yet; start one with "gh-retry run"`);
        }
        return last;
      }
      const id = await resolveRunId(runsDir, ref);
      return await readRun(runDir(id), id);
    },

    listRuns,
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

function compareRuns(a: StoredRun, b: StoredRun): number {
  const byStart = Date.parse(a.record.startedAt) - Date.parse(b.record.startedAt);
  return byStart !== 0 ? byStart : a.record.id.localeCompare(b.record.id);
}
