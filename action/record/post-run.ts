import { readFolderRecord, uploadRecordArtifact } from './artifact.js';
import type { PendingUpload } from './post-state.js';
import { loadArtifactClient } from './artifact-client.js';
import { setFailedFor } from '../set-failed.js';
import * as core from '@actions/core';

/**
 * The post step when main did not upload (it was killed, or its upload failed). Main leaves a
 * truthful record in its run folder before every step, so there is always one to upload.
 */
export async function runPost(pending: PendingUpload): Promise<void> {
  try {
    const record = await readFolderRecord(pending.folder.recordPath);
    core.info(
      `Uploading the run record ${record.id} (status ${record.status}) left by the main step`,
    );
    await uploadRecordArtifact({
      artifact: pending,
      record,
      retentionDays: pending.retentionDays,
      ifExists: 'keep',
      client: await loadArtifactClient(),
    });
  } catch (error) {
    setFailedFor(error, 'gh-retry could not upload the run record (see the error above)');
  }
}
