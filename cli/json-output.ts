import { formatRetryMode } from '../src/core/retry/mode.js';
import type { Plan } from '../src/core/retry/plan.js';
import type {
  FlakyEntry,
  RunRecord,
  StepAction,
  StepStatus,
} from '../src/core/run-record/schema.js';

/** The text of every `--json` output: the value, indented by two, and a newline. */
export function jsonText(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

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
    /** A fix-aware dbt retry: the nodes it rebuilds besides dbt retry's, and the command then. */
    readonly fixAware?: FixAwareJson;
    /** The step's in-run retries in words, when it has `retries`. */
    readonly inRunRetries?: string;
  }[];
}

/** What a fix-aware dbt retry adds (`added` null when `dbt ls` could not tell). */
export interface FixAwareJson {
  readonly added: readonly string[] | null;
  readonly reason: string;
  readonly exec: string;
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
    readonly fixAware?: { readonly added: readonly string[]; readonly reason: string };
    readonly nodes?: {
      readonly counts: Readonly<Record<string, number>>;
      readonly failed: readonly string[];
      readonly skipped: readonly string[];
    };
    /** What the step showed to be flaky; absent when nothing was. */
    readonly flaky?: readonly FlakyEntry[];
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

/** The plan as `plan --json` prints it, with what each fix-aware step's probe found. */
export function toPlanJson(
  plan: Plan,
  fixAware: ReadonlyMap<string, FixAwareJson> = new Map(),
): PlanJson {
  return {
    parent: plan.parent,
    mode: formatRetryMode(plan.mode),
    nothingToRetry: plan.nothingToRetry,
    steps: plan.steps.map((step) => {
      const found = fixAware.get(step.id);
      return {
        id: step.id,
        command: step.command,
        action: step.action,
        exec: step.exec,
        reason: step.reason,
        ...(step.inRunRetries === undefined ? {} : { inRunRetries: step.inRunRetries }),
        ...(found === undefined ? {} : { fixAware: found }),
      };
    }),
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
      ...(step.fixAware == null
        ? {}
        : { fixAware: { added: step.fixAware.added, reason: step.fixAware.reason } }),
      ...(step.nodes === null
        ? {}
        : {
            nodes: {
              counts: step.nodes.counts,
              failed: step.nodes.failed.map((node) => node.id),
              skipped: step.nodes.skipped,
            },
          }),
      ...(step.flaky === undefined || step.flaky.length === 0 ? {} : { flaky: step.flaky }),
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
