import type { Env } from '../core/env.js';
import type { Plan } from '../core/retry/plan.js';
import type { RetryMode } from '../core/retry/mode.js';
import type { Schedule } from '../core/schedule/step-spec.js';
import { planRetry } from '../core/retry/planner.js';
import type { StateWorkspace, StoredRun } from '../ports/execution.js';

/** The contents of a parent run's saved state files, keyed by their `stored` path. */
export async function readParentState(params: {
  readonly workspace: StateWorkspace;
  readonly parent: StoredRun;
}): Promise<Map<string, string>> {
  const { workspace, parent } = params;
  const files = parent.record.steps.flatMap((step) => step.state);
  return await workspace.readState({ stateRoot: parent.stateRoot, files });
}

/** Read a parent run's saved state and plan a retry of it against the current schedule. */
export async function planFromParent(params: {
  readonly schedule: Schedule;
  readonly parent: StoredRun;
  readonly mode: RetryMode;
  readonly workspace: StateWorkspace;
  readonly env: Env;
}): Promise<Plan> {
  const { schedule, parent, mode, env } = params;
  const parentState = await readParentState(params);
  return planRetry({
    schedule,
    parent: parent.record,
    mode,
    parentState,
    stateRoot: parent.stateRoot,
    env,
  });
}
