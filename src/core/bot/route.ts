/**
 * How to retry one parent run: the one ladder a comment, a check-run button, a policy and the
 * remote CLI all go down (not finished → not a gh-retry run → fork → records expired → no branch →
 * dispatch). The callers gather the facts (from the run's artifacts, or from the bot's check run
 * alone) and build the dispatch; the order and the reasons live only here.
 */
import type { RetryTargetResult } from '../report/retry-reply.js';
import { formatRetryMode, type RetryMode } from '../retry/mode.js';
import { RETRY_MODE_INPUT, RETRY_OF_INPUT } from './dispatch-trigger.js';
import { recordsExpired, type RecordsNote } from './markers.js';

/** How a parent run can be retried. */
export type RetryRoute =
  | {
      readonly kind: 'dispatch';
      readonly ref: string;
      readonly inputs: Readonly<Record<string, string>>;
      readonly mode: RetryMode;
      /**
       * Whether the inputs were checked against the workflow file. When not, GitHub's answer to
       * the dispatch says whether the workflow declares them, and only a refusal reads the file.
       */
      readonly checked: boolean;
    }
  | {
      readonly kind: 'native';
      readonly why: 'fork' | 'no-dispatch-trigger' | 'not-gh-retry';
    }
  | { readonly kind: 'stop'; readonly result: RetryTargetResult };

/** The ladder's answer: stop, GitHub's native re-run, or a dispatch on `ref` for the caller to build. */
export type LadderStep =
  | Exclude<RetryRoute, { kind: 'dispatch' }>
  | { readonly kind: 'dispatch-on'; readonly ref: string };

/** What a run must tell of itself to be routed. */
export interface RoutedRun {
  readonly id: number;
  readonly workflowName: string;
  readonly workflowPath: string;
  readonly status: string | null;
  readonly headBranch: string | null;
}

/** The facts the ladder decides on. */
export interface RouteFacts {
  readonly parent: RoutedRun;
  readonly mode: RetryMode;
  /** False when the run made no record artifact at all: it is not a gh-retry run. */
  readonly madeRecords: boolean;
  /** The run is from a fork: a dispatch would run the fork's code with this repository's secrets. */
  readonly fork: boolean;
  /** When the run's records expired; null while one is still there. */
  readonly expiredAt: string | null;
}

/** The workflow of a run, as replies name it. */
export function workflowOf(
  run: Pick<RoutedRun, 'workflowName' | 'workflowPath'>,
): RetryTargetResult['workflow'] {
  return { name: run.workflowName, path: run.workflowPath };
}

/** Walk the ladder for one parent run. */
export function routeLadder(facts: RouteFacts): LadderStep {
  const { parent, mode } = facts;
  const base = { workflow: workflowOf(parent), parentRunId: parent.id };
  if (parent.status !== 'completed')
    return { kind: 'stop', result: { ...base, kind: 'not-finished' } };
  if (!facts.madeRecords) return { kind: 'native', why: 'not-gh-retry' };
  if (facts.fork) return { kind: 'native', why: 'fork' };
  // `all` re-runs everything as written: it needs no record of the parent.
  if (mode.kind !== 'all' && facts.expiredAt !== null)
    return { kind: 'stop', result: { ...base, kind: 'expired', expiredAt: facts.expiredAt } };
  if (parent.headBranch === null) {
    const message = 'the run has no branch to start a new run on';
    return { kind: 'stop', result: { ...base, kind: 'failed', message } };
  }
  return { kind: 'dispatch-on', ref: parent.headBranch };
}

/**
 * Decide how to retry a run of a pull request's head commit from what one read of the commit
 * told (no request): `records` is the note on the bot's check run of the run, so the run is a
 * gh-retry run. The dispatch is unchecked: it sends the inputs the documented trigger declares.
 */
export function routeFromCommitChecks(params: {
  parent: RoutedRun & { readonly updatedAt: string };
  mode: RetryMode;
  forkPullRequest: boolean;
  records: RecordsNote;
  now: Date;
}): RetryRoute {
  const { parent, mode, records } = params;
  const step = routeLadder({
    parent,
    mode,
    madeRecords: true,
    fork: params.forkPullRequest,
    expiredAt: recordsExpired(records, params.now) ? (records.expiresAt ?? parent.updatedAt) : null,
  });
  if (step.kind !== 'dispatch-on') return step;
  // The documented trigger declares both; a workflow that declares only `retry-of` is refused
  // (422) and then retried with what its file declares.
  const inputs = { [RETRY_OF_INPUT]: String(parent.id), [RETRY_MODE_INPUT]: formatRetryMode(mode) };
  return { kind: 'dispatch', ref: step.ref, inputs, mode, checked: false };
}
