import { UserError } from '../core/errors.js';
import type { AttemptRecord, NodeSummary, StepRecord } from '../core/run-record/schema.js';
import {
  configPathsFor,
  mergeNodeSummaries,
  rewritesStateFor,
  stateRefusalFor,
  statePathsFor,
  successExitCodesFor,
  summariseStepState,
} from '../core/tools/index.js';
import type { CommandResult, StateFingerprints } from '../ports/execution.js';
import { carryFromParent } from './carry-forward.js';
import { chooseFixAware } from './fix-aware.js';
import { runAttempts, type AttemptResults } from './in-run-attempts.js';
import { baseRecord, createStepLog, type StepContext, type StepToRun } from './step-context.js';

/**
 * Run one step: restore its state files, run it (again in its retry form while `retries` allow),
 * save the files its tool leaves behind right away (the next step may overwrite them) and
 * summarise them.
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
  // What is on disk before the first attempt, to tell the files the step writes from leftovers.
  const before = rewritesStateFor(step.spec) ? await fingerprintState(step, context) : undefined;
  const save = () => saveAndSummarise(step, context, log.note, before);
  const outcome = await runAttempts({ step, context, log, successCodes, save });
  const { result, durationMs, attemptLog } = outcome;
  const status =
    result === null || result.kind === 'cancelled'
      ? 'cancelled'
      : isSuccess(result, outcome.successCodes)
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
  const results = carried ?? (await save());
  const last = attemptLog.at(-1);
  if (carried === null && last !== undefined) {
    attemptLog[attemptLog.length - 1] = {
      ...last,
      nodes: results.nodes,
      failedTests: results.failedTests,
    };
  }
  return {
    ...baseRecord(step, startedAt),
    status,
    exitCode,
    signal: result !== null && 'signal' in result ? result.signal : null,
    attempts: attemptLog.length,
    durationMs,
    state: results.state,
    nodes: carried === null ? mergedNodes(step, context, attemptLog, rebuilt) : results.nodes,
    failedTests: results.failedTests,
    ...(carried === null ? {} : { carriedFrom: carried.carriedFrom }),
    ...(fixAware?.record == null ? {} : { fixAware: fixAware.record }),
    outputTail: log.tail().text,
    outputTruncated: log.tail().truncated,
    ...(attemptLog.length > 1 ? { attemptLog } : {}),
  };
}

function isSuccess(result: CommandResult, successCodes: readonly number[]): boolean {
  return result.kind === 'exited' && successCodes.includes(result.exitCode);
}

async function restoreFiles(step: StepToRun, context: StepContext): Promise<boolean> {
  const files = step.planned.restore;
  if (files.length === 0) return true;
  if (context.parent === null)
    throw new UserError('the plan restores state files but there is no parent run');
  await context.workspace.restoreState({ stateRoot: context.parent.stateRoot, files });
  return true;
}

/** The step's state paths as its tool finds them in the working directory now. */
async function stepStatePaths(step: StepToRun, context: StepContext) {
  const { env, workspace } = context;
  const config = await workspace.readWorkingFiles({
    paths: configPathsFor({ step: step.spec, env }),
  });
  return { config, paths: statePathsFor({ step: step.spec, env, config }) };
}

async function fingerprintState(step: StepToRun, context: StepContext) {
  const { paths } = await stepStatePaths(step, context);
  return await context.workspace.fingerprintState({ paths });
}

async function saveAndSummarise(
  step: StepToRun,
  context: StepContext,
  note: (message: string) => void,
  unchangedSince: StateFingerprints | undefined,
): Promise<AttemptResults> {
  const { planned, spec } = step;
  const { env } = context;
  const { config, paths } = await stepStatePaths(step, context);
  const refusal = stateRefusalFor({ step: spec, env, config });
  if (refusal !== null) note(refusal);
  if (paths.length === 0) return { state: [], nodes: null, failedTests: null, contents: new Map() };
  const saved = await context.workspace.saveState({
    stateRoot: context.stateRoot,
    stepId: planned.id,
    paths,
    ...(unchangedSince === undefined ? {} : { unchangedSince }),
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
  return { state, nodes: summary.nodes, failedTests: summary.failedTests, contents };
}

/**
 * The step's dbt node picture over all its attempts, as a new-run retry merges: a `dbt retry`
 * (the plan's, or an in-run attempt's) holds only the nodes it re-ran, so it is shown over the
 * picture before it; an attempt as written replaces it.
 */
function mergedNodes(
  step: StepToRun,
  context: StepContext,
  attemptLog: readonly AttemptRecord[],
  rebuilt: number,
): NodeSummary | null {
  const { planned } = step;
  const parentNodes = context.parent?.record.steps.find((s) => s.id === planned.id)?.nodes ?? null;
  let merged = planned.action === 'retry' && planned.tool === 'dbt' ? parentNodes : null;
  for (const attempt of attemptLog) {
    const resumes = attempt.form === 'tool-retry' && planned.tool === 'dbt';
    // A fix-aware first attempt also rebuilt nodes that had succeeded in the parent.
    const rebuiltHere = attempt.number === 1 ? rebuilt : 0;
    merged =
      resumes && merged !== null && attempt.nodes !== null
        ? mergeNodeSummaries(merged, attempt.nodes, rebuiltHere)
        : (attempt.nodes ?? (resumes ? merged : null));
  }
  return merged;
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
