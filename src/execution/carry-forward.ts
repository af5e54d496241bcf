import type { StepRecord } from '../core/run-record/schema.js';
import type { StateWorkspace, StoredRun } from '../ports/execution.js';

/** The parts of a step record that carry a tool's results from one run to the next. */
export type CarriedResults = Pick<
  StepRecord,
  'state' | 'nodes' | 'failedTests' | 'exitCode' | 'signal' | 'carriedFrom'
>;

/**
 * The results a step keeps from its parent run when it produces none of its own: the parent
 * step's state files copied into this run's state root (so a later retry finds them here), its
 * node picture and failed tests, and the run they came from.
 */
export async function carryFromParent(params: {
  readonly parent: StoredRun;
  readonly parentStep: StepRecord;
  readonly stateRoot: string;
  readonly workspace: StateWorkspace;
}): Promise<CarriedResults> {
  const { parent, parentStep, stateRoot, workspace } = params;
  const state = await workspace.carryState({
    from: parent.stateRoot,
    to: stateRoot,
    files: parentStep.state,
  });
  return {
    state,
    nodes: parentStep.nodes,
    failedTests: parentStep.failedTests,
    exitCode: parentStep.exitCode,
    signal: parentStep.signal,
    carriedFrom: parentStep.carriedFrom ?? parent.record.id,
  };
}

/** Whether a step of a parent run ended failed or cut short. */
export function failedStep(step: StepRecord | undefined): step is StepRecord {
  return step?.status === 'failed' || step?.status === 'cancelled';
}
