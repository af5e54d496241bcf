import { formatRetryMode } from '../src/core/retry/mode.js';
import type { Plan, StepAction, StepStatus } from '../src/core/model.js';
import type { RunRecord } from '../src/core/run-record/schema.js';

/** `gh-retry plan --json`: the contract documented in the README. */
export interface PlanJson {
  readonly parent: string;
  readonly mode: string;
  readonly nothingToRetry: boolean;
  readonly steps: readonly {
    readonly id: string;
    readonly command: string;
    readonly action: StepAction;
    readonly exec: string | null;
    readonly reason: string;
    /** The step's in-run retries in words, when it has `retries`. */
    readonly inRunRetries?: string;
  }[];
}

/** `gh-retry show --json`: the contract documented in the README. */
export interface ShowJson {
  readonly id: string;
  readonly status: RunRecord['status'];
  readonly lineage: {
    readonly parent: string | null;
    readonly root: string;
    readonly retryNumber: number;
    readonly mode: string | null;
  };
  readonly steps: readonly {
    readonly id: string;
    readonly command: string;
    readonly executed: string | null;
    readonly status: StepStatus;
    readonly exitCode: number | null;
    readonly nodes?: {
      readonly counts: Readonly<Record<string, number>>;
      readonly failed: readonly string[];
      readonly skipped: readonly string[];
    };
    /** Each in-run attempt, when the step ran more than once. */
    readonly attempts?: readonly {
      readonly number: number;
      readonly executed: string;
      readonly form: 'as-written' | 'tool-retry' | 'retry-with';
      readonly exitCode: number | null;
      readonly durationMs: number;
      readonly failedTests: readonly string[] | null;
      readonly nodes: Readonly<Record<string, number>> | null;
    }[];
  }[];
}

/** The plan as `plan --json` prints it. */
export function toPlanJson(plan: Plan): PlanJson {
  return {
    parent: plan.parent,
    mode: formatRetryMode(plan.mode),
    nothingToRetry: plan.nothingToRetry,
    steps: plan.steps.map((step) => ({
      id: step.id,
      command: step.command,
      action: step.action,
      exec: step.exec,
      reason: step.reason,
      ...(step.inRunRetries === undefined ? {} : { inRunRetries: step.inRunRetries }),
    })),
  };
}

/** A run record as `show --json` prints it. */
export function toShowJson(record: RunRecord): ShowJson {
  const { lineage } = record;
  return {
    id: record.id,
    status: record.status,
    lineage: {
      parent: lineage.parent,
      root: lineage.root,
      retryNumber: lineage.retryNumber,
      mode: lineage.mode === null ? null : formatRetryMode(lineage.mode),
    },
    steps: record.steps.map((step) => ({
      id: step.id,
      command: step.command,
      executed: step.executed,
      status: step.status,
      exitCode: step.exitCode,
      ...(step.nodes === null
        ? {}
        : {
            nodes: {
              counts: step.nodes.counts,
              failed: step.nodes.failed.map((node) => node.id),
              skipped: step.nodes.skipped,
            },
          }),
      ...(step.attemptLog === undefined
        ? {}
        : {
            attempts: step.attemptLog.map((attempt) => ({
              number: attempt.number,
              executed: attempt.executed,
              form: attempt.form,
              exitCode: attempt.exitCode,
              durationMs: attempt.durationMs,
              failedTests: attempt.failedTests,
              nodes: attempt.nodes?.counts ?? null,
            })),
          }),
    })),
  };
}
