import type { RetryMode } from '../src/core/retry/mode.js';
import type { Trigger } from '../src/core/run-record/schema.js';
import { parseRunReference } from '../src/core/run-record/reference.js';
import type { GitHubContext } from './github-context.js';
import type { Inputs } from './inputs.js';

/** A dispatched retry: `retry-of` names a parent run. */
export interface RetryOfSource {
  readonly kind: 'retry-of';
  readonly runId: number;
  /** The attempt named in a run URL (`…/attempts/2`); null for the run's latest attempt. */
  readonly attempt: number | null;
  readonly mode: RetryMode;
}

/** Attempt N>1 of this run ("Re-run failed jobs"): resume from an earlier attempt's record. */
export interface RerunSource {
  readonly kind: 'rerun';
  readonly runId: number;
  readonly maxAttempt: number;
  readonly mode: RetryMode;
  /**
   * The `retry-of` this run was dispatched with, if any: planned from only when no earlier
   * attempt of this run left a usable record (the job failed before gh-retry ran, or it expired).
   */
  readonly fallback: RetryOfSource | null;
}

/** What this run retries, if anything. */
export type RetrySource = { readonly kind: 'fresh' } | RetryOfSource | RerunSource;

/**
 * Decide the retry source. On attempt N>1 of a run, the previous attempt's record comes first: it
 * already carries the lineage of the whole chain (a dispatched retry's attempt 1 planned from its
 * `retry-of` parent), so planning from the parent again would redo work that attempt did. Else
 * `retry-of` (an input, or the workflow_dispatch input of the same name), else a fresh run.
 */
export function chooseRetrySource(params: { inputs: Inputs; context: GitHubContext }): RetrySource {
  const { inputs, context } = params;
  const retryOf = retryOfSource(inputs, context);
  if (context.attempt > 1) {
    return {
      kind: 'rerun',
      runId: context.runId,
      maxAttempt: context.attempt - 1,
      mode: { kind: inputs.onRerun },
      fallback: retryOf,
    };
  }
  return retryOf ?? { kind: 'fresh' };
}

function retryOfSource(inputs: Inputs, context: GitHubContext): RetryOfSource | null {
  if (inputs.retryOf === null) return null;
  const reference = parseRunReference(inputs.retryOf, {
    owner: context.owner,
    repo: context.repo,
    serverUrl: context.serverUrl,
  });
  return {
    kind: 'retry-of',
    runId: reference.runId,
    attempt: reference.attempt,
    mode: inputs.retryMode,
  };
}

/** The lineage trigger of a run started from this source: every attempt after the first is a re-run. */
export function triggerOf(source: RetrySource): Trigger {
  return source.kind === 'rerun' ? 'rerun' : 'dispatch';
}
