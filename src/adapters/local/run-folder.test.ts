import { mkdir, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { aParentRecord, RUN_RESULTS } from '../../../test/support/record-artifacts.js';
import { parseRunRecord } from '../../core/run-record/record.js';
import { createRunFolder, uploadRunFolder, type ArtifactUploader } from './run-folder.js';

describe('run folder and upload', () => {
  it('writes the record atomically and uploads it with the state files the record lists', async () => {
    const root = await mkdtemp(path.join(tmpdir(), 'gh-retry-folder-'));
    const folder = await createRunFolder({ root, id: '100-1' });
    const record = aParentRecord();
    await folder.saveRecord(record);
    await writeFile(path.join(folder.stateRoot, 'stray.txt'), 'not listed');
    const stored = path.join(folder.stateRoot, 'dbt-run', 'target');
    await mkdir(stored, { recursive: true });
    await writeFile(path.join(stored, 'run_results.json'), RUN_RESULTS);
    expect(parseRunRecord(await readFile(folder.recordPath, 'utf8'))).toEqual(record);
    expect((await readdir(folder.dir)).sort()).toEqual(['record.json', 'state']);

    const calls: { name: string; files: string[]; root: string; options: unknown }[] = [];
    const uploader: ArtifactUploader = {
      uploadArtifact: (name, files, rootDirectory, options) => {
        calls.push({ name, files, root: rootDirectory, options });
        return Promise.resolve({ id: 9, size: 123 });
      },
    };
    const result = await uploadRunFolder({
      uploader,
      name: 'gh-retry-dbt-1',
      folder,
      record,
      retentionDays: 5,
    });
    expect(result).toEqual({ id: 9, size: 123, files: 2 });
    expect(calls).toEqual([
      {
        name: 'gh-retry-dbt-1',
        files: [folder.recordPath, path.join(stored, 'run_results.json')],
        root: folder.dir,
        options: { retentionDays: 5 },
      },
    ]);
  });
});
