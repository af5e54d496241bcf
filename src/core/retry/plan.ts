/** A retry plan and its steps: what a retry does with each step of the current schedule. */
import type { StepAction, ToolName } from '../run-record/schema.js';
import type { RetryMode } from './mode.js';

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
  /** A dbt retry that may rebuild nodes changed since the parent, decided when it runs. */
  readonly fixAware?: FixAwareForm;
  /** The step's in-run retries in words, when it has `retries` ("up to 2 more attempts: …"). */
  readonly inRunRetries?: string;
}

/**
 * A fix-aware dbt retry: `probe` (a `dbt ls`) lists the nodes changed since the parent on the way
 * to a failed one; when it lists any, `exec` runs instead of the planned `dbt retry`.
 */
export interface FixAwareForm {
  readonly probe: string;
  readonly exec: string;
  /** The run whose manifest the project is compared with. */
  readonly parentRun: string;
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
