import { errorMessage, RunRecordError } from '../errors.js';
import {
  RECORD_LIMITS,
  RUN_RECORD_KIND,
  RUN_RECORD_VERSION,
  runRecordSchema,
  type GitHubRunInfo,
  type Lineage,
  type RunRecord,
  type RunStatus,
  type StepRecord,
} from './schema.js';

/**
 * A new run record: the one constructor, so the kind, the version, the duration and the length
 * bounds hold for every record gh-retry writes (a finished run, a placeholder, a stand-in parent).
 */
export function newRunRecord(params: {
  id: string;
  name: string;
  status: RunStatus;
  startedAt: Date;
  /** Defaults to `startedAt` (a record of a run that ran nothing). */
  finishedAt?: Date;
  git: RunRecord['git'];
  github: GitHubRunInfo | null;
  lineage: Lineage;
  steps?: readonly StepRecord[];
  /** "Nothing to retry": a from-failure retry of a run that had succeeded. */
  nothingToRetry?: boolean;
}): RunRecord {
  const finishedAt = params.finishedAt ?? params.startedAt;
  return {
    kind: RUN_RECORD_KIND,
    version: RUN_RECORD_VERSION,
    id: params.id,
    name: clipText(params.name),
    status: params.status,
    nothingToRetry: params.nothingToRetry ?? false,
    startedAt: params.startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: Math.max(0, finishedAt.getTime() - params.startedAt.getTime()),
    git: params.git,
    github: params.github,
    lineage: params.lineage,
    steps: (params.steps ?? []).map(clipStep),
  };
}

/** Text cut to the record's string bound, marked with an ellipsis when cut. */
export function clipText(text: string): string {
  const max = RECORD_LIMITS.maxStringLength;
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

function clipStep(step: StepRecord): StepRecord {
  return {
    ...step,
    name: clipText(step.name),
    command: clipText(step.command),
    executed: step.executed === null ? null : clipText(step.executed),
    reason: clipText(step.reason),
  };
}

/** How many schema problems a message lists before "+N more". */
const MAX_LISTED_ISSUES = 3;

/**
 * Parse and validate a run record (untrusted input: size-bounded before parsing). Anything that is
 * not a record this build can read is a RunRecordError that says why and what to do.
 */
export function parseRunRecord(text: string, params: { source?: string } = {}): RunRecord {
  const source = params.source ?? 'record.json';
  const bytes = bytesOverLimit(text);
  if (bytes !== null) {
    throw new RunRecordError(
      `${source} is ${bytes} bytes, over the ${RECORD_LIMITS.maxRecordBytes}-byte limit for a run record; retry every step instead (mode all)`,
    );
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const reason = errorMessage(error);
    throw new RunRecordError(
      `${source} is not valid JSON (${reason}); retry every step instead (mode all)`,
    );
  }
  checkKindAndVersion(data, source);
  const result = runRecordSchema.safeParse(data);
  if (!result.success) {
    throw new RunRecordError(
      `${source} is not a valid run record: ${summariseIssues(result.error.issues)}; retry every step instead (mode all)`,
    );
  }
  return result.data;
}

/** Serialise a run record as 2-space JSON with a final newline, after checking it against the schema. */
export function serializeRunRecord(record: RunRecord): string {
  const result = runRecordSchema.safeParse(record);
  if (!result.success) {
    throw new RunRecordError(
      `the run record is not valid: ${summariseIssues(result.error.issues)}`,
    );
  }
  return `${JSON.stringify(result.data, null, 2)}\n`;
}

/** The bounded tail of a step's output: the last characters, and whether any were dropped. */
export interface OutputTail {
  readonly text: string;
  readonly truncated: boolean;
}

/**
 * Add a chunk of output to a tail, keeping at most `max` characters. When characters are dropped,
 * the tail starts at a line start if the kept text has one, so the first line is never a fragment.
 */
export function appendOutputTail(
  tail: OutputTail,
  chunk: string,
  max: number = RECORD_LIMITS.maxOutputTail,
): OutputTail {
  if (tail.text.length + chunk.length <= max) {
    return { text: tail.text + chunk, truncated: tail.truncated };
  }
  if (max <= 0) return { text: '', truncated: true };
  // One character more than is kept, to tell whether the cut falls right after a newline.
  const window =
    chunk.length > max ? chunk.slice(-(max + 1)) : (tail.text + chunk).slice(-(max + 1));
  let text = window.slice(1);
  if (window[0] !== '\n') {
    const newline = text.indexOf('\n');
    if (newline !== -1 && newline + 1 < text.length) text = text.slice(newline + 1);
    else if (/^[\uDC00-\uDFFF]/.test(text)) text = text.slice(1);
  }
  return { text, truncated: true };
}

function checkKindAndVersion(data: unknown, source: string): void {
  const record =
    typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : null;
  if (record?.['kind'] !== RUN_RECORD_KIND) {
    throw new RunRecordError(
      `${source} is not a gh-retry run record (expected "kind": "${RUN_RECORD_KIND}"); retry every step instead (mode all)`,
    );
  }
  const version = record['version'];
  if (typeof version !== 'number' || !Number.isInteger(version)) {
    throw new RunRecordError(
      `${source} has no record version; retry every step instead (mode all)`,
    );
  }
  if (version > RUN_RECORD_VERSION) {
    throw new RunRecordError(
      `${source} was written by a newer gh-retry (record version ${version}); this build reads version ${RUN_RECORD_VERSION} — update gh-retry, or retry every step instead (mode all)`,
    );
  }
  if (version < RUN_RECORD_VERSION) {
    throw new RunRecordError(
      `${source} was written by an older gh-retry (record version ${version}); this build reads version ${RUN_RECORD_VERSION} — retry every step instead (mode all)`,
    );
  }
}

function summariseIssues(
  issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[],
): string {
  const listed = issues.slice(0, MAX_LISTED_ISSUES).map((issue) => {
    const path = issue.path.length === 0 ? '(record)' : issue.path.map(String).join('.');
    return `${path}: ${issue.message}`;
  });
  const more = issues.length - listed.length;
  return more > 0 ? `${listed.join('; ')} (+${more} more)` : listed.join('; ');
}

/** The UTF-8 size of a text over the record limit, or null; encodes only when length cannot decide. */
function bytesOverLimit(text: string): number | null {
  if (text.length * 3 <= RECORD_LIMITS.maxRecordBytes) return null;
  const bytes = new TextEncoder().encode(text).length;
  return bytes > RECORD_LIMITS.maxRecordBytes ? bytes : null;
}

/** The step where a run stopped: its first failed or cancelled step, if any. */
export function stoppedStep(record: RunRecord): StepRecord | undefined {
  return record.steps.find((s) => s.status === 'failed' || s.status === 'cancelled');
}

/** True when a retry of this run has something to do: it failed or was cancelled, and is not a "nothing to retry" run. */
export function isRetryable(record: RunRecord): boolean {
  return (record.status === 'failed' || record.status === 'cancelled') && !record.nothingToRetry;
}
