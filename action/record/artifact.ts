import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { UserError } from '../../src/core/errors.js';
import { newRunRecord, parseRunRecord } from '../../src/core/run-record/record.js';
import type { RunRecord } from '../../src/core/run-record/schema.js';
import { createRunFolder, type RunFolder } from '../../src/adapters/local/run-folder.js';
import {
  recordArtifactName,
  recordIdOf,
  slugifyArtifactKey,
} from '../../src/core/run-record/artifact.js';
import { toGitHubRunInfo, type GitHubContext } from '../github-context.js';
import { PENDING_UPLOADS_VARIABLE, pendingUploads, POST_STATE_KEYS } from './post-state.js';
import type { RecordArtifactClient } from './artifact-client.js';
import { uploadRecordFolder } from './upload.js';
import * as core from '@actions/core';

/** This job attempt's run folder and the artifact it becomes. */
export interface RecordArtifact {
  readonly folder: RunFolder;
  readonly artifactName: string;
  readonly key: string;
  /** The schedule's display name as far as it is known before the inputs are read. */
  readonly name: string;
}

/** The artifact key: the `name` input, else the job id (a matrix job needs a `name` per leg). */
export function artifactKeyOf(name: string | null, context: GitHubContext): string {
  return slugifyArtifactKey(name ?? context.job);
}

/** A record with no steps: what is known of a run that ended before (or without) running its schedule. */
export function placeholderRecord(params: {
  context: GitHubContext;
  name: string;
  status: RunRecord['status'];
  now: Date;
}): RunRecord {
  const { context } = params;
  const id = recordIdOf(context.runId, context.attempt);
  return newRunRecord({
    id,
    name: params.name.slice(0, 200),
    status: params.status,
    startedAt: params.now,
    git: { sha: context.sha, ref: context.ref },
    github: toGitHubRunInfo(context),
    lineage: {
      parent: null,
      root: id,
      retryNumber: 0,
      mode: null,
      trigger: context.attempt > 1 ? 'rerun' : 'dispatch',
      requestedBy: context.triggeringActor ?? context.actor,
    },
  });
}

/**
 * Open this attempt's run folder and leave a `cancelled` placeholder record in it, then tell the
 * post step where it is: if this process is killed, post still has a truthful record to upload.
 */
export async function openRecordArtifact(params: {
  context: GitHubContext;
  name: string | null;
  retention: string;
}): Promise<RecordArtifact> {
  const { context } = params;
  const key = artifactKeyOf(params.name, context);
  const artifactName = recordArtifactName({ key, attempt: context.attempt });
  const root = path.join(context.runnerTemp ?? tmpdir(), 'gh-retry', artifactName);
  const folder = await createRunFolder({ root, id: recordIdOf(context.runId, context.attempt) });
  const name = params.name ?? context.job;
  await folder.saveRecord(
    placeholderRecord({ context, name, status: 'cancelled', now: new Date() }),
  );
  core.saveState(POST_STATE_KEYS.folder, folder.dir);
  core.saveState(POST_STATE_KEYS.artifact, artifactName);
  core.saveState(POST_STATE_KEYS.retention, params.retention);
  markUpload(artifactName, 'add');
  return { folder, artifactName, key, name };
}

/** Another step of this run already uploaded a record under the same artifact name. */
export class ArtifactNameTakenError extends UserError {
  override name = 'ArtifactNameTakenError';
}

/**
 * Upload the folder's record and state files, and tell post it has nothing left to do. An artifact
 * of the same name is a collision for main (two gh-retry steps, or matrix legs, without their own
 * `name`), and for post the sign that main finished its upload just before it was stopped.
 */
export async function uploadRecordArtifact(params: {
  artifact: Pick<RecordArtifact, 'artifactName'> & {
    folder: Pick<RunFolder, 'dir' | 'stateRoot' | 'recordPath'>;
  };
  record: RunRecord;
  retentionDays: number | null;
  ifExists: 'fail' | 'keep';
  client: RecordArtifactClient;
}): Promise<void> {
  const { artifact } = params;
  const outcome = await uploadRecordFolder(params.client, {
    artifactName: artifact.artifactName,
    folder: artifact.folder,
    record: params.record,
    retentionDays: params.retentionDays,
  });
  if (outcome.kind === 'exists' && params.ifExists === 'fail') {
    // Post must not upload this attempt's record over (or instead of) the other step's.
    core.saveState(POST_STATE_KEYS.uploaded, 'name-taken');
    markUpload(artifact.artifactName, 'remove');
    throw new ArtifactNameTakenError(
      `This run already has an artifact "${artifact.artifactName}": give each gh-retry step of a job, and each leg of a matrix, its own "name" input`,
    );
  }
  core.saveState(POST_STATE_KEYS.uploaded, 'true');
  markUpload(artifact.artifactName, 'remove');
  core.info(
    outcome.kind === 'exists'
      ? `The run record artifact "${artifact.artifactName}" is already uploaded`
      : `Uploaded the run record as artifact "${artifact.artifactName}" (${outcome.files} files)`,
  );
}

/** Add the artifact to the job's pending uploads (post must run if this process dies), or remove it. */
function markUpload(artifactName: string, change: 'add' | 'remove'): void {
  const current = process.env[PENDING_UPLOADS_VARIABLE];
  core.exportVariable(PENDING_UPLOADS_VARIABLE, pendingUploads(current, artifactName, change));
}

/** Read back the record main left in its folder. */
export async function readFolderRecord(recordPath: string): Promise<RunRecord> {
  return parseRunRecord(await readFile(recordPath, 'utf8'), { source: recordPath });
}
