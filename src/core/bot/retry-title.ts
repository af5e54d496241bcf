/**
 * The retry-title convention: a retry's `run-name` names its parent (`Retry of #123`), so a retry
 * can be found while it is still queued, before it has uploaded a record.
 */

/** A candidate for "this parent already has a retry": a run of the parent's workflow. */
export interface RetryCandidate {
  readonly runId: number;
  /** The run's `display_title` (its `run-name`). */
  readonly displayTitle: string;
  /** The parent run id from the candidate's own run record, when it has finished and uploaded one. */
  readonly recordParentRunId?: number | null;
  /**
   * The candidate was cancelled (by hand, or by a newer run of its concurrency group while it
   * waited): it retried nothing, so it does not stop a new retry.
   */
  readonly cancelled?: boolean;
}

/**
 * The `run-name` a workflow declares so that a retry's title names its parent while it is still
 * queued (inputs are not in the runs API): `Retry of #<retry-of>`, else GitHub's usual title.
 */
export const RETRY_RUN_NAME =
  "${{ inputs.retry-of && format('Retry of #{0}', inputs.retry-of) || '' }}";

/** The parent run id a retry's title names (`Retry of #123`, or a `…/actions/runs/123` URL); null if none. */
export function parseRetryTitle(displayTitle: string): number | null {
  const match =
    /\bretry of #?(\d{1,16})\b/i.exec(displayTitle) ??
    /\/actions\/runs\/(\d{1,16})\b/.exec(displayTitle);
  const id = match ? Number(match[1]) : NaN;
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

/**
 * Find a run that already retries `parentRunId`, so that a redelivered webhook or a second App
 * instance does not dispatch twice. Correlation: the candidate's record lineage when known, else
 * its title per RETRY_RUN_NAME. A cancelled candidate is no retry. The shell lists the parent workflow's `workflow_dispatch` runs
 * created since the parent finished and checks again right before dispatching.
 */
export function findExistingRetry(params: {
  parentRunId: number;
  candidates: readonly RetryCandidate[];
}): { readonly kind: 'found'; readonly runId: number } | { readonly kind: 'none' } {
  const found = params.candidates.find(
    (c) =>
      c.runId !== params.parentRunId &&
      c.cancelled !== true &&
      (c.recordParentRunId === params.parentRunId ||
        parseRetryTitle(c.displayTitle) === params.parentRunId),
  );
  return found === undefined ? { kind: 'none' } : { kind: 'found', runId: found.runId };
}
