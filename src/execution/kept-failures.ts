import type { StepRecord } from '../core/run-record/schema.js';
import type { StateWorkspace, StoredRun } from '../ports/execution.js';
import { carryFromParent, failedStep } from './carry-forward.js';

/**
 * A failure is never lost: a step the plan skips (a retry `only` that names other steps) whose
 * parent step failed keeps that failure in the new record, with its results and state files, so
 * the run stays failed and the next from-failure retry still retries it. Rewrites `steps` in place.
 */
export async function keepFailures(params: {
  readonly steps: StepRecord[];
  readonly parent: StoredRun;
  readonly params: {
    readonly slot: { readonly stateRoot: string };
    readonly workspace: StateWorkspace;
  };
}): Promise<void> {
  const { steps, parent } = params;
  const parentSteps = new Map(parent.record.steps.map((step) => [step.id, step]));
  for (const [index, step] of steps.entries()) {
    const parentStep = parentSteps.get(step.id);
    if (step.action !== 'skip' || !failedStep(parentStep)) continue;
    const carried = await carryFromParent({
      parent,
      parentStep,
      stateRoot: params.params.slot.stateRoot,
      workspace: params.params.workspace,
    });
    steps[index] = {
      ...step,
      ...carried,
      status: parentStep.status,
      reason: `${step.reason}; still ${parentStep.status} from run ${carried.carriedFrom ?? parent.record.id}`,
      outputTail: parentStep.outputTail,
      outputTruncated: parentStep.outputTruncated,
    };
  }
}

/** Whether a failure kept from the parent fails this run (a continue-on-error step does not). */
export function keptFailure(steps: readonly StepRecord[]): boolean {
  return steps.some(
    (step) => step.carriedFrom != null && step.action === 'skip' && !step.continueOnError,
  );
}
