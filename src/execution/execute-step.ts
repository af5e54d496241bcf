import { UserError } from '../core/errors.js';
import type { Env } from '../core/env.js';
import type { PlannedStep } from '../core/retry/plan.js';
import type { StepSpec } from '../core/schedule/step-spec.js';
import { appendOutputTail, type OutputTail } from '../core/run-record/record.js';
import type { RunRecord, StepRecord } from '../core/run-record/schema.js';
import {
  configPathsFor,
  mergeNodeSummaries,
  stateRefusalFor,
  statePathsFor,
  successExitCodesFor,
  summariseStepState,
} from '../core/tools/index.js';
import type {
  CommandResult,
  CommandRunner,
  RunReporter,
  StateWorkspace,
} from '../ports/execution.js';
import { carryFromParent } from './carry-forward.js';
import { chooseFixAware } from './fix-aware.js';

/** Everything one step needs from the run around it. */
export interface StepContext {
  readonly cwd: string;
  readonly env: Env;
  readonly stateRoot: string;
  /** The run being retried, for restores and for merging dbt node pictures. */
  readonly parent: { readonly record: RunRecord; readonly stateRoot: string } | null;
  readonly runner: CommandRunner;
  readonly workspace: StateWorkspace;
  readonly reporter: RunReporter;
  readonly signal: AbortSignal | undefined;
  readonly now: () => Date;
}

/** A planned step that runs: its position, its plan and its schedule entry. */
export interface StepToRun {
  readonly planned: PlannedStep & { readonly exec: string };
  readonly spec: StepSpec;
  readonly index: number;
  readonly total: number;
}

/** A step's bounded output tail, with gh-retry's own notes in it. */
interface StepLog {
  readonly tail: () => OutputTail;
  readonly append: (text: string) => void;
  readonly note: (message: string) => void;
}

function createStepLog(stepId: string, reporter: RunReporter): StepLog {
  let tail: OutputTail = { text: '', truncated: false };
  const append = (text: string) => {
    tail = appendOutputTail(tail, text);
  };
  return {
    tail: () => tail,
    append,
    note: (message) => {
      append(`[gh-retry] ${message}\n`);
      reporter.report({ kind: 'note', stepId, message });
    },
  };
}

/**
 * Run one step: restore its state files, run it (again in place while `retries` allow), save the
 * files its tool leaves behind right away (the next step may overwrite them) and summarise them.
 */
export async function executeStep(planned: StepToRun, context: StepContext): Promise<StepRecord> {
  const startedAt = context.now();
  const log = createStepLog(planned.planned.id, context.reporter);
  const fixAware =
    planned.planned.fixAware === undefined
      ? null
      : await chooseFixAware(planned.planned, planned.planned.fixAware, context, log.note);
  const step =
    fixAware === null
      ? planned
      : { ...planned, planned: { ...planned.planned, exec: fixAware.exec } };
  const restored = await restoreFiles(step, context).catch((error: unknown) => {
    if (!(error instanceof UserError)) throw error;
    log.note(error.message);
    return false;
  });
  if (!restored) {
    return { ...baseRecord(step, startedAt), status: 'failed', outputTail: log.tail().text };
  }
  const successCodes = successExitCodesFor({
    tool: step.planned.tool,
    action: step.planned.action,
  });
  const { result, attempts, durationMs } = await runAttempts({ step, context, log, successCodes });
  const status =
    result === null || result.kind === 'cancelled'
      ? 'cancelled'
      : isSuccess(result, successCodes)
        ? 'success'
        : 'failed';
  const exitCode = result !== null && 'exitCode' in result ? result.exitCode : null;
  const carried = await carryWhenNoResults({ step, context, status, exitCode });
  if (carried !== null) {
    log.note(
      `no new results from this retry; the next retry resumes from run ${carried.carriedFrom}`,
    );
  }
  const rebuilt = fixAware?.record?.added.length ?? 0;
  const results = carried ?? (await saveAndSummarise(step, context, log.note, rebuilt));
  return {
    ...baseRecord(step, startedAt),
    status,
    exitCode,
    signal: result !== null && 'signal' in result ? result.signal : null,
    attempts,
    durationMs,
    state: results.state,
    nodes: results.nodes,
    failedTests: results.failedTests,
    ...(carried === null ? {} : { carriedFrom: carried.carriedFrom }),
    ...(fixAware?.record == null ? {} : { fixAware: fixAware.record }),
    outputTail: log.tail().text,
    outputTruncated: log.tail().truncated,
  };
}

/** Run the command, and again in place after a failure while the step's `retries` allow. */
async function runAttempts(params: {
  step: StepToRun;
  context: StepContext;
  log: StepLog;
  successCodes: readonly number[];
}): Promise<{ result: CommandResult | null; attempts: number; durationMs: number }> {
  const { step, context, log, successCodes } = params;
  const maxAttempts = 1 + step.spec.retries;
  let result: CommandResult | null = null;
  let attempts = 0;
  let durationMs = 0;
  while (attempts < maxAttempts && context.signal?.aborted !== true) {
    attempts += 1;
    if (attempts > 1) {
      log.note(
        `${describeResult(result)}; running it again (attempt ${attempts} of ${maxAttempts})`,
      );
    }
    const { index, total, planned } = step;
    context.reporter.report({
      kind: 'step-started',
      step: planned,
      index,
      total,
      attempt: attempts,
    });
    result = await context.runner.run({
      command: planned.exec,
      cwd: context.cwd,
      env: context.env,
      ...(context.signal === undefined ? {} : { signal: context.signal }),
      onOutput: (chunk) => {
        log.append(chunk.text);
        context.reporter.report({ kind: 'step-output', stepId: planned.id, chunk });
      },
    });
    durationMs += result.durationMs;
    if (result.kind === 'spawn-failed') log.note(`the command could not start: ${result.message}`);
    if (isSuccess(result, successCodes) || result.kind === 'cancelled') break;
  }
  return { result, attempts, durationMs };
}

function isSuccess(result: CommandResult, successCodes: readonly number[]): boolean {
  return result.kind === 'exited' && successCodes.includes(result.exitCode);
}

function describeResult(result: CommandResult | null): string {
  if (result === null) return 'not run';
  switch (result.kind) {
    case 'exited':
      return `exited ${result.exitCode}`;
    case 'killed':
      return `killed by ${result.signal}`;
    case 'cancelled':
      return 'cancelled';
    case 'spawn-failed':
      return 'could not start';
  }
}

async function restoreFiles(step: StepToRun, context: StepContext): Promise<boolean> {
  const files = step.planned.restore;
  if (files.length === 0) return true;
  if (context.parent === null)
    throw new UserError('the plan restores state files but there is no parent run');
  await context.workspace.restoreState({ stateRoot: context.parent.stateRoot, files });
  return true;
}

async function saveAndSummarise(
  step: StepToRun,
  context: StepContext,
  note: (message: string) => void,
  rebuilt: number,
): Promise<Pick<StepRecord, 'state' | 'nodes' | 'failedTests'>> {
  const { planned, spec } = step;
  const { env, workspace } = context;
  const config = await workspace.readWorkingFiles({ paths: configPathsFor({ step: spec, env }) });
  const refusal = stateRefusalFor({ step: spec, env, config });
  if (refusal !== null) note(refusal);
  const paths = statePathsFor({ step: spec, env, config });
  if (paths.length === 0) return { state: [], nodes: null, failedTests: null };
  const saved = await context.workspace.saveState({
    stateRoot: context.stateRoot,
    stepId: planned.id,
    paths,
  });
  for (const skipped of saved.skipped)
    note(`state file ${skipped.path} not saved: ${skipped.reason}`);
  const state = saved.files.map((entry) => entry.file);
  const contents = await context.workspace.readState({
    stateRoot: context.stateRoot,
    files: state,
  });
  const files = new Map<string, string>();
  for (const entry of saved.files) {
    const content = contents.get(entry.file.stored);
    if (content !== undefined) files.set(entry.requested, content);
  }
  const summary = summariseStepState({ step: spec, files });
  const parentNodes = context.parent?.record.steps.find((s) => s.id === planned.id)?.nodes ?? null;
  // A dbt retry's run_results.json holds only the nodes it re-ran: show them over the parent's picture.
  const nodes =
    planned.action === 'retry' &&
    planned.tool === 'dbt' &&
    parentNodes !== null &&
    summary.nodes !== null
      ? mergeNodeSummaries(parentNodes, summary.nodes, rebuilt)
      : summary.nodes;
  return { state, nodes, failedTests: summary.failedTests };
}

/**
 * A tool retry that ended without node results (it did not succeed and did not exit 1: dbt's exit
 * 2 on a connection error, a cancel) keeps its parent's results, so progress is never lost: the
 * next retry resumes from the last node results in the chain, not from the command as written.
 * Its saved files would otherwise be whatever an earlier command left in the working directory.
 */
async function carryWhenNoResults(params: {
  step: StepToRun;
  context: StepContext;
  status: StepRecord['status'];
  exitCode: number | null;
}) {
  const { step, context, status, exitCode } = params;
  if (step.planned.action !== 'retry' || status === 'success' || exitCode === 1) return null;
  const parentStep = context.parent?.record.steps.find((s) => s.id === step.planned.id);
  if (context.parent === null || parentStep === undefined || parentStep.state.length === 0) {
    return null;
  }
  return await carryFromParent({
    parent: context.parent,
    parentStep,
    stateRoot: context.stateRoot,
    workspace: context.workspace,
  });
}

/** The fields of a step record known before it runs; a step that never started keeps them. */
export function baseRecord(
  step: StepToRun | { planned: PlannedStep; spec: StepSpec },
  startedAt: Date | null,
): StepRecord {
  const { planned, spec } = step;
  return {
    id: planned.id,
    name: planned.name,
    command: planned.command,
    executed: planned.exec,
    action: planned.action,
    reason: planned.reason,
    status: 'skipped',
    exitCode: null,
    signal: null,
    setup: spec.setup,
    continueOnError: spec.continueOnError,
    attempts: 0,
    startedAt: startedAt?.toISOString() ?? null,
    durationMs: 0,
    tool: planned.tool,
    reusedFrom: null,
    nodes: null,
    failedTests: null,
    state: [],
    outputTail: '',
    outputTruncated: false,
  };
}
