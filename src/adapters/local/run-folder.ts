import { createHash, randomBytes } from 'node:crypto';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { RunRecordError } from '../../core/errors.js';
import { serializeRunRecord } from '../../core/run-record/record.js';
import type { RunRecord } from '../../core/run-record/schema.js';
import type { RecordWriter } from '../../ports/execution.js';

/**
 * The run folder of one job attempt (`record.json` + `state/<step-id>/<path>`, the same layout
 * as the local store): written while the job runs, uploaded as its record artifact, and the
 * state files of a parent's folder restored with their checksums checked.
 */

/** A local run folder that becomes the artifact: `record.json` and `state/`. */
export interface RunFolder extends RecordWriter {
  readonly id: string;
  readonly dir: string;
  readonly stateRoot: string;
  readonly recordPath: string;
}

/** Create (or reuse) the run folder `<root>/<id>`; records are written atomically (temp file + rename). */
export async function createRunFolder(params: { root: string; id: string }): Promise<RunFolder> {
  const dir = path.join(params.root, params.id);
  const stateRoot = path.join(dir, 'state');
  const recordPath = path.join(dir, 'record.json');
  await mkdir(stateRoot, { recursive: true });
  return {
    id: params.id,
    dir,
    stateRoot,
    recordPath,
    saveRecord: async (record) => {
      const temp = `${recordPath}.${randomBytes(6).toString('hex')}.tmp`;
      await writeFile(temp, serializeRunRecord(record));
      await rename(temp, recordPath);
    },
  };
}

/** What `@actions/artifact`'s client offers for uploads (its `DefaultArtifactClient` fits). */
export interface ArtifactUploader {
  uploadArtifact(
    name: string,
    files: string[],
    rootDirectory: string,
    options?: { retentionDays?: number },
  ): Promise<{ id?: number; size?: number }>;
}

/** Upload a run folder: its `record.json` and the state files the record lists (and nothing else). */
export async function uploadRunFolder(params: {
  uploader: ArtifactUploader;
  name: string;
  folder: Pick<RunFolder, 'dir' | 'stateRoot' | 'recordPath'>;
  record: RunRecord;
  retentionDays: number | null;
}): Promise<{ id: number | null; size: number | null; files: number }> {
  const { folder } = params;
  const files = [folder.recordPath];
  for (const step of params.record.steps) {
    for (const file of step.state) {
      const stored = path.join(folder.stateRoot, ...file.stored.split('/'));
      const info = await stat(stored).catch(() => null);
      if (info?.isFile() === true) files.push(stored);
    }
  }
  const options = params.retentionDays === null ? {} : { retentionDays: params.retentionDays };
  const result = await params.uploader.uploadArtifact(params.name, files, folder.dir, options);
  return { id: result.id ?? null, size: result.size ?? null, files: files.length };
}

/**
 * Write the state files a parent record lists from its unpacked artifact into `destination`,
 * each checked against the size and SHA-256 the record gives; returns each file's text by its
 * `stored` path.
 */
export async function restoreStateFiles(params: {
  files: ReadonlyMap<string, Uint8Array>;
  record: RunRecord;
  destination: string;
}): Promise<Map<string, string>> {
  const contents = new Map<string, string>();
  for (const step of params.record.steps) {
    for (const file of step.state) {
      const bytes = params.files.get(`state/${file.stored}`);
      // A reused step lists files of an earlier run that were not carried along: nothing to restore.
      if (bytes === undefined || contents.has(file.stored)) continue;
      const digest = createHash('sha256').update(bytes).digest('hex');
      if (bytes.length !== file.bytes || digest !== file.sha256) {
        throw new RunRecordError(
          `state file "${file.stored}" does not match its checksum in the record; the artifact was altered`,
        );
      }
      const target = path.join(params.destination, ...file.stored.split('/'));
      await mkdir(path.dirname(target), { recursive: true });
      await writeFile(target, bytes, { flag: 'wx' });
      contents.set(file.stored, new TextDecoder().decode(bytes));
    }
  }
  return contents;
}
