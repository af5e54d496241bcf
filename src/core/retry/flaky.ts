import { RECORD_LIMITS } from '../run-record/schema.js';
import type { AttemptRecord, FlakyEntry, RunRecord, StepRecord } from '../run-record/schema.js';

/**
 * Flaky made visible: a dbt node or a test that failed and then passed with no change to the code
 * in between. Two ways to see it:
 * - within a step, from its in-run attempts (`attemptLog`): failed in attempt k, passed in the next
 *   attempt that reported results;
 * - across a chain, from the parent record: failed in the parent's step and passed in the retry,
 *   when both runs are on the same commit (`git.sha` equal and known) and, for dbt, the node is
 *   not in the caller's set of modified nodes (`state:modified` between the runs).
 */

/** What the detector compares. */
export interface FlakyInput {
  readonly record: RunRecord;
  /** The run this one retried; null for a first run. */
  readonly parent: RunRecord | null;
  /** dbt unique_ids modified between the parent and this run: a pass there is a fix, not a flake. */
  readonly modified?: ReadonlySet<string>;
}

/** The record with each step's `flaky` list filled (left out where nothing was flaky). */
export function markFlaky(input: FlakyInput): RunRecord {
  const found = detectFlaky(input);
  if (found.size === 0) return input.record;
  return {
    ...input.record,
    steps: input.record.steps.map((step) => {
      const flaky = found.get(step.id);
      return flaky === undefined ? step : { ...step, flaky };
    }),
  };
}

/** Flaky entries by step id; steps with none are absent. */
export function detectFlaky(input: FlakyInput): Map<string, FlakyEntry[]> {
  const { record, parent } = input;
  const modified = input.modified ?? new Set<string>();
  const sameCommit =
    parent !== null && record.git.sha !== null && record.git.sha === parent.git.sha;
  const parentSteps = new Map((parent?.steps ?? []).map((step) => [step.id, step]));
  const found = new Map<string, FlakyEntry[]>();
  for (const step of record.steps) {
    if (!ranHere(step)) continue;
    const parentStep = parentSteps.get(step.id);
    // A fix-aware retry that rebuilt nodes found the project changed since the parent (even on the
    // same commit, with uncommitted edits): a pass there may be the fix, so nothing is a flake.
    const changed = (step.fixAware?.added.length ?? 0) > 0;
    const entries = [
      ...(sameCommit && !changed && parentStep !== undefined
        ? acrossChain({ step, parentStep, parentId: parent.id, modified })
        : []),
      ...withinStep(step, record.id),
    ];
    const unique = dedupe(entries).slice(0, RECORD_LIMITS.maxNodeIds);
    if (unique.length > 0) found.set(step.id, unique);
  }
  return found;
}

/** Every flaky entry of a record with its step, in step order. */
export function listFlaky(record: RunRecord): { step: string; entry: FlakyEntry }[] {
  return record.steps.flatMap((step) =>
    (step.flaky ?? []).map((entry) => ({ step: step.id, entry })),
  );
}

/** A step that ran its command in this run and finished (not reused, carried or cut short). */
function ranHere(step: StepRecord): boolean {
  return (
    step.executed !== null &&
    step.carriedFrom == null &&
    (step.status === 'success' || step.status === 'failed')
  );
}

function acrossChain(params: {
  step: StepRecord;
  parentStep: StepRecord;
  parentId: string;
  modified: ReadonlySet<string>;
}): FlakyEntry[] {
  const { step, parentStep, parentId, modified } = params;
  // A failure the parent only carried from an earlier run may be from another commit.
  if (!ranHere(parentStep) || parentStep.status !== 'failed') return [];
  const failedIn = { run: parentId, attempt: lastAttempt(parentStep) };
  const nodes = (parentStep.nodes?.failed ?? [])
    .filter((node) => !modified.has(node.id) && nodePassed(node.id, step))
    .map((node): FlakyEntry => ({ id: node.id, kind: 'node', failedIn, message: node.message }));
  const tests = (parentStep.failedTests ?? [])
    .filter((test) => testPassed(test, step))
    .map((test): FlakyEntry => ({ id: test, kind: 'test', failedIn, message: null }));
  return [...nodes, ...tests];
}

function withinStep(step: StepRecord, runId: string): FlakyEntry[] {
  const log = step.attemptLog ?? [];
  const entries: FlakyEntry[] = [];
  for (const [index, attempt] of log.entries()) {
    const later = log.slice(index + 1);
    const failedIn = { run: runId, attempt: attempt.number };
    const nextNodes = later.find((a) => a.nodes !== null);
    for (const node of attempt.nodes?.failed ?? []) {
      if (nextNodes !== undefined && nodePassed(node.id, nextNodes))
        entries.push({ id: node.id, kind: 'node', failedIn, message: node.message });
    }
    const nextTests = later.find((a) => a.failedTests !== null || a.exitCode === 0);
    for (const test of attempt.failedTests ?? []) {
      if (nextTests !== undefined && testPassed(test, nextTests))
        entries.push({ id: test, kind: 'test', failedIn, message: null });
    }
  }
  return entries;
}

/** Ran and neither failed nor was skipped in a later picture of the same selection. */
function nodePassed(id: string, later: Pick<StepRecord | AttemptRecord, 'nodes'>): boolean {
  const { nodes } = later;
  if (nodes === null) return false;
  return !nodes.failed.some((node) => node.id === id) && !nodes.skipped.includes(id);
}

function testPassed(
  id: string,
  later: Pick<StepRecord | AttemptRecord, 'failedTests' | 'exitCode'>,
): boolean {
  return later.failedTests === null ? later.exitCode === 0 : !later.failedTests.includes(id);
}

function lastAttempt(step: StepRecord): number {
  return step.attemptLog?.at(-1)?.number ?? Math.max(1, step.attempts);
}

/** The first entry per node or test: the earliest failure is the one worth naming. */
function dedupe(entries: readonly FlakyEntry[]): FlakyEntry[] {
  const seen = new Set<string>();
  return entries.filter((entry) => {
    const key = `${entry.kind}\0${entry.id}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
