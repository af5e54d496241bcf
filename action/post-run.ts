import * as core from '@actions/core';
import { UserError } from '../src/core/errors.js';
import {
  readFolderRecord,
  readMainUploadState,
  readPendingUpload,
  uploadRecordArtifact,
} from './record-artifact.js';

/**
 * The post step: uploads the run record when the main step could not (it was killed, or its upload
 * failed). Main leaves a truthful record in its run folder before every step, so there is always one.
 */
export async function runPost(): Promise<void> {
  try {
    const pending = readPendingUpload();
    if (pending === null) {
      core.info(
        readMainUploadState() === 'true'
          ? 'The run record was uploaded by the main step'
          : 'Nothing to upload: the main step reported why it kept the run record',
      );
      return;
    }
    const record = await readFolderRecord(pending.folder.recordPath);
    core.info(
      `Uploading the run record ${record.id} (status ${record.status}) left by the main step`,
    );
    await uploadRecordArtifact({
      artifact: pending,
      record,
      retentionDays: pending.retentionDays,
      ifExists: 'keep',
    });
  } catch (error) {
    if (error instanceof UserError) {
      core.setFailed(error.message);
    } else {
      core.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
      core.setFailed('gh-retry could not upload the run record (see the error above)');
    }
  }
}
