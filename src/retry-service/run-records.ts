/**
 * The gh-retry run records of a workflow run, read through the REST API: list the record
 * artifacts, download each zip, and read only its `record.json` (bounded, checked against the
 * run). Artifacts are untrusted: every problem becomes a message, never a crash.
 */
import { readRecordOfZip } from '../adapters/github/record-artifacts.js';
import { ZIP_LIMITS } from '../adapters/local/zip-archive.js';
import { UserError } from '../core/errors.js';
import {
  parseRecordArtifactName,
  pickRecordArtifact,
  RECORD_ARTIFACT_PREFIX,
} from '../core/run-record/artifact.js';
import type { RunRecord } from '../core/run-record/schema.js';
import type { ArtifactInfo, RunArtifactReader, RepoRef } from '../ports/github-runs.js';

/** Record jobs read per run; a workflow with more gh-retry jobs is reported, not read in full. */
const MAX_RECORD_KEYS = 20;

/** The run a record must belong to. */
export interface RecordedRun {
  readonly id: number;
  readonly attempt: number;
  readonly repository: string;
}

/** The record artifacts of a run, latest attempt (at most the run's) per job. */
export type RecordArtifacts =
  | { readonly kind: 'not-gh-retry' }
  | { readonly kind: 'found'; readonly artifacts: readonly ArtifactInfo[] };

/** What reading a run's records gave. */
export type RunRecords =
  | { readonly kind: 'not-gh-retry' }
  | {
      readonly kind: 'read';
      readonly records: readonly RunRecord[];
      /** Why some record could not be read, in words a user can act on. */
      readonly problems: readonly string[];
      /** When the last record artifact expires; null when GitHub gave no date for one. */
      readonly expiresAt: string | null;
    };

/** Find a run's record artifacts; a run without any does not use gh-retry. */
export async function findRecordArtifacts(params: {
  github: RunArtifactReader;
  repo: RepoRef;
  run: RecordedRun;
}): Promise<RecordArtifacts> {
  const all = await params.github.listRunArtifacts({
    ...params.repo,
    runId: params.run.id,
    namePrefix: RECORD_ARTIFACT_PREFIX,
  });
  const keys = new Set(
    all.flatMap((artifact) => {
      const parsed = parseRecordArtifactName(artifact.name);
      return parsed === null || parsed.attempt > params.run.attempt ? [] : [parsed.key];
    }),
  );
  const artifacts = [...keys]
    .sort()
    .map((key) => pickRecordArtifact({ artifacts: all, key, maxAttempt: params.run.attempt }))
    .filter((artifact): artifact is ArtifactInfo => artifact !== null);
  return artifacts.length === 0 ? { kind: 'not-gh-retry' } : { kind: 'found', artifacts };
}

/** Read every record of a run (one per gh-retry job). */
export async function readRunRecords(params: {
  github: RunArtifactReader;
  repo: RepoRef;
  run: RecordedRun;
}): Promise<RunRecords> {
  const found = await findRecordArtifacts(params);
  if (found.kind === 'not-gh-retry') return found;
  const records: RunRecord[] = [];
  const problems: string[] = [];
  if (found.artifacts.length > MAX_RECORD_KEYS)
    problems.push(
      `the run has ${found.artifacts.length} record artifacts; the first ${MAX_RECORD_KEYS} are shown`,
    );
  for (const artifact of found.artifacts.slice(0, MAX_RECORD_KEYS)) {
    try {
      records.push(await readRecordArtifact({ ...params, artifact }));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      problems.push(error.message);
    }
  }
  return { kind: 'read', records, problems, expiresAt: lastExpiry(found.artifacts) };
}

function lastExpiry(artifacts: readonly ArtifactInfo[]): string | null {
  if (artifacts.some((a) => a.expiresAt === null)) return null;
  return artifacts.reduce<string | null>(
    (last, a) => (last === null || (a.expiresAt ?? '') > last ? a.expiresAt : last),
    null,
  );
}

async function readRecordArtifact(params: {
  github: RunArtifactReader;
  repo: RepoRef;
  run: RecordedRun;
  artifact: ArtifactInfo;
}): Promise<RunRecord> {
  const { artifact, run } = params;
  const name = `"${artifact.name}"`;
  const expired = new UserError(
    `the record artifact ${name} expired on ${artifact.expiresAt?.slice(0, 10) ?? 'an earlier date'}; use /retry all`,
  );
  if (artifact.expired) throw expired;
  const download = await params.github.downloadArtifactZip({
    ...params.repo,
    artifactId: artifact.id,
    maxBytes: ZIP_LIMITS.maxZipBytes,
  });
  switch (download.kind) {
    case 'expired':
      throw expired;
    case 'not-found':
      throw new UserError(`the record artifact ${name} is gone; use /retry all`);
    case 'too-large':
      throw new UserError(
        `the record artifact ${name} is larger than ${download.maxBytes} bytes and is not read`,
      );
    case 'downloaded':
      break;
  }
  return readRecordOfZip({ zip: download.bytes, run, artifactName: artifact.name });
}
