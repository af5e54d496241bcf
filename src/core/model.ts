/**
 * The shared vocabulary of gh-retry: schedules, steps, retry modes and plans.
 * The run record's own types live in `run-record.ts` (they come from its zod schema).
 */
import type { RetryConditions } from './retry/conditions.js';

/** One command of a schedule, as the user wrote it (after defaults and id derivation). */
export interface StepSpec {
  /** Stable, readable, unique within the schedule (`dbt-run`, `dbt-run-2`, or the user's `id`). */
  readonly id: string;
  /** Display name: the user's `name`, else the command. */
  readonly name: string;
  /** The command as written; run through a shell. */
  readonly run: string;
  /** Infrastructure that always runs and is never skipped, reused or retried. */
  readonly setup: boolean;
  /** A failure of this step does not stop the schedule. */
  readonly continueOnError: boolean;
  /** In-step retries for a flaky command: re-run in place up to this many extra times. */
  readonly retries: number;
  /** A custom retry command, used instead of the command when this step is retried. */
  readonly retryWith?: string;
  /** Paths (relative to the working directory) saved after the step for `retryWith`. */
  readonly state: readonly string[];
  /** Wait before each in-run retry; none when absent. */
  readonly retryDelay?: RetryDelay;
  /** Stop an attempt that runs longer than this many seconds; no limit when absent. */
  readonly attemptTimeoutSeconds?: number;
  /** Retry in the run only a failure that matches; any failure when absent. */
  readonly retryOn?: RetryConditions;
}

/** The wait before in-run retry k (k = 1 for the second attempt): initial × factor^(k-1), at most max. */
export interface RetryDelay {
  readonly initialSeconds: number;
  /** 1 for a fixed delay. */
  readonly factor: number;
  readonly maxSeconds: number;
}

/** An ordered list of commands with a name. */
export interface Schedule {
  readonly name: string;
  readonly steps: readonly StepSpec[];
}

/** What a retry re-executes (PRODUCT.md §3). */
export type RetryMode =
  | { readonly kind: 'from-failure' }
  | { readonly kind: 'all' }
  | { readonly kind: 'from'; readonly step: string }
  | { readonly kind: 'only'; readonly steps: readonly string[] };

/** What started a run. */
export type Trigger = 'comment' | 'check' | 'dispatch' | 'policy' | 'rerun' | 'cli' | 'local';

/** Step statuses in a run record. */
export type StepStatus = 'success' | 'failed' | 'skipped' | 'reused' | 'cancelled';

/** Overall status of a run. */
export type RunStatus = 'success' | 'failed' | 'cancelled';

/** What the plan does with one step (the `action` of `plan --json`). */
export type StepAction = 'setup' | 'run' | 'retry' | 'reuse' | 'skip';

/** A state file to put back in place before a step runs (pytest cache, Playwright last run, custom state). */
export interface RestoreFile {
  /** Path of the saved copy, relative to the parent run's state root. */
  readonly from: string;
  /** Where the tool expects it, relative to the working directory. */
  readonly to: string;
}

/** One step of a retry plan. */
export interface PlannedStep {
  readonly id: string;
  readonly name: string;
  /** The command as written in the current schedule. */
  readonly command: string;
  readonly action: StepAction;
  /** The exact command line that will run, or null when the step does not run. */
  readonly exec: string | null;
  /** Why this action was chosen, in words a user understands. */
  readonly reason: string;
  /** For `reuse`: the run that produced the success being reused. */
  readonly reusedFrom?: string;
  /** For `retry` with a tool retry form: files to restore first. */
  readonly restore: readonly RestoreFile[];
  /** The tool recognised in the command, if any. */
  readonly tool: ToolName | null;
  /** The step's in-run retries in words, when it has `retries` ("up to 2 more attempts: …"). */
  readonly inRunRetries?: string;
}

/** A retry plan: computed from the current schedule and the parent's record, never from parent commands. */
export interface Plan {
  readonly parent: string;
  readonly root: string;
  readonly mode: RetryMode;
  /** The parent succeeded and the mode is from-failure: there is nothing to run. */
  readonly nothingToRetry: boolean;
  readonly steps: readonly PlannedStep[];
}

/** Tools with a retry form. */
export type ToolName = 'dbt' | 'pytest' | 'playwright' | 'custom';

// Kept here for importers not yet moved to retry/mode.ts (action/prepare-run.ts).
export { formatRetryMode } from './retry/mode.js';

/** Environment variables as the core sees them: passed in, never read from the process. */
export type Env = Readonly<Record<string, string | undefined>>;
