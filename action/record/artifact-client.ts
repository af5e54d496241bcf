import type { ArtifactUploader } from '../../src/adapters/local/run-folder.js';

/** What the record upload needs of an artifact client; `@actions/artifact`'s client fits. */
export interface RecordArtifactClient extends ArtifactUploader {
  listArtifacts(): Promise<{ artifacts: readonly { readonly name: string }[] }>;
  /**
   * For a client whose log lines are written by another thread (artifact-client-worker.ts):
   * resolves once all of them are, so that they stay inside the upload's log group.
   */
  end?(): Promise<void>;
}

/** `@actions/artifact`'s client, loaded on first use: it is most of the Action's load time. */
export async function loadArtifactClient(): Promise<RecordArtifactClient> {
  const { DefaultArtifactClient } = await import('@actions/artifact');
  return new DefaultArtifactClient();
}
