/**
 * In-run retries (`retries: N` on a schedule step): the wait before each one, and how the plan and
 * the reports put them in words ("attempt 2 of 3: dbt retry (6 nodes) exit 0").
 */
import type { RetryDelay, StepSpec } from '../schedule/step-spec.js';
import type { AttemptRecord, NodeSummary, ToolName } from '../run-record/schema.js';
import { describeConditions } from './conditions.js';
import { formatSeconds } from './duration.js';
import { counted } from '../words.js';

/** Seconds to wait before in-run retry `retry` (1 before the second attempt): bounded by the cap. */
export function inRunDelaySeconds(delay: RetryDelay | undefined, retry: number): number {
  if (delay === undefined) return 0;
  const grown = delay.initialSeconds * delay.factor ** Math.max(0, retry - 1);
  return Math.min(delay.maxSeconds, Math.round(grown));
}

/** The name of a tool's retry form, as reports show it. */
export function toolRetryFormName(tool: ToolName | null): string {
  switch (tool) {
    case 'dbt':
      return 'dbt retry';
    case 'pytest':
      return 'pytest --last-failed';
    case 'playwright':
      return 'playwright test --last-failed';
    case 'custom':
      return 'its retry-with command';
    case null:
      return 'retry form';
  }
}

/** A step's in-run retries for the plan, or undefined when it has none. */
export function describeInRunRetries(step: StepSpec, tool: ToolName | null): string | undefined {
  if (step.retries === 0 && step.attemptTimeoutSeconds === undefined) return undefined;
  const parts: string[] = [];
  if (step.retries > 0) {
    const more = `up to ${counted(step.retries, 'more attempt')}`;
    const form =
      tool === null ? 'as written' : `in ${toolRetryFormName(tool)} form when it applies`;
    parts.push(`${more} ${form}`);
  }
  const { retryDelay, attemptTimeoutSeconds, retryOn } = step;
  if (retryDelay !== undefined) parts.push(describeDelay(retryDelay));
  if (attemptTimeoutSeconds !== undefined) {
    parts.push(`each attempt stopped after ${formatSeconds(attemptTimeoutSeconds)}`);
  }
  if (retryOn !== undefined) parts.push(`only on ${describeConditions(retryOn)}`);
  return parts.join('; ');
}

function describeDelay(delay: RetryDelay): string {
  if (delay.factor === 1 || delay.initialSeconds === delay.maxSeconds) {
    return `${formatSeconds(delay.initialSeconds)} between attempts`;
  }
  return `waits ${formatSeconds(delay.initialSeconds)}, ×${delay.factor} each time up to ${formatSeconds(delay.maxSeconds)}`;
}

/** One attempt in a line: `attempt 2 of 3: dbt retry (6 nodes) exit 0`. */
export function describeAttempt(
  attempt: AttemptRecord,
  total: number,
  tool: ToolName | null,
): string {
  const form =
    attempt.form === 'as-written'
      ? 'as written'
      : attempt.form === 'retry-with'
        ? 'retry-with'
        : toolRetryFormName(tool);
  const work = describeWork(attempt);
  const end =
    attempt.exitCode !== null
      ? `exit ${attempt.exitCode}`
      : attempt.signal === null
        ? 'did not finish'
        : `stopped by ${attempt.signal}`;
  return `attempt ${attempt.number} of ${total}: ${form}${work === '' ? '' : ` (${work})`} ${end}`;
}

function describeWork(attempt: AttemptRecord): string {
  if (attempt.nodes !== null) {
    const count = nodeCount(attempt.nodes);
    return counted(count, 'node');
  }
  const failed = attempt.failedTests?.length ?? 0;
  return failed > 0 ? counted(failed, 'failed test') : '';
}

function nodeCount(nodes: NodeSummary): number {
  return Object.values(nodes.counts).reduce((sum, count) => sum + count, 0);
}
