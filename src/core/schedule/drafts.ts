import type { Schedule, StepSpec } from './step-spec.js';
import type { InRunSettings } from './in-run-keys.js';
import { assignStepIds, isSetupCommand } from './step-ids.js';

/** A step as read from a schedule, before ids are assigned and defaults applied. */
export interface StepDraft {
  readonly command: string;
  readonly id: string | null;
  readonly name: string | null;
  /** null: detect from the command (PRODUCT.md §2). */
  readonly setup: boolean | null;
  readonly continueOnError: boolean;
  readonly retries: number;
  readonly retryWith: string | null;
  readonly state: readonly string[];
  /** `fix-aware: false` asks for exactly `dbt retry` (default true). */
  readonly fixAware?: boolean;
  /** `retry-delay`, `attempt-timeout`, `retry-on`: each absent when not written. */
  readonly inRun: InRunSettings;
}

/** A draft with every option at its default. */
export function defaultDraft(command: string): StepDraft {
  return {
    command,
    id: null,
    name: null,
    setup: null,
    continueOnError: false,
    retries: 0,
    retryWith: null,
    state: [],
    inRun: {},
  };
}

/** Turn drafts into a schedule: assign ids, detect setup steps, fill names. */
export function buildSchedule(name: string, drafts: readonly StepDraft[]): Schedule {
  const ids = assignStepIds(drafts);
  const steps = drafts.map((draft, index): StepSpec => {
    const step: StepSpec = {
      id: ids[index] ?? draft.command,
      name: draft.name ?? draft.command,
      run: draft.command,
      setup: draft.setup ?? isSetupCommand(draft.command),
      continueOnError: draft.continueOnError,
      retries: draft.retries,
      state: draft.state,
      ...draft.inRun,
    };
    const withFix = draft.fixAware === false ? { ...step, fixAware: false } : step;
    return draft.retryWith === null ? withFix : { ...withFix, retryWith: draft.retryWith };
  });
  return { name, steps };
}
