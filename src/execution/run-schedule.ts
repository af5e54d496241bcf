import type { Env } from '../core/env.js';
import type { Plan, PlannedStep } from '../core/retry/plan.js';
import type { Schedule, StepSpec } from '../core/schedule/step-spec.js';
import {
  type GitHubRunInfo,
  type Lineage,
  type RunRecord,
  type StepRecord,
  type Trigger,
} from '../core/run-record/schema.js';
import { markFlaky } from '../core/retry/flaky.js';
import { planFirstRun } from '../core/retry/planner.js';
import { newRunRecord } from '../core/run-record/record.js';
import type {
  Clock,
  CommandRunner,
  RecordWriter,
  RunReporter,
  RunSlot,
  StateWorkspace,
  StoredRun,
} from '../ports/execution.js';
import { keepFailures, keptFailure } from './kept-failures.js';
import { executeStep } from './execute-step.js';
import { baseRecord, type StepContext } from './step-context.js';
import { abortableSleep } from './in-run-attempts.js';

/** A first run of a schedule, or a retry executing a plan made from a parent run. */
export type RunKind =
  | { readonly kind: 'first-run' }
  | { readonly kind: 'retry'; readonly plan: Plan; readonly parent: StoredRun };

/** Everything `runSchedule` needs: the schedule, what to run, where, and the ports to do it with. */
export interface RunScheduleParams {
  readonly schedule: Schedule;
  readonly run: RunKind;
  /** The new run's id and the folder its state files go to. */
  readonly slot: RunSlot;
  readonly cwd: string;
  /** The complete environment of every step. */
  readonly env: Env;
  readonly git: { readonly sha: string | null; readonly ref: string | null };
  readonly github?: GitHubRunInfo | null;
  readonly trigger: Trigger;
  readonly requestedBy?: string | null;
  readonly runner: CommandRunner;
  readonly workspace: StateWorkspace;
  readonly recordWriter: RecordWriter;
  readonly clock: Clock;
  readonly reporter?: RunReporter;
  /** Aborting cancels the running step; later steps are skipped and the record is still saved. */
  readonly signal?: AbortSignal;
  /** dbt nodes modified since the parent run: their pass in a retry is a fix, not a flake. */
  readonly modifiedNodes?: ReadonlySet<string>;
  /** Waits before an in-run retry (`retry-delay`); a timer that stops early on abort by default. */
  readonly sleep?: (ms: number, signal: AbortSignal | undefined) => Promise<void>;
}

const silent: RunReporter = { report: () => undefined };

/**
 * Execute a schedule step by step and record what happened. The first failed step stops the
 * schedule unless it may continue on error; the record is saved before every step (as if the run
 * ended there, so a killed run still leaves a truthful record) and once more at the end.
 */
export async function runSchedule(params: RunScheduleParams): Promise<RunRecord> {
  const { schedule, run, clock } = params;
  const reporter = params.reporter ?? silent;
  const planned = run.kind === 'first-run' ? planFirstRun(schedule) : run.plan.steps;
  const specs = new Map(schedule.steps.map((spec) => [spec.id, spec]));
  const startedAt = clock.now();
  const context: StepContext = {
    cwd: params.cwd,
    env: params.env,
    stateRoot: params.slot.stateRoot,
    parent: run.kind === 'retry' ? run.parent : null,
    runner: params.runner,
    workspace: params.workspace,
    reporter,
    signal: params.signal,
    now: () => clock.now(),
    sleep: params.sleep ?? abortableSleep,
  };
  const steps: StepRecord[] = planned.map((p) => stepNotRun(p, specOf(specs, p), run));
  if (run.kind === 'retry') await keepFailures({ steps, parent: run.parent, params });
  const assemble = (status: RunRecord['status']) =>
    assembleRecord({ params, startedAt, finishedAt: clock.now(), status, steps });
  let stop: 'failed' | 'cancelled' | null = null;
  for (const [index, p] of planned.entries()) {
    const spec = specOf(specs, p);
    const exec = p.action === 'reuse' || p.action === 'skip' ? null : p.exec;
    if (exec !== null && params.signal?.aborted === true) stop = 'cancelled';
    if (exec === null || stop !== null) {
      // Not run: the step keeps the record it was given (not run, reused, or a kept failure).
      const step = steps[index] ?? stepNotRun(p, spec, run);
      reporter.report({ kind: 'step-finished', step, index, total: planned.length });
      continue;
    }
    // Saved as if the run ended now: if this process dies, the record says the step was cut short.
    steps[index] = { ...baseRecord({ planned: p, spec }, clock.now()), status: 'cancelled' };
    const saving = saveOnNextTurn(params.recordWriter, assemble('cancelled'));
    let record: StepRecord;
    try {
      record = await executeStep(
        { planned: { ...p, exec }, spec, index, total: planned.length },
        context,
      );
    } finally {
      await saving;
    }
    steps[index] = record;
    reporter.report({ kind: 'step-finished', step: record, index, total: planned.length });
    if (record.status === 'cancelled') stop = 'cancelled';
    else if (record.status === 'failed' && !spec.continueOnError) stop = 'failed';
  }
  const final = markFlaky({
    record: assemble(
      stop ??
        (params.signal?.aborted === true ? 'cancelled' : keptFailure(steps) ? 'failed' : 'success'),
    ),
    parent: run.kind === 'retry' ? run.parent.record : null,
    ...(params.modifiedNodes === undefined ? {} : { modified: params.modifiedNodes }),
  });
  await params.recordWriter.saveRecord(final);
  return final;
}

/**
 * Save a record on the next turn of the event loop: by then the step's process has been started,
 * so the save (the record is checked and serialised) overlaps the step instead of delaying it. The
 * caller waits for it before the next save, so saves land in order.
 */
async function saveOnNextTurn(recordWriter: RecordWriter, record: RunRecord): Promise<void> {
  await new Promise<void>((resolve) => {
    setImmediate(resolve);
  });
  await recordWriter.saveRecord(record);
}

function specOf(specs: ReadonlyMap<string, StepSpec>, planned: PlannedStep): StepSpec {
  const spec = specs.get(planned.id);
  if (spec === undefined) throw new Error(`planned step ${planned.id} is not in the schedule`);
  return spec;
}

/** A step as recorded when it does not run: reused from the parent lineage, or skipped. */
function stepNotRun(planned: PlannedStep, spec: StepSpec, run: RunKind): StepRecord {
  const base = baseRecord({ planned, spec }, null);
  if (planned.action !== 'reuse' || run.kind !== 'retry') return base;
  const parentStep = run.parent.record.steps.find((s) => s.id === planned.id);
  return {
    ...base,
    status: 'reused',
    reusedFrom: planned.reusedFrom ?? parentStep?.reusedFrom ?? run.parent.record.id,
    // A reused step keeps the picture it had, so the record always shows the whole chain.
    nodes: parentStep?.nodes ?? null,
    failedTests: parentStep?.failedTests ?? null,
  };
}

function assembleRecord(params: {
  params: RunScheduleParams;
  startedAt: Date;
  finishedAt: Date;
  status: RunRecord['status'];
  steps: readonly StepRecord[];
}): RunRecord {
  const { params: run, startedAt, finishedAt, status, steps } = params;
  return newRunRecord({
    id: run.slot.id,
    name: run.schedule.name,
    status,
    nothingToRetry: run.run.kind === 'retry' && run.run.plan.nothingToRetry,
    startedAt,
    finishedAt,
    git: run.git,
    github: run.github ?? null,
    lineage: lineageOf(run),
    steps,
  });
}

function lineageOf(params: RunScheduleParams): Lineage {
  const { run, slot } = params;
  const common = { trigger: params.trigger, requestedBy: params.requestedBy ?? null };
  if (run.kind === 'first-run') {
    return { parent: null, root: slot.id, retryNumber: 0, mode: null, ...common };
  }
  return {
    parent: run.plan.parent,
    root: run.plan.root,
    retryNumber: run.parent.record.lineage.retryNumber + 1,
    mode:
      run.plan.mode.kind === 'only'
        ? { kind: 'only', steps: [...run.plan.mode.steps] }
        : run.plan.mode,
    ...common,
  };
}

/** Record strings are bounded; a very long command is kept whole in the schedule, cut here. */
