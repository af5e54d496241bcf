/**
 * A step's attempts within one run (`retries: N`): the first as planned, each later one in the
 * tool's retry form from the state the failed attempt just left (dbt retry, --last-failed, the
 * step's retry-with), else as written; with `retry-delay`, `attempt-timeout` and `retry-on`.
 */
import type { AttemptRecord, StepRecord } from '../core/run-record/schema.js';
import { appendOutputTail, type OutputTail } from '../core/run-record/record.js';
import { findConditionMatch, describeConditions } from '../core/retry/conditions.js';
import { formatSeconds } from '../core/retry/duration.js';
import { inRunDelaySeconds } from '../core/retry/in-run.js';
import { retryFormFor, successExitCodesFor } from '../core/tools/index.js';
import type { CommandResult } from '../ports/execution.js';
import { baseRecord, type StepContext, type StepLog, type StepToRun } from './step-context.js';

/** What the attempts came to: the last result, and each attempt for the record. */
export interface AttemptsOutcome {
  readonly result: CommandResult | null;
  readonly durationMs: number;
  readonly attemptLog: AttemptRecord[];
  /** Exit codes that meant success for the last attempt's form. */
  readonly successCodes: readonly number[];
}

/** The state an attempt left, saved and read back: the files, their contents and what they say. */
export type AttemptResults = Pick<StepRecord, 'state' | 'nodes' | 'failedTests'> & {
  /** The saved files' contents keyed by their `stored` path. */
  readonly contents: ReadonlyMap<string, string>;
};

/** One attempt to make: the command line and how it came about. */
interface NextAttempt {
  readonly exec: string;
  readonly form: AttemptRecord['form'];
  readonly successCodes: readonly number[];
}

/** Waits `ms`, or less when the signal aborts; the default of `StepContext.sleep`. */
export function abortableSleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted === true) {
      resolve();
      return;
    }
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * Run the step, and again after a failure while `retries` allow and `retry-on` matches. `save`
 * saves and reads the state the working directory holds now (called between attempts).
 */
export async function runAttempts(params: {
  step: StepToRun;
  context: StepContext;
  log: StepLog;
  successCodes: readonly number[];
  save: () => Promise<AttemptResults>;
}): Promise<AttemptsOutcome> {
  const { step, context, log } = params;
  const { spec, planned } = step;
  const maxAttempts = 1 + spec.retries;
  const attemptLog: AttemptRecord[] = [];
  let next: NextAttempt = {
    exec: planned.exec,
    form: planned.action === 'retry' ? firstForm(step) : 'as-written',
    successCodes: params.successCodes,
  };
  let result: CommandResult | null = null;
  let successCodes = params.successCodes;
  let durationMs = 0;
  while (attemptLog.length < maxAttempts && !aborted(context)) {
    const number = attemptLog.length + 1;
    const ran = await runOne({ step, context, log, attempt: next, number });
    result = ran.result;
    successCodes = next.successCodes;
    durationMs += result.durationMs;
    attemptLog.push(ran.record);
    const succeeded = result.kind === 'exited' && successCodes.includes(result.exitCode);
    if (succeeded || result.kind === 'cancelled' || number === maxAttempts) break;
    const results = await params.save();
    attemptLog[number - 1] = {
      ...ran.record,
      nodes: results.nodes,
      failedTests: results.failedTests,
    };
    if (!shouldRetry({ step, log, record: ran.record, results, tail: ran.tail })) break;
    next = nextAttempt({ step, context, log, record: ran.record, results });
    const delay = inRunDelaySeconds(spec.retryDelay, number);
    const how = next.form === 'as-written' ? ' as written' : `: ${next.exec}`;
    const wait = delay > 0 ? `waiting ${formatSeconds(delay)}, then ` : '';
    log.note(
      `attempt ${number} ${describeEnd(ran.record)}; ${wait}attempt ${number + 1} of ${maxAttempts}${how}`,
    );
    if (delay > 0) await context.sleep(delay * 1000, context.signal);
    if (aborted(context)) {
      result = { kind: 'cancelled', exitCode: null, signal: null, durationMs: 0 };
      break;
    }
  }
  return { result, durationMs, attemptLog, successCodes };
}

/** The form of a step's first attempt when the plan retries it (a new-run retry). */
function firstForm(step: StepToRun): AttemptRecord['form'] {
  return step.planned.tool === 'custom' ? 'retry-with' : 'tool-retry';
}

async function runOne(params: {
  step: StepToRun;
  context: StepContext;
  log: StepLog;
  attempt: NextAttempt;
  number: number;
}): Promise<{ result: CommandResult; record: AttemptRecord; tail: string }> {
  const { step, context, log, attempt, number } = params;
  const { planned, spec, index, total } = step;
  const startedAt = context.now();
  const shown = {
    ...planned,
    exec: attempt.exec,
    action: number > 1 && attempt.form !== 'as-written' ? ('retry' as const) : planned.action,
  };
  context.reporter.report({ kind: 'step-started', step: shown, index, total, attempt: number });
  let tail: OutputTail = { text: '', truncated: false };
  const timeoutMs =
    spec.attemptTimeoutSeconds === undefined ? null : spec.attemptTimeoutSeconds * 1000;
  const controller = new AbortController();
  const forward = () => {
    controller.abort();
  };
  context.signal?.addEventListener('abort', forward, { once: true });
  const timing = { timedOut: false };
  const timer =
    timeoutMs === null
      ? null
      : setTimeout(() => {
          timing.timedOut = true;
          controller.abort();
        }, timeoutMs);
  let result = await context.runner.run({
    command: attempt.exec,
    cwd: context.cwd,
    env: context.env,
    signal: controller.signal,
    onOutput: (chunk) => {
      log.append(chunk.text);
      tail = appendOutputTail(tail, chunk.text);
      context.reporter.report({ kind: 'step-output', stepId: planned.id, chunk });
    },
  });
  if (timer !== null) clearTimeout(timer);
  context.signal?.removeEventListener('abort', forward);
  if (result.kind === 'cancelled' && timing.timedOut && context.signal?.aborted !== true) {
    log.note(
      `attempt ${number} ran longer than attempt-timeout ${formatSeconds(spec.attemptTimeoutSeconds ?? 0)} and was stopped`,
    );
    result = { kind: 'killed', signal: 'timeout', durationMs: result.durationMs };
  }
  if (result.kind === 'spawn-failed') log.note(`the command could not start: ${result.message}`);
  const record: AttemptRecord = {
    number,
    executed: attempt.exec,
    form: attempt.form,
    exitCode: 'exitCode' in result ? result.exitCode : null,
    signal: 'signal' in result ? result.signal : null,
    startedAt: startedAt.toISOString(),
    durationMs: result.durationMs,
    nodes: null,
    failedTests: null,
  };
  return { result, record, tail: tail.text };
}

/** Whether `retry-on` (when set) matches the failed attempt; says so when it does not. */
function shouldRetry(params: {
  step: StepToRun;
  log: StepLog;
  record: AttemptRecord;
  results: AttemptResults;
  tail: string;
}): boolean {
  const { step, log, record, results, tail } = params;
  const conditions = step.spec.retryOn;
  if (conditions === undefined) return true;
  const facts = {
    id: step.planned.id,
    exitCode: record.exitCode,
    outputTail: tail,
    nodes: results.nodes,
  };
  if (findConditionMatch(conditions, [facts]) !== null) return true;
  log.note(
    `attempt ${record.number} ${describeEnd(record)}, which matches none of retry-on (${describeConditions(conditions)}); not retried in this run`,
  );
  return false;
}

/** The next attempt: the tool's retry form from the state the failed attempt left, else as written. */
function nextAttempt(params: {
  step: StepToRun;
  context: StepContext;
  log: StepLog;
  record: AttemptRecord;
  results: AttemptResults;
}): NextAttempt {
  const { step, context, record, results } = params;
  const asWritten: NextAttempt = { exec: step.spec.run, form: 'as-written', successCodes: [0] };
  if (step.planned.tool === null) return asWritten;
  const failed: StepRecord = {
    ...baseRecord(step, null),
    status: 'failed',
    exitCode: record.exitCode,
    signal: record.signal,
    state: results.state,
    nodes: results.nodes,
    failedTests: results.failedTests,
  };
  const form = retryFormFor({
    step: step.spec,
    parent: failed,
    parentState: results.contents,
    stateRoot: context.stateRoot,
    env: context.env,
  });
  if (form.kind === 'as-written') {
    params.log.note(`the next attempt runs as written: ${form.reason}`);
    return asWritten;
  }
  return {
    exec: form.exec,
    form: step.planned.tool === 'custom' ? 'retry-with' : 'tool-retry',
    successCodes: successExitCodesFor({ tool: step.planned.tool, action: 'retry' }),
  };
}

/** Read through a call: the signal may abort during an await, which narrowing cannot know. */
function aborted(context: StepContext): boolean {
  return context.signal?.aborted === true;
}

function describeEnd(record: AttemptRecord): string {
  if (record.exitCode !== null) return `exited ${record.exitCode}`;
  if (record.signal === 'timeout') return 'timed out';
  return record.signal === null ? 'did not finish' : `was stopped by ${record.signal}`;
}
