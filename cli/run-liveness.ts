// Whether a run in the local store is still running, or was interrupted because its gh-retry
// process died (SIGKILL, a crash), and an exclusive claim so two retries of one parent never run
// at once. A running run's record already says `cancelled` (it is saved as if the run ended at
// each step), so these marks beside the record tell a live run from a dead one.
import { open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../src/core/errors.js';
import type { StoredRun } from '../src/ports/execution.js';

const RUNNING = 'running.json';
const RETRY_CLAIM = 'retry-claim.json';

const runDir = (stateRoot: string) => path.dirname(stateRoot);

/** What a run's process is doing: still running, died before it ended, or ended (null). */
export type Liveness = { readonly kind: 'running' | 'interrupted'; readonly pid: number } | null;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function readMark(file: string): Promise<{ pid: number; run: string } | null> {
  const text = await readFile(file, 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as { pid?: unknown; run?: unknown };
    if (typeof value.pid !== 'number' || !Number.isInteger(value.pid) || value.pid <= 0)
      return null;
    return { pid: value.pid, run: typeof value.run === 'string' ? value.run : '' };
  } catch {
    return null;
  }
}

/** Mark a run as running in this process until `endRunning`. */
export async function startRunning(stateRoot: string, id: string): Promise<void> {
  const handle = await open(path.join(runDir(stateRoot), RUNNING), 'w');
  await handle.writeFile(JSON.stringify({ pid: process.pid, run: id }));
  await handle.close();
}

export async function endRunning(stateRoot: string): Promise<void> {
  await rm(path.join(runDir(stateRoot), RUNNING), { force: true });
}

/** Whether the run is still running or its process died; null when it ended normally. */
export async function livenessOf(run: { readonly stateRoot: string }): Promise<Liveness> {
  const mark = await readMark(path.join(runDir(run.stateRoot), RUNNING));
  if (mark === null) return null;
  return { kind: alive(mark.pid) ? 'running' : 'interrupted', pid: mark.pid };
}

/** A short word for listings: `running`, `interrupted`, or the record's status. */
export function shownStatus(status: string, liveness: Liveness): string {
  return liveness === null ? status : liveness.kind;
}

/** Refuse to retry a run that is still running, as the Action does. */
export function refuseRunning(run: StoredRun, liveness: Liveness): void {
  if (liveness?.kind !== 'running') return;
  throw new UserError(
    `run ${run.record.id} is still running (process ${liveness.pid}); retry it when it has ended`,
  );
}

/**
 * Claim the right to retry `parent` (exclusive create of a file beside its record), so of two
 * concurrent retries one wins and the other is told. A claim whose process died is taken over.
 * Returns the release function.
 */
export async function claimRetry(parent: StoredRun): Promise<() => Promise<void>> {
  const file = path.join(runDir(parent.stateRoot), RETRY_CLAIM);
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(JSON.stringify({ pid: process.pid }));
      await handle.close();
      return async () => {
        await rm(file, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = await readMark(file);
      if (holder !== null && alive(holder.pid)) {
        throw new UserError(
          `run ${parent.record.id} is being retried by another gh-retry (process ${holder.pid}); wait for it, then retry its run`,
        );
      }
      await rm(file, { force: true });
    }
  }
  throw new UserError(`could not claim run ${parent.record.id} for a retry; try again`);
}
