import { findConditionMatch } from '../retry/conditions.js';
import { describePolicy, type PolicyMode, type RetryConfig, type RetryPolicy } from './config.js';
import type { RunRecord, StepRecord } from '../run-record/schema.js';
import { describeRepeatedFailure } from './same-failure.js';

export { findConditionMatch };

/** What to do after a run completed: dispatch an automatic retry, or not (and why). */
export type AutoRetryDecision =
  | {
      readonly kind: 'retry';
      readonly mode: PolicyMode;
      readonly delaySeconds: number;
      /** The attempt number of the run to dispatch, counting the chain's first run as 1. */
      readonly attempt: number;
      readonly maxAttempts: number;
      readonly policy: RetryPolicy;
      /** Why the policy matched, for the check run. */
      readonly reason: string;
    }
  | { readonly kind: 'skip'; readonly reason: string };

type PolicyMatch =
  | { readonly kind: 'match'; readonly because: string }
  | { readonly kind: 'miss'; readonly because: string };

/**
 * Decide whether a completed run gets an automatic retry (PRODUCT.md §6). Only failed runs; never
 * after a manual retry (a chain that a person touched is theirs); the first matching policy wins
 * and its `max-attempts` is final, so a later, looser policy cannot extend a chain. The chain
 * length comes from the record's lineage, which the Action writes and the App does not control.
 */
export function decideAutoRetry(params: {
  config: RetryConfig;
  record: RunRecord;
  workflowPath: string;
  branch: string | null;
  /** The run this one retried, when it could be read (for `stop-on-same-failure`). */
  parent?: RunRecord | null;
}): AutoRetryDecision {
  const { config, record } = params;
  if (record.status !== 'failed') {
    const what = record.status === 'success' ? 'succeeded' : 'was cancelled';
    return skip(`The run ${what}; automatic retries only follow failed runs.`);
  }
  const { lineage } = record;
  if (lineage.parent !== null && lineage.trigger !== 'policy') {
    const by = lineage.requestedBy === null ? '' : ` requested by @${lineage.requestedBy}`;
    return skip(
      `The run is a manual retry (trigger: ${lineage.trigger}${by}); automatic retries never follow a manual retry. Comment /retry to retry it again.`,
    );
  }
  if (config.retryPolicies.length === 0)
    return skip('No retry policies are configured in .github/gh-retry.yml.');
  const failedSteps = record.steps.filter((s) => s.status === 'failed');
  const misses: string[] = [];
  for (const policy of config.retryPolicies) {
    const match = matchPolicy(policy, { ...params, failedSteps });
    if (match.kind === 'miss') {
      misses.push(`${describePolicy(policy)}: ${match.because}`);
      continue;
    }
    const attempt = lineage.retryNumber + 2;
    if (attempt > policy.maxAttempts) {
      return skip(
        `Automatic retries stopped: this run was attempt ${attempt - 1} of at most ${policy.maxAttempts} under ${describePolicy(policy)}. ` +
          'Fix the cause, then comment /retry or retry from the Actions tab.',
      );
    }
    const repeated = policy.stopOnSameFailure
      ? describeRepeatedFailure(record, params.parent ?? null)
      : null;
    if (repeated !== null) {
      return skip(
        `Automatic retries stopped under ${describePolicy(policy)} (stop-on-same-failure): ${repeated}, so it does not look flaky. ` +
          'Fix the cause, then comment /retry or retry from the Actions tab.',
      );
    }
    const reason = `${describePolicy(policy)} matched (${match.because}); attempt ${attempt} of at most ${policy.maxAttempts}.`;
    return {
      kind: 'retry',
      mode: policy.mode,
      delaySeconds: policy.delaySeconds,
      attempt,
      maxAttempts: policy.maxAttempts,
      policy,
      reason,
    };
  }
  return skip(`No retry policy matches this run: ${misses.join('; ')}.`);
}

function matchPolicy(
  policy: RetryPolicy,
  run: { workflowPath: string; branch: string | null; failedSteps: readonly StepRecord[] },
): PolicyMatch {
  const workflow = stripRef(run.workflowPath);
  if (policy.workflows !== null && !policy.workflows.some((p) => matchesWorkflow(p, workflow))) {
    return {
      kind: 'miss',
      because: `workflow ${baseName(workflow)} is not in ${policy.workflows.join(', ')}`,
    };
  }
  if (policy.branches !== null) {
    const { branch } = run;
    if (branch === null)
      return {
        kind: 'miss',
        because: 'the run has no branch (fork or tag) and the policy lists branches',
      };
    if (!policy.branches.some((p) => matchesGlob(p, branch))) {
      return { kind: 'miss', because: `branch ${branch} is not in ${policy.branches.join(', ')}` };
    }
  }
  if (policy.conditions === null) return { kind: 'match', because: 'any failure' };
  const hit = findConditionMatch(policy.conditions, run.failedSteps);
  return hit === null
    ? { kind: 'miss', because: 'no failed step matches its conditions' }
    : { kind: 'match', because: hit };
}

/** Match a workflow pattern: against the full path when it has a `/`, else against the file name. */
export function matchesWorkflow(pattern: string, workflowPath: string): boolean {
  return matchesGlob(pattern, pattern.includes('/') ? workflowPath : baseName(workflowPath));
}

/** Glob match: `*` and `?` stay within a path segment, `**` crosses `/`; everything else is literal. */
export function matchesGlob(pattern: string, text: string): boolean {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern.charAt(i);
    if (c === '*' && pattern.charAt(i + 1) === '*') {
      source += '.*';
      i++;
    } else if (c === '*') source += '[^/]*';
    else if (c === '?') source += '[^/]';
    else source += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`, 'u').test(text);
}

function stripRef(workflowPath: string): string {
  const at = workflowPath.indexOf('@');
  return at === -1 ? workflowPath : workflowPath.slice(0, at);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function skip(reason: string): AutoRetryDecision {
  return { kind: 'skip', reason };
}
