import { z } from 'zod';
import { RECORD_LIMITS, type NodeSummary } from '../run-record/schema.js';
import { FAILED_NODE_STATUSES } from './dbt-node-status.js';

/** Node statuses that `dbt retry` runs again (dbt-core 1.9+; `partial success` is microbatch). */
export const RETRYABLE_NODE_STATUSES: readonly string[] = [
  'error',
  'fail',
  'skipped',
  'runtime error',
  'partial success',
];

/** Statuses listed as failed nodes (with their message). */
const FAILED_STATUSES = new Set(FAILED_NODE_STATUSES);

/** run_results.json schema versions `dbt retry` can read (dbt 1.8+ reads v4–v6). */
const READABLE_VERSIONS = { min: 4, max: 6 } as const;

/** Failed nodes that keep their message; beyond this only ids, so a record stays small. */
const MAX_NODE_MESSAGES = 100;
const MAX_MESSAGE_LENGTH = 1000;

// Only the fields gh-retry needs. Unknown fields are allowed and dropped (z.object strips them):
// copying them, as looseObject does, costs ~100× more on a 10,000-result file.
const resultSchema = z.object({
  status: z.string(),
  unique_id: z.string(),
  message: z.string().nullish(),
});
const envelope = {
  metadata: z.object({ dbt_schema_version: z.string(), dbt_version: z.string().optional() }),
  args: z.object({ which: z.string().optional() }).optional(),
};
const runResultsSchema = z.object({ ...envelope, results: z.array(resultSchema) });
// The results of a large project (50,000 of them) are checked by a plain loop, many times faster
// than the schema; the schema runs only to word what is wrong when the loop finds a bad result.
const envelopeSchema = z.object({ ...envelope, results: z.array(z.unknown()) });

/** The results as gh-retry reads them, or null when one is not a result `resultSchema` accepts. */
function readResults(raw: readonly unknown[]): NodeResult[] | null {
  const results: NodeResult[] = new Array<NodeResult>(raw.length);
  for (let i = 0; i < raw.length; i += 1) {
    const result = raw[i];
    if (typeof result !== 'object' || result === null || Array.isArray(result)) return null;
    const { status, unique_id: uniqueId, message } = result as Record<string, unknown>;
    if (typeof status !== 'string' || typeof uniqueId !== 'string') return null;
    if (message !== undefined && message !== null && typeof message !== 'string') return null;
    results[i] = { uniqueId, status, message: message ?? null };
  }
  return results;
}

/** One node result: its status and message. */
export interface NodeResult {
  readonly uniqueId: string;
  readonly status: string;
  readonly message: string | null;
}

/** A run_results.json as far as retrying needs it, or why it cannot be used. */
export type RunResults =
  | {
      readonly kind: 'run-results';
      readonly schemaVersion: number;
      /** `metadata.dbt_version` of the dbt that wrote it (`1.11.16`), when present. */
      readonly dbtVersion: string | null;
      /** `args.which`: the command that wrote the file (`run`, `build`, `generate`, …). */
      readonly which: string | null;
      readonly results: readonly NodeResult[];
    }
  | { readonly kind: 'unreadable'; readonly reason: string };

/** Read a run_results.json (schema v4–v6), tolerant of fields it does not need. */
export function parseRunResults(text: string): RunResults {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { kind: 'unreadable', reason: 'it is not valid JSON' };
  }
  const parsed = envelopeSchema.safeParse(data);
  const results = parsed.success ? readResults(parsed.data.results) : null;
  if (!parsed.success || results === null) {
    const issue = runResultsSchema.safeParse(data).error?.issues[0];
    const where =
      issue === undefined ? '' : ` (${issue.path.map(String).join('.')}: ${issue.message})`;
    return { kind: 'unreadable', reason: `it is not a dbt run_results.json${where}` };
  }
  const version = /run-results\/v(\d+)\.json$/.exec(parsed.data.metadata.dbt_schema_version)?.[1];
  const schemaVersion = version === undefined ? NaN : Number(version);
  if (!(schemaVersion >= READABLE_VERSIONS.min && schemaVersion <= READABLE_VERSIONS.max)) {
    return {
      kind: 'unreadable',
      reason: `its schema version ${parsed.data.metadata.dbt_schema_version} is not v4–v6`,
    };
  }
  return {
    kind: 'run-results',
    schemaVersion,
    dbtVersion: parsed.data.metadata.dbt_version ?? null,
    which: parsed.data.args?.which ?? null,
    results,
  };
}

/**
 * The node picture of a run_results.json: exact counts by status, the failed nodes (with
 * messages for the first ones) and the skipped ids; ids listed up to RECORD_LIMITS.maxNodeIds.
 */
export function summariseRunResults(
  runResults: Extract<RunResults, { kind: 'run-results' }>,
): NodeSummary {
  // A Map, then fromEntries: statuses come from untrusted files (a status "__proto__" stays data).
  const counts = new Map<string, number>();
  const failed: NodeSummary['failed'] = [];
  const skipped: string[] = [];
  let listed = 0;
  for (const result of runResults.results) {
    const status = clip(result.status, RECORD_LIMITS.maxStringLength);
    const hook = isHook(result.uniqueId);
    // Hooks are not nodes (dbt's own PASS/ERROR/TOTAL line leaves them out); a failed one is listed.
    if (!hook) counts.set(status, (counts.get(status) ?? 0) + 1);
    if (listed >= RECORD_LIMITS.maxNodeIds || (hook && !FAILED_STATUSES.has(status))) continue;
    const id = clip(result.uniqueId, RECORD_LIMITS.maxStringLength);
    if (FAILED_STATUSES.has(status)) {
      const message =
        failed.length < MAX_NODE_MESSAGES && result.message !== null
          ? clip(result.message, MAX_MESSAGE_LENGTH)
          : null;
      failed.push({ id, status, message });
      listed += 1;
    } else if (status === 'skipped') {
      skipped.push(id);
      listed += 1;
    }
  }
  return {
    which: runResults.which,
    counts: Object.fromEntries(counts),
    failed,
    skipped,
    merged: false,
  };
}

/**
 * The node picture after a `dbt retry`: the parent's picture with every node the retry ran
 * replaced by its new status. `dbt retry` runs exactly the parent's retryable nodes (error, fail,
 * skipped, runtime error, partial success), so those leave the parent's counts and the retry's
 * counts take their place. Only merge a summary read after the step ran in its dbt retry form.
 * Hooks (`operation.*` rows) are in neither picture's counts: dbt runs them again on every
 * invocation, so only the retry's failed hooks are listed. A fix-aware retry also re-ran `rebuilt`
 * nodes that succeeded in the parent (its selector asks for `result:success`): they leave the
 * parent's `success` count.
 */
export function mergeNodeSummaries(
  parent: NodeSummary,
  retry: NodeSummary,
  rebuilt = 0,
): NodeSummary {
  const counts = new Map<string, number>();
  for (const [status, count] of Object.entries(parent.counts)) {
    const left = status === 'success' ? Math.max(0, count - rebuilt) : count;
    if (!RETRYABLE_NODE_STATUSES.includes(status)) counts.set(status, left);
  }
  for (const [status, count] of Object.entries(retry.counts)) {
    counts.set(status, (counts.get(status) ?? 0) + count);
  }
  return {
    which: parent.which ?? retry.which,
    counts: Object.fromEntries(counts),
    failed: retry.failed,
    skipped: retry.skipped,
    merged: true,
  };
}

/** How many of a summary's nodes `dbt retry` would run, by status (`2 error, 1 skipped`). */
export function describeRetryableNodes(summary: NodeSummary): string {
  const parts = RETRYABLE_NODE_STATUSES.flatMap((status) => {
    const count = summary.counts[status] ?? 0;
    return count > 0 ? [`${count} ${status}`] : [];
  });
  return parts.length === 0 ? 'no failed nodes' : parts.join(', ');
}

/** An on-run-start/end hook row (dbt 1.9+ writes them; `dbt retry` never re-runs them as nodes). */
function isHook(uniqueId: string): boolean {
  return uniqueId.startsWith('operation.');
}

/**
 * The ids `dbt retry` would re-run from this file (retry.py): retryable statuses, plus `warn` when
 * the retry runs with `--warn-error`; hook rows only when the file is from `run-operation`.
 */
export function dbtRetrySet(
  runResults: Extract<RunResults, { kind: 'run-results' }>,
  options: { readonly warnError: boolean },
): string[] {
  const statuses = options.warnError
    ? [...RETRYABLE_NODE_STATUSES, 'warn']
    : RETRYABLE_NODE_STATUSES;
  return runResults.results
    .filter((result) => statuses.includes(result.status))
    .filter((result) => runResults.which === 'run-operation' || !isHook(result.uniqueId))
    .map((result) => result.uniqueId);
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max);
}
