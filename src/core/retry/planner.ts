import { describeInRunRetries } from './in-run.js';
import { PlanError } from '../errors.js';
import type { Env } from '../env.js';
import type { Plan, PlannedStep } from './plan.js';
import type { RetryMode } from './mode.js';
import type { Schedule, StepSpec } from '../schedule/step-spec.js';
import type { RunRecord, StepAction, StepRecord } from '../run-record/schema.js';
import { recogniseTool, retryFormFor } from '../tools/index.js';

/** Everything a retry is planned from; the shell reads the parent's record and state files. */
export interface RetryPlanParams {
  readonly schedule: Schedule;
  readonly parent: RunRecord;
  readonly mode: RetryMode;
  /** Contents of the parent's saved state files, keyed by their `stored` path. */
  readonly parentState: ReadonlyMap<string, string>;
  /**
   * The directory holding the parent's stored files, used verbatim in exec lines. Make it
   * absolute: dbt resolves a relative `--state` from its project dir, not the working directory.
   */
  readonly stateRoot: string;
  readonly env: Env;
}

/** A current step and what the parent run did with it (matched by id and command text). */
interface StepInPlan {
  readonly step: StepSpec;
  /** The parent's record of the same step, or null when the step is new or its command changed. */
  readonly parent: StepRecord | null;
  /** Why there is no parent record, for reasons: "new step", "command changed since run X". */
  readonly unmatched: string;
}

/** A plan of every step as written: setup steps as `setup`, the others as `run`. */
export function planFirstRun(schedule: Schedule): PlannedStep[] {
  return schedule.steps.map((step) => planned(step, step.setup ? 'setup' : 'run', 'first run'));
}

/**
 * Plan a retry of `parent` with the current schedule (PRODUCT.md §3). Commands always come from
 * the schedule, never from the parent's record; a step whose id or command text differs from the
 * parent's runs as written.
 */
export function planRetry(params: RetryPlanParams): Plan {
  const steps = matchSteps(params.schedule, params.parent);
  const plan = (nothingToRetry: boolean, planned: PlannedStep[]): Plan => ({
    parent: params.parent.id,
    root: params.parent.lineage.root,
    mode: params.mode,
    nothingToRetry,
    steps: planned,
  });
  const { mode } = params;
  switch (mode.kind) {
    case 'all':
      return plan(
        false,
        steps.map(({ step, parent, unmatched }) =>
          step.setup
            ? setupStep(step)
            : planned(step, 'run', parent === null ? unmatched : 'retry all'),
        ),
      );
    case 'from':
      checkKnownSteps(steps, [mode.step]);
      return plan(false, planFrom(steps, mode.step, params.parent.id));
    case 'only':
      checkKnownSteps(steps, mode.steps);
      return plan(false, planOnly(steps, mode.steps, params.parent.id));
    case 'from-failure': {
      // A successful run can still hold failures: continue-on-error steps that failed.
      const anyFailed = params.parent.steps.some(failed);
      const fromFailure =
        params.parent.status === 'success' && !anyFailed ? null : planFromFailure(steps, params);
      const runsSomething = fromFailure?.some(
        (step) => step.action === 'run' || step.action === 'retry',
      );
      if (fromFailure !== null && runsSomething === true) return plan(false, fromFailure);
      return plan(true, planNothingToRetry(steps, params.parent.id));
    }
  }
}

function matchSteps(schedule: Schedule, parent: RunRecord): StepInPlan[] {
  const parentSteps = new Map(parent.steps.map((step) => [step.id, step]));
  return schedule.steps.map((step) => {
    const previous = parentSteps.get(step.id);
    if (previous === undefined)
      return { step, parent: null, unmatched: newStepReason(step, parent) };
    if (previous.command !== step.run) {
      return { step, parent: null, unmatched: `command changed since run ${parent.id}` };
    }
    return { step, parent: previous, unmatched: '' };
  });
}

/**
 * Why a step has no parent record. Ids derived from commands follow their order (`dbt-run`,
 * `dbt-run-2`), so a step of the same tool inserted before one shifts its id: say so, and how to
 * keep it matched.
 */
function newStepReason(step: StepSpec, parent: RunRecord): string {
  const same = parent.steps.find((p) => p.command === step.run && p.id !== step.id);
  if (same === undefined) return 'new step';
  return `new step: run ${parent.id} ran this command as step "${same.id}"; derived ids follow the order of the commands, so give the step an explicit id to keep it matched`;
}

const succeeded = (parent: StepRecord): boolean =>
  parent.status === 'success' || parent.status === 'reused';
const failed = (parent: StepRecord | null): boolean =>
  parent?.status === 'failed' || parent?.status === 'cancelled';

function planFromFailure(steps: readonly StepInPlan[], params: RetryPlanParams): PlannedStep[] {
  const runId = params.parent.id;
  const firstFailure = steps.findIndex(({ parent }) => failed(parent));
  const failedId = steps[firstFailure]?.step.id;
  return steps.map(({ step, parent, unmatched }, index) => {
    if (step.setup) return setupStep(step);
    if (parent === null) return planned(step, 'run', unmatched);
    if (failed(parent)) {
      const form = retryFormFor({ ...params, step, parent: resultsOf(parent), parentRun: runId });
      const status = `${parent.status} in run ${runId}${resumesFrom(parent)}`;
      return form.kind === 'retry'
        ? {
            ...planned(step, 'retry', `${status}; ${form.reason}`),
            exec: form.exec,
            restore: form.restore,
            ...(form.fixAware === undefined ? {} : { fixAware: form.fixAware }),
          }
        : planned(step, 'run', `${status}; ${form.reason}; runs as written`);
    }
    if (firstFailure !== -1 && index > firstFailure) {
      return planned(
        step,
        'run',
        `${parent.status} in run ${runId}; runs again after the failure of ${failedId ?? ''}`,
      );
    }
    if (succeeded(parent)) return reuseStep(step, parent, runId);
    return planned(step, 'run', `${parent.status} in run ${runId}`);
  });
}

/**
 * The step whose results a retry form reads. A tool retry that ended without results (exit 2, a
 * cancel) carries the results it was retrying from, which ended with exit 1 (node failures).
 */
function resultsOf(parent: StepRecord): StepRecord {
  const carried = parent.carriedFrom != null && parent.action === 'retry' && parent.exitCode !== 1;
  return carried ? { ...parent, exitCode: 1, signal: null } : parent;
}

function resumesFrom(parent: StepRecord): string {
  return parent.carriedFrom == null
    ? ''
    : `, resuming from the results of run ${parent.carriedFrom}`;
}

function planFrom(steps: readonly StepInPlan[], from: string, runId: string): PlannedStep[] {
  const start = steps.findIndex(({ step }) => step.id === from);
  return steps.map(({ step, parent, unmatched }, index) => {
    if (step.setup) return setupStep(step);
    if (index >= start) return planned(step, 'run', `retry from ${from}`);
    if (parent !== null && succeeded(parent)) return reuseStep(step, parent, runId);
    const what = parent === null ? unmatched : `has status ${parent.status} in run ${runId}`;
    throw new PlanError(
      `cannot retry from "${from}": step "${step.id}" before it did not succeed (${what}); retry from "${step.id}" or use from-failure`,
    );
  });
}

function planOnly(
  steps: readonly StepInPlan[],
  only: readonly string[],
  runId: string,
): PlannedStep[] {
  return steps.map(({ step, parent, unmatched }) => {
    if (step.setup) return setupStep(step);
    if (only.includes(step.id)) return planned(step, 'run', 'named in only');
    if (parent !== null && succeeded(parent)) return reuseStep(step, parent, runId);
    const what = parent === null ? unmatched : `${parent.status} in run ${runId}`;
    return planned(step, 'skip', `not named in only (${what})`);
  });
}

function planNothingToRetry(steps: readonly StepInPlan[], runId: string): PlannedStep[] {
  return steps.map(({ step, parent, unmatched }) => {
    if (!step.setup && parent !== null && succeeded(parent)) return reuseStep(step, parent, runId);
    const what = step.setup
      ? 'setup step'
      : parent === null
        ? unmatched
        : `${parent.status} in run ${runId}`;
    return planned(step, 'skip', `nothing to retry (${what})`);
  });
}

function checkKnownSteps(steps: readonly StepInPlan[], ids: readonly string[]): void {
  const known = steps.map(({ step }) => step.id);
  const unknown = ids.filter((id) => !known.includes(id));
  if (unknown.length === 0) return;
  const names = unknown.map((id) => `"${id}"`).join(', ');
  throw new PlanError(`unknown step ${names}; steps in this schedule: ${known.join(', ')}`);
}

function planned(step: StepSpec, action: StepAction, reason: string): PlannedStep {
  const runs = action === 'setup' || action === 'run';
  const tool = recogniseTool(step);
  const inRunRetries = describeInRunRetries(step, tool);
  return {
    id: step.id,
    name: step.name,
    command: step.run,
    action,
    exec: runs ? step.run : null,
    reason,
    restore: [],
    tool,
    ...(inRunRetries === undefined || action === 'reuse' || action === 'skip'
      ? {}
      : { inRunRetries }),
  };
}

function setupStep(step: StepSpec): PlannedStep {
  return planned(step, 'setup', 'setup step: always runs');
}

function reuseStep(step: StepSpec, parent: StepRecord, runId: string): PlannedStep {
  const reusedFrom = parent.reusedFrom ?? runId;
  return { ...planned(step, 'reuse', `succeeded in run ${reusedFrom}`), reusedFrom };
}
