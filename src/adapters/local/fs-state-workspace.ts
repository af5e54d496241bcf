import { createHash, randomBytes } from 'node:crypto';
import { lstat, mkdir, open, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { RunRecordError } from '../../core/errors.js';
import type { RestoreFile } from '../../core/retry/plan.js';
import {
  RECORD_LIMITS,
  safeRelativePath,
  type SavedStateFile,
} from '../../core/run-record/schema.js';
import type { SavedState, StateFingerprints, StateWorkspace } from '../../ports/execution.js';

/** The largest state file saved or read (a run_results.json of 10,000 nodes is a few MB). */
export const MAX_STATE_FILE_BYTES = 64 * 1024 * 1024;

const STEP_ID = /^[a-z0-9][a-z0-9._-]*$/;

/** A `StateWorkspace` over a working directory on disk. */
export function createFsStateWorkspace(params: { workDir: string }): StateWorkspace {
  const workDir = path.resolve(params.workDir);
  return {
    saveState: async ({ stateRoot, stepId, paths, unchangedSince }) =>
      await saveState({ workDir, stateRoot, stepId, paths, unchangedSince }),
    fingerprintState: async ({ paths }) => await fingerprintState(workDir, paths),
    readWorkingFiles: async ({ paths }) => await readWorkingFiles(workDir, paths),
    readState: async ({ stateRoot, files }) => {
      const contents = new Map<string, string>();
      for (const file of files) {
        const content = await readSavedFile(stateRoot, file);
        if (content !== null) contents.set(file.stored, content);
      }
      return contents;
    },
    restoreState: async ({ stateRoot, files }) => {
      for (const file of files) await restoreFile({ workDir, stateRoot, file });
    },
    carryState: async ({ from, to, files }) => {
      const carried: SavedStateFile[] = [];
      for (const file of files) {
        const content = await readSavedBytes(from, file);
        if (content === null) continue;
        const target = path.join(to, ...file.stored.split('/'));
        await mkdir(path.dirname(target), { recursive: true });
        await writeFile(target, content);
        carried.push(file);
      }
      return carried;
    },
  };
}

async function saveState(params: {
  workDir: string;
  stateRoot: string;
  stepId: string;
  paths: readonly string[];
  unchangedSince: StateFingerprints | undefined;
}): Promise<SavedState> {
  const { workDir, stateRoot, stepId, unchangedSince } = params;
  if (!STEP_ID.test(stepId)) throw new Error(`invalid step id for a state folder: ${stepId}`);
  const files: SavedStateFile[] = [];
  const requested: string[] = [];
  const skipped: { path: string; reason: string }[] = [];
  for (const wanted of params.paths) {
    const relative = toWorkDirRelative(workDir, wanted);
    if (relative === null) {
      skipped.push({ path: wanted, reason: 'outside the working directory' });
      continue;
    }
    if (files.length >= RECORD_LIMITS.maxStateFilesPerStep) {
      skipped.push({ path: wanted, reason: 'too many state files for one step' });
      continue;
    }
    const source = await resolveInside(workDir, relative);
    if (source.kind === 'missing') continue;
    if (source.kind === 'unsafe') {
      skipped.push({ path: wanted, reason: source.reason });
      continue;
    }
    const before = unchangedSince?.get(wanted);
    if (before !== undefined && before === (await fingerprint(source.file))) {
      skipped.push({ path: wanted, reason: STALE });
      continue;
    }
    const content = await readBounded(source.file);
    if (content === null) {
      skipped.push({ path: wanted, reason: `larger than ${MAX_STATE_FILE_BYTES} bytes` });
      continue;
    }
    const stored = `${stepId}/${relative}`;
    const target = path.join(stateRoot, ...stored.split('/'));
    await mkdir(path.dirname(target), { recursive: true });
    await writeFile(target, content);
    requested.push(wanted);
    files.push({ path: relative, stored, bytes: content.length, sha256: sha256(content) });
  }
  return {
    files: files.map((file, i) => ({ requested: requested[i] ?? file.path, file })),
    skipped,
  };
}

/** Why a file the step did not write is not saved as its state. */
const STALE = 'the step did not write it (an earlier command left it there)';

async function fingerprintState(
  workDir: string,
  paths: readonly string[],
): Promise<StateFingerprints> {
  const found = new Map<string, string>();
  for (const wanted of paths) {
    const relative = toWorkDirRelative(workDir, wanted);
    const source = relative === null ? null : await resolveInside(workDir, relative);
    if (source?.kind === 'file') found.set(wanted, await fingerprint(source.file));
  }
  return found;
}

/**
 * A file's identity and last change, to the nanosecond: any write (even of the same bytes)
 * changes its ctime, and a file replaced by a rename has a new inode.
 */
async function fingerprint(file: string): Promise<string> {
  const stat = await lstat(file, { bigint: true });
  return `${String(stat.ino)}:${String(stat.size)}:${String(stat.mtimeNs)}:${String(stat.ctimeNs)}`;
}

/** The largest project file read to find state paths (a dbt_project.yml is a few KB). */
const MAX_WORKING_FILE_BYTES = 1024 * 1024;

async function readWorkingFiles(
  workDir: string,
  paths: readonly string[],
): Promise<Map<string, string>> {
  const contents = new Map<string, string>();
  for (const wanted of paths) {
    const relative = toWorkDirRelative(workDir, wanted);
    const source = relative === null ? null : await resolveInside(workDir, relative);
    if (source?.kind !== 'file') continue;
    const content = await readBounded(source.file, MAX_WORKING_FILE_BYTES);
    if (content !== null) contents.set(wanted, content.toString('utf8'));
  }
  return contents;
}

/** A path inside the working directory as a clean `a/b/c`, or null when it leaves it. */
function toWorkDirRelative(workDir: string, wanted: string): string | null {
  const relative = path.relative(workDir, path.resolve(workDir, wanted)).split(path.sep).join('/');
  return safeRelativePath.safeParse(relative).success ? relative : null;
}

type Resolved =
  { kind: 'file'; file: string } | { kind: 'missing' } | { kind: 'unsafe'; reason: string };

/**
 * Walk `relative` down from `root` without following links: every folder on the way must be a
 * real folder and the last part a regular file, so nothing outside the root is ever touched.
 */
async function resolveInside(root: string, relative: string): Promise<Resolved> {
  const parts = relative.split('/');
  let current = root;
  for (const [i, part] of parts.entries()) {
    current = path.join(current, part);
    const stat = await lstat(current).catch((error: unknown) => {
      if (isCode(error, 'ENOENT') || isCode(error, 'ENOTDIR')) return null;
      throw error;
    });
    if (stat === null) return { kind: 'missing' };
    if (stat.isSymbolicLink())
      return { kind: 'unsafe', reason: `${parts.slice(0, i + 1).join('/')} is a link` };
    const last = i === parts.length - 1;
    if (last && !stat.isFile()) return { kind: 'unsafe', reason: 'not a regular file' };
    if (!last && !stat.isDirectory())
      return { kind: 'unsafe', reason: `${parts.slice(0, i + 1).join('/')} is not a folder` };
  }
  return { kind: 'file', file: current };
}

/** Read a file up to `limit` bytes (MAX_STATE_FILE_BYTES); null when it is larger. */
async function readBounded(file: string, limit = MAX_STATE_FILE_BYTES): Promise<Buffer | null> {
  const handle = await open(file, 'r');
  try {
    const { size } = await handle.stat();
    if (size > limit) return null;
    const content = await handle.readFile();
    return content.length > limit ? null : content;
  } finally {
    await handle.close();
  }
}

/** A saved file's text, or null when it is missing, unsafe, too large or not what was recorded. */
async function readSavedFile(stateRoot: string, file: SavedStateFile): Promise<string | null> {
  return (await readSavedBytes(stateRoot, file))?.toString('utf8') ?? null;
}

async function readSavedBytes(stateRoot: string, file: SavedStateFile): Promise<Buffer | null> {
  if (!safeRelativePath.safeParse(file.stored).success) return null;
  const source = await resolveInside(stateRoot, file.stored);
  if (source.kind !== 'file') return null;
  const content = await readBounded(source.file);
  if (content === null || sha256(content) !== file.sha256) return null;
  return content;
}

async function restoreFile(params: {
  workDir: string;
  stateRoot: string;
  file: RestoreFile;
}): Promise<void> {
  const { workDir, stateRoot, file } = params;
  for (const p of [file.from, file.to]) {
    if (!safeRelativePath.safeParse(p).success) {
      throw new RunRecordError(`refusing to restore state file "${p}": not a safe relative path`);
    }
  }
  const source = await resolveInside(stateRoot, file.from);
  if (source.kind !== 'file') {
    const why = source.kind === 'missing' ? 'it is missing' : source.reason;
    throw new RunRecordError(`cannot restore saved state ${file.from}: ${why}`);
  }
  const content = await readBounded(source.file);
  if (content === null) throw new RunRecordError(`saved state ${file.from} is too large`);
  const target = await prepareTarget(workDir, file.to);
  // Write next to the target and rename over it: a link at the target is replaced, never followed.
  const temp = `${target}.gh-retry-${randomBytes(4).toString('hex')}.tmp`;
  await writeFile(temp, content, { flag: 'wx' });
  await rename(temp, target);
}

/** Create the folders of `relative` under `root`, refusing any link or non-folder on the way. */
async function prepareTarget(root: string, relative: string): Promise<string> {
  const parts = relative.split('/');
  let current = root;
  for (const part of parts.slice(0, -1)) {
    current = path.join(current, part);
    const stat = await lstat(current).catch(() => null);
    if (stat === null) {
      await mkdir(current);
    } else if (!stat.isDirectory() || stat.isSymbolicLink()) {
      throw new RunRecordError(
        `refusing to restore ${relative}: ${path.relative(root, current)} is not a folder`,
      );
    }
  }
  const target = path.join(current, parts.at(-1) ?? '');
  const existing = await lstat(target).catch(() => null);
  if (existing?.isDirectory() === true) {
    throw new RunRecordError(`refusing to restore ${relative}: a folder is in the way`);
  }
  if (existing?.isSymbolicLink() === true) await rm(target);
  return target;
}

function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}

function isCode(error: unknown, code: string): boolean {
  return error instanceof Error && (error as NodeJS.ErrnoException).code === code;
}
