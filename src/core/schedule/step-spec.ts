/** A schedule and its steps, as the user wrote them (after defaults and id derivation). */
import type { RetryConditions } from '../retry/conditions.js';

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
  /** `fix-aware: false`: a dbt retry is exactly `dbt retry`, never rebuilding changed nodes. */
  readonly fixAware?: boolean;
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
