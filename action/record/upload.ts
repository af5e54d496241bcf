import type { RunRecord } from '../../src/core/run-record/schema.js';
import { uploadRunFolder, type RunFolder } from '../../src/adapters/local/run-folder.js';
import type { RecordArtifactClient } from './artifact-client.js';
import * as core from '@actions/core';

/** One run folder to upload as the record artifact. */
export interface UploadRequest {
  readonly artifactName: string;
  readonly folder: Pick<RunFolder, 'dir' | 'stateRoot' | 'recordPath'>;
  readonly record: RunRecord;
  readonly retentionDays: number | null;
}

/** What came of an upload: done, or an artifact of that name was already there (nothing uploaded). */
export type UploadOutcome =
  { readonly kind: 'uploaded'; readonly files: number } | { readonly kind: 'exists' };

/** Upload the folder's record and the state files it lists, unless the run has an artifact of that name. */
export async function uploadRecordFolder(
  client: RecordArtifactClient,
  request: UploadRequest,
): Promise<UploadOutcome> {
  // The artifact client logs every request; keep that out of the way of the steps' logs.
  return await core.group(`Upload the run record (${request.artifactName})`, async () => {
    try {
      const { artifacts } = await client.listArtifacts();
      if (artifacts.some((a) => a.name === request.artifactName))
        return { kind: 'exists' } as const;
      const { files } = await uploadRunFolder({
        uploader: client,
        name: request.artifactName,
        folder: request.folder,
        record: request.record,
        retentionDays: request.retentionDays,
      });
      return { kind: 'uploaded', files } as const;
    } finally {
      await client.end?.();
    }
  });
}
