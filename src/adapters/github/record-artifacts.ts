import { UserError } from '../../core/errors.js';
import {
  checkRecordOfRun,
  checkRecordSize,
  pickRecordArtifact,
  RECORD_ARTIFACT_PREFIX,
  RECORD_FILE,
  recordArtifactName,
  type RunOfArtifact,
} from '../../core/run-record/artifact.js';
import type { RunRecord } from '../../core/run-record/schema.js';
import type { RunArtifactReader, RepoRef, WorkflowRunInfo } from '../../ports/github-runs.js';
import { restoreStateFiles } from '../local/run-folder.js';
import {
  checkZip,
  unpackZip,
  unpackZipEntry,
  UnsafeZipError,
  ZIP_LIMITS,
  type ZipLimits,
} from '../local/zip-archive.js';

/**
 * A parent run's record artifact, read back through the REST API: find it, download it, unzip it
 * and check it (`core/run-record/artifact.ts`), then restore the state files it lists. The
 * artifact is untrusted input. Writing and uploading the run folder: `local/run-folder.ts`.
 */

/** A parent run that cannot be retried from: another repository or workflow, unfinished, or an untrustworthy record. */
export class ParentRunError extends UserError {
  override name = 'ParentRunError';
}

/** A parent run whose record was read and checked. */
export interface LoadedParent {
  readonly kind: 'loaded';
  readonly run: WorkflowRunInfo;
  readonly record: RunRecord;
  readonly artifactName: string;
  /** Where the parent's state files were unpacked (`<stateRoot>/<stored>`). */
  readonly stateRoot: string;
  /** The content of each unpacked state file, keyed by its `stored` path. */
  readonly parentState: ReadonlyMap<string, string>;
}

/** A parent run without a usable record artifact (expired or never uploaded). */
export interface UnavailableParent {
  readonly kind: 'unavailable';
  readonly run: WorkflowRunInfo;
  /** What happened, in words a user can act on. */
  readonly reason: string;
}

/** The parent of a retry run, or why its record cannot be had. */
export type ParentRun = LoadedParent | UnavailableParent;

/** Everything {@link loadParentRun} needs. */
export interface LoadParentParams {
  readonly github: RunArtifactReader;
  /** The repository of the retry run; the parent must belong to it. */
  readonly repo: RepoRef;
  /** The workflow file of the retry run; the parent must be a run of it. */
  readonly workflowPath: string;
  readonly runId: number;
  /** Read the record of this attempt or an earlier one; null for the run's latest attempt. */
  readonly maxAttempt: number | null;
  /** The artifact key of this schedule (see `slugifyArtifactKey`). */
  readonly key: string;
  /** A native re-run reads its own run, which is still in progress; a dispatched retry needs a finished parent. */
  readonly requireCompleted: boolean;
  /** A fresh, empty folder to unpack the parent's state files into. */
  readonly destination: string;
  readonly limits?: ZipLimits;
}

async function checkParentRun(params: LoadParentParams): Promise<WorkflowRunInfo> {
  const { github, repo, runId } = params;
  const fullName = `${repo.owner}/${repo.repo}`;
  const run = await github.getWorkflowRun({ ...repo, runId });
  if (run === null) {
    throw new ParentRunError(
      `run ${runId} was not found in ${fullName}; give retry-of a run id or run URL of this repository`,
    );
  }
  if (run.repository.toLowerCase() !== fullName.toLowerCase()) {
    throw new ParentRunError(
      `run ${runId} belongs to ${run.repository}, not ${fullName}; a retry must stay in its repository`,
    );
  }
  if (run.workflowPath !== params.workflowPath) {
    throw new ParentRunError(
      `run ${runId} is a run of ${run.workflowPath}, not of ${params.workflowPath}; retry it from its own workflow`,
    );
  }
  if (params.requireCompleted && run.status !== 'completed') {
    throw new ParentRunError(
      `run ${runId} has not finished (status ${run.status ?? 'unknown'}); retry it once it has completed`,
    );
  }
  return run;
}

/**
 * Find, download and check a parent run's record artifact. Refuses a run of another repository or
 * workflow, an unfinished run, an unsafe zip, and a record that is invalid or does not belong to the run.
 */
export async function loadParentRun(params: LoadParentParams): Promise<ParentRun> {
  const run = await checkParentRun(params);
  const maxAttempt = Math.min(params.maxAttempt ?? run.attempt, run.attempt);
  const artifacts = await params.github.listRunArtifacts({
    ...params.repo,
    runId: run.id,
    namePrefix: RECORD_ARTIFACT_PREFIX,
  });
  const artifact = pickRecordArtifact({ artifacts, key: params.key, maxAttempt });
  const wanted = recordArtifactName({ key: params.key, attempt: maxAttempt });
  if (artifact === null) {
    return {
      kind: 'unavailable',
      run,
      reason: `run ${run.id} has no record artifact "${wanted}" (or an earlier attempt's); use retry-mode all`,
    };
  }
  const expiredOn =
    artifact.expiresAt === null ? 'an earlier date' : artifact.expiresAt.slice(0, 10);
  const expired = {
    kind: 'unavailable',
    run,
    reason: `the record of run ${run.id} expired on ${expiredOn}; use retry-mode all`,
  } as const;
  if (artifact.expired) return expired;
  const limits = params.limits ?? ZIP_LIMITS;
  const download = await params.github.downloadArtifactZip({
    ...params.repo,
    artifactId: artifact.id,
    maxBytes: limits.maxZipBytes,
  });
  switch (download.kind) {
    case 'expired':
      return expired;
    case 'not-found':
      return {
        kind: 'unavailable',
        run,
        reason: `the record artifact "${artifact.name}" of run ${run.id} is gone; use retry-mode all`,
      };
    case 'too-large':
      throw new ParentRunError(
        `the record artifact "${artifact.name}" is larger than ${download.maxBytes} bytes; it is not read`,
      );
    case 'downloaded':
      break;
  }
  const files = unpackZip(download.bytes, limits);
  const record = checkRecordOfRun({
    bytes: files.get(RECORD_FILE),
    run,
    artifactName: artifact.name,
  });
  const parentState = await restoreStateFiles({ files, record, destination: params.destination });
  return {
    kind: 'loaded',
    run,
    record,
    artifactName: artifact.name,
    stateRoot: params.destination,
    parentState,
  };
}

/**
 * Read and check the record in a record artifact's zip without unpacking its state files: the
 * whole archive is checked as the parent load checks it, the declared size of `record.json` is
 * checked before it is decompressed, and the record must belong to `run`.
 */
export function readRecordOfZip(params: {
  zip: Uint8Array;
  run: RunOfArtifact;
  artifactName: string;
  limits?: ZipLimits;
}): RunRecord {
  const { zip, run, artifactName } = params;
  let bytes: Uint8Array | undefined;
  try {
    const entry = checkZip(zip, params.limits ?? ZIP_LIMITS).find(
      (e) => e.name === RECORD_FILE && !e.directory,
    );
    if (entry !== undefined) {
      checkRecordSize(artifactName, entry.bytes);
      bytes = unpackZipEntry(zip, entry);
    }
  } catch (error) {
    if (!(error instanceof UnsafeZipError)) throw error;
    throw new UnsafeZipError(
      `the record artifact "${artifactName}" cannot be read: ${error.message}`,
    );
  }
  return checkRecordOfRun({ bytes, run, artifactName });
}
