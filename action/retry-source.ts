import type { RetryMode, Trigger } from '../src/core/model.js';
import { parseRunReference } from '../src/core/run-reference.js';
import type { GitHubContext } from './github-context.js';
import type { Inputs } from './inputs.js';

/** What this run retries, if anything. */
export type RetrySource =
  | { readonly kind: 'fresh' }
  | {
      /** `retry-of` names a parent run (a dispatched retry). */
      readonly kind: 'retry-of';
      readonly runId: number;
      /** The attempt named in a run URL (`…/attempts/2`); null for the run's latest attempt. */
      readonly attempt: number | null;
      readonly mode: RetryMode;
    }
  | {
      /** Attempt N>1 of this run ("Re-run failed jobs"): resume from an earlier attempt's record. */
      readonly kind: 'rerun';
      readonly runId: number;
      readonly maxAttempt: number;
      readonly mode: RetryMode;
    };

/**
 * Decide the retry source, in order: `retry-of` (an input, or the workflow_dispatch input of the
 * same name), else a native re-run of this run, else a fresh run.
 */
export function chooseRetrySource(params: { inputs: Inputs; context: GitHubContext }): RetrySource {
  const { inputs, context } = params;
  if (inputs.retryOf !== null) {
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
  if (context.attempt > 1) {
    return {
      kind: 'rerun',
      runId: context.runId,
      maxAttempt: context.attempt - 1,
      mode: { kind: inputs.onRerun },
    };
  }
  return { kind: 'fresh' };
}

/** The lineage trigger of a run started from this source. */
export function triggerOf(source: RetrySource): Trigger {
  return source.kind === 'rerun' ? 'rerun' : 'dispatch';
}
