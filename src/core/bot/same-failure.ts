import type { AttemptRecord, RunRecord, StepRecord } from '../run-record/schema.js';

/**
 * `stop-on-same-failure`: a failure that repeats unchanged does not look flaky, so automatic
 * retries stop instead of hiding it. It repeats when a retry failed exactly as the run it retried
 * (the same steps, the same failed dbt nodes with the same messages, the same failed tests, or for
 * a step with neither the same exit code), or when every in-run attempt of a failed step failed
 * that same way.
 */

/** Why the run's failure repeats unchanged, in words; null when it may be flaky. */
export function describeRepeatedFailure(
  record: RunRecord,
  parent: RunRecord | null,
): string | null {
  if (record.status !== 'failed') return null;
  for (const step of failedSteps(record)) {
    const log = step.attemptLog ?? [];
    if (log.length < 2) continue;
    const first = attemptSignature(log[0] as AttemptRecord);
    if (log.every((attempt) => attemptSignature(attempt) === first))
      return `every one of the ${log.length} attempts of step ${step.id} failed the same way`;
  }
  if (parent === null || record.lineage.parent !== parent.id) return null;
  const mine = recordSignature(record);
  return mine !== '' && mine === recordSignature(parent)
    ? `run ${record.id} failed exactly as run ${parent.id} did (the same steps, nodes, tests and messages)`
    : null;
}

function failedSteps(record: RunRecord): StepRecord[] {
  return record.steps.filter((step) => step.status === 'failed');
}

function recordSignature(record: RunRecord): string {
  return failedSteps(record)
    .map((step) => `${step.id}\n${signature(step)}`)
    .join('\n\n');
}

function attemptSignature(attempt: AttemptRecord): string {
  return signature(attempt);
}

/** The failure of a step or attempt: failed nodes with messages, failed tests, else the exit. */
function signature(ran: Pick<StepRecord, 'nodes' | 'failedTests' | 'exitCode' | 'signal'>): string {
  const nodes = (ran.nodes?.failed ?? []).map(
    (node) => `node ${node.id} ${node.status} ${node.message ?? ''}`,
  );
  const tests = (ran.failedTests ?? []).map((test) => `test ${test}`);
  const items = [...nodes, ...tests].sort();
  return items.length > 0 ? items.join('\n') : `exit ${String(ran.exitCode)} ${ran.signal ?? ''}`;
}
