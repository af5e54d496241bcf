/**
 * A run record as a GitHub artifact: how the artifact is named, which one holds a job's record,
 * and the trust check every reader applies before using a record it downloaded (the Action's
 * parent load and the App's record reads). Artifacts are untrusted input: a record is used only
 * when it is small enough, valid, and belongs to the run and attempt its artifact name says.
 */
import { RunRecordError } from '../errors.js';
import { parseRunRecord } from './record.js';
import { RECORD_LIMITS, type RunRecord } from './schema.js';

/** Prefix of every record artifact's name. */
export const RECORD_ARTIFACT_PREFIX = 'gh-retry-';

/** The record's file inside its artifact (beside `state/<step-id>/<path>`). */
export const RECORD_FILE = 'record.json';

/** The record id of a GitHub run attempt: `<run_id>-<attempt>`. */
export function recordIdOf(runId: number, attempt: number): string {
  return `${runId}-${attempt}`;
}

/** Turn a schedule or job name into the readable, collision-safe part of an artifact name. */
export function slugifyArtifactKey(text: string): string {
  const slug = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64)
    .replace(/-+$/, '');
  return slug === '' ? 'schedule' : slug;
}

/** The artifact name of one job attempt's record: `gh-retry-<key>-<attempt>`. */
export function recordArtifactName(params: { key: string; attempt: number }): string {
  return `${RECORD_ARTIFACT_PREFIX}${params.key}-${params.attempt}`;
}

/** The key and attempt of a record artifact's name, or null for any other artifact. */
export function parseRecordArtifactName(name: string): { key: string; attempt: number } | null {
  const match = /^gh-retry-([a-z0-9][a-z0-9-]*)-(\d{1,6})$/.exec(name);
  if (match === null) return null;
  return { key: match[1] ?? '', attempt: Number(match[2]) };
}

/** What picking a record artifact needs to know of an artifact. */
export interface NamedArtifact {
  readonly id: number;
  readonly name: string;
}

/**
 * The record artifact for `key` from the latest attempt at or before `maxAttempt`: a job that was
 * not re-run in a later attempt keeps the record of the attempt that ran it.
 */
export function pickRecordArtifact<A extends NamedArtifact>(params: {
  artifacts: readonly A[];
  key: string;
  maxAttempt: number;
}): A | null {
  let best: { artifact: A; attempt: number } | null = null;
  for (const artifact of params.artifacts) {
    const parsed = parseRecordArtifactName(artifact.name);
    if (parsed === null || parsed.key !== params.key || parsed.attempt > params.maxAttempt)
      continue;
    const better =
      best === null ||
      parsed.attempt > best.attempt ||
      (parsed.attempt === best.attempt && artifact.id > best.artifact.id);
    if (better) best = { artifact, attempt: parsed.attempt };
  }
  return best?.artifact ?? null;
}

/** The run a record artifact was listed under. */
export interface RunOfArtifact {
  readonly id: number;
  /** `owner/name`. */
  readonly repository: string;
}

/**
 * Refuse a `record.json` of `bytes` bytes (as found, or as a zip declares it before it is
 * decompressed) that is larger than a record may be.
 */
export function checkRecordSize(artifactName: string, bytes: number): void {
  if (bytes > RECORD_LIMITS.maxRecordBytes) {
    throw new RunRecordError(
      `the record in "${artifactName}" is ${bytes} bytes; at most ${RECORD_LIMITS.maxRecordBytes} are read`,
    );
  }
}

/**
 * The trust check of a record artifact: its `record.json` (`undefined` when the artifact has
 * none) must be small enough, a valid record, and belong to the run and to the attempt the
 * artifact's name gives (`github` block and `record.id` alike).
 */
export function checkRecordOfRun(params: {
  bytes: Uint8Array | undefined;
  run: RunOfArtifact;
  artifactName: string;
}): RunRecord {
  const { bytes, run, artifactName } = params;
  if (bytes === undefined)
    throw new RunRecordError(`the record artifact "${artifactName}" has no ${RECORD_FILE}`);
  checkRecordSize(artifactName, bytes.length);
  const record = parseRunRecord(new TextDecoder('utf-8', { fatal: false }).decode(bytes), {
    source: `${RECORD_FILE} of "${artifactName}"`,
  });
  const attempt = parseRecordArtifactName(artifactName)?.attempt;
  const github = record.github;
  const belongs =
    attempt !== undefined &&
    github !== null &&
    github.runId === run.id &&
    github.runAttempt === attempt &&
    github.repository.toLowerCase() === run.repository.toLowerCase() &&
    record.id === recordIdOf(run.id, attempt);
  if (!belongs) {
    throw new RunRecordError(
      `the record in "${artifactName}" does not belong to run ${run.id} (it names ${record.id}); it is not used`,
    );
  }
  return record;
}
