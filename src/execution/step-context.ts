/**
 * What a step runs with, shared by the step (execute-step.ts) and its attempts
 * (in-run-attempts.ts): its context from the run, its plan, its output log, and the fields of its
 * record known before it runs.
 */
import type { Env } from '../core/env.js';
import type { PlannedStep } from '../core/retry/plan.js';
import { appendOutputTail, type OutputTail } from '../core/run-record/record.js';
import type { RunRecord, StepRecord } from '../core/run-record/schema.js';
import type { StepSpec } from '../core/schedule/step-spec.js';
import type { CommandRunner, RunReporter, StateWorkspace } from '../ports/execution.js';

/** Everything one step needs from the run around it. */
export interface StepContext {
  readonly cwd: string;
  readonly env: Env;
  readonly stateRoot: string;
  /** The run being retried, for restores and for merging dbt node pictures. */
  readonly parent: { readonly record: RunRecord; readonly stateRoot: string } | null;
  readonly runner: CommandRunner;
  readonly workspace: StateWorkspace;
  readonly reporter: RunReporter;
  readonly signal: AbortSignal | undefined;
  readonly now: () => Date;
  /** Waits before an in-run retry; returns early when the signal aborts. */
  readonly sleep: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
}

/** A planned step that runs: its position, its plan and its schedule entry. */
export interface StepToRun {
  readonly planned: PlannedStep & { readonly exec: string };
  readonly spec: StepSpec;
  readonly index: number;
  readonly total: number;
}

/** A step's bounded output tail, with gh-retry's own notes in it. */
export interface StepLog {
  readonly tail: () => OutputTail;
  readonly append: (text: string) => void;
  readonly note: (message: string) => void;
}

export function createStepLog(stepId: string, reporter: RunReporter): StepLog {
  let tail: OutputTail = { text: '', truncated: false };
  const append = (text: string) => {
    tail = appendOutputTail(tail, text);
  };
  return {
    tail: () => tail,
    append,
    note: (message) => {
      append(`[gh-retry] ${message}\n`);
      reporter.report({ kind: 'note', stepId, message });
    },
  };
}

/** The fields of a step record known before it runs; a step that never started keeps them. */
export function baseRecord(
  step: StepToRun | { planned: PlannedStep; spec: StepSpec },
  startedAt: Date | null,
): StepRecord {
  const { planned, spec } = step;
  return {
    id: planned.id,
    name: planned.name,
    command: planned.command,
    executed: planned.exec,
    action: planned.action,
    reason: planned.reason,
    status: 'skipped',
    exitCode: null,
    signal: null,
    setup: spec.setup,
    continueOnError: spec.continueOnError,
    attempts: 0,
    startedAt: startedAt?.toISOString() ?? null,
    durationMs: 0,
    tool: planned.tool,
    reusedFrom: null,
    nodes: null,
    failedTests: null,
    state: [],
    outputTail: '',
    outputTruncated: false,
  };
}
