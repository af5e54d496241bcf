import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createGitHubClient } from '../src/adapters/github/client.js';
import { createRestRunReader } from '../src/adapters/github/runs.js';
import { reusedFilesNote } from '../src/core/report/text.js';
import { formatRetryMode, type RetryMode } from '../src/core/retry/mode.js';
import type { Env } from '../src/core/env.js';
import type { Schedule } from '../src/core/schedule/step-spec.js';
import { planRetry } from '../src/core/retry/planner.js';
import type { RunRecord } from '../src/core/run-record/schema.js';
import { newRunRecord } from '../src/core/run-record/record.js';
import {
  loadParentRun,
  ParentRunError,
  type LoadedParent,
  type ParentRun,
} from '../src/adapters/github/record-artifacts.js';
import type { RunKind } from '../src/execution/run-schedule.js';
import type { RunArtifactReader, WorkflowRunInfo } from '../src/ports/github-runs.js';
import { parseRecordArtifactName, recordIdOf } from '../src/core/run-record/artifact.js';
import { withActionsPermissionHint } from './actions-permission.js';
import type { GitHubContext } from './github-context.js';
import type { RerunSource, RetryOfSource, RetrySource } from './retry-source.js';
import * as core from '@actions/core';

/** What `runSchedule` executes, and the parent run it came from (for outputs and the summary). */
export interface PreparedRun {
  readonly run: RunKind;
  readonly parentRun: WorkflowRunInfo | null;
}

/** Everything {@link prepareRun} needs. */
export interface PrepareRunParams {
  readonly source: RetrySource;
  readonly schedule: Schedule;
  readonly context: GitHubContext;
  /** The artifact key of this schedule. */
  readonly key: string;
  readonly github: RunArtifactReader;
  /** A fresh folder for the parent's state files. */
  readonly parentDir: string;
  readonly env: Env;
}

/**
 * A retry's plan, reading the parent run from GitHub with the job's token into a fresh folder of
 * the runner's temporary directory. This module and the GitHub client load only for a retry.
 */
export async function prepareRetry(
  params: Omit<PrepareRunParams, 'github' | 'parentDir'> & { readonly token: string },
): Promise<PreparedRun> {
  const { context } = params;
  const github = withActionsPermissionHint(
    createRestRunReader(createGitHubClient({ token: params.token, baseUrl: context.apiUrl })),
    context.workflowPath,
  );
  const parentDir = await mkdtemp(path.join(context.runnerTemp ?? tmpdir(), 'gh-retry-parent-'));
  return await prepareRun({ ...params, github, parentDir });
}

/** Load the parent run's record (for a retry) and plan what to execute against the current schedule. */
export async function prepareRun(params: PrepareRunParams): Promise<PreparedRun> {
  const { source, context } = params;
  if (source.kind === 'fresh') return { run: { kind: 'first-run' }, parentRun: null };
  if (context.workflowPath === null) {
    throw new ParentRunError(
      'GITHUB_WORKFLOW_REF is not set, so the parent run cannot be checked against this workflow',
    );
  }
  return source.kind === 'rerun'
    ? await prepareRerun(params, source, context.workflowPath)
    : await prepareRetryOf(params, source, context.workflowPath);
}

/** A dispatched retry: plan from the `retry-of` parent's record. */
async function prepareRetryOf(
  params: PrepareRunParams,
  source: RetryOfSource,
  workflowPath: string,
): Promise<PreparedRun> {
  const parent = await loadParentRun({
    ...loadParams(params, workflowPath),
    runId: source.runId,
    maxAttempt: source.attempt,
    requireCompleted: true,
  });
  if (parent.kind === 'loaded') {
    core.info(
      `Retrying ${parent.record.id} (${parent.artifactName}), the run named by retry-of, with mode ${formatRetryMode(source.mode)}`,
    );
    return planRetryFromRecord(params, parent, source.mode);
  }
  // Without the parent's record only "run everything" is possible: fine when asked for; a
  // from-failure retry asked by name must say why not.
  if (source.mode.kind !== 'all') throw new ParentRunError(parent.reason);
  core.warning(`${parent.reason}; running every step`);
  const id = recordIdOf(parent.run.id, source.attempt ?? parent.run.attempt);
  return planEverything(params, {
    run: parent.run,
    record: standInRecord({
      id,
      root: id,
      retryNumber: 0,
      run: parent.run,
      name: params.schedule.name,
    }),
  });
}

/**
 * Attempt N>1 of this run: plan from the latest earlier attempt that ran the schedule. Its record
 * already merges the whole chain, so `retry-of` (the parent attempt 1 planned from) is read only
 * when no attempt left such a record; failing that, every step runs.
 */
async function prepareRerun(
  params: PrepareRunParams,
  source: RerunSource,
  workflowPath: string,
): Promise<PreparedRun> {
  const previous = await loadLatestAttempt(params, source, workflowPath);
  const rerunOf = `Attempt ${params.context.attempt} of run ${source.runId} is a re-run`;
  if (previous.kind === 'loaded') {
    const { lineage } = previous.record;
    const skipped =
      source.fallback === null
        ? ''
        : `; retry-of ${source.fallback.runId} is not read again, as that record already carries the lineage (root ${lineage.root}, retry ${lineage.retryNumber})`;
    core.info(
      `${rerunOf}: retrying ${previous.record.id} (${previous.artifactName}), its latest attempt with a record, with mode ${formatRetryMode(source.mode)} (on-rerun)${skipped}`,
    );
    return planRetryFromRecord(params, previous, source.mode);
  }
  const reason = withoutAdvice(previous.reason);
  if (source.fallback !== null) {
    core.info(
      `${rerunOf}, but ${reason}: planning from the run named by retry-of (${source.fallback.runId}) instead`,
    );
    return await prepareRetryOf(params, source.fallback, workflowPath);
  }
  core.warning(`${rerunOf}, but ${reason}; running every step`);
  // Without retry-of this run began its own chain at attempt 1.
  const id = recordIdOf(source.runId, source.maxAttempt);
  return planEverything(params, {
    run: previous.run,
    record: standInRecord({
      id,
      root: recordIdOf(source.runId, 1),
      retryNumber: source.maxAttempt - 1,
      run: previous.run,
      name: params.schedule.name,
    }),
  });
}

/**
 * The record of the latest attempt before this one that ran the schedule. A record without steps
 * (the Action stopped before the schedule, e.g. its retry-of parent could not be used) carries no
 * lineage, so the attempt before it is tried; attempts only go down, so this ends.
 */
async function loadLatestAttempt(
  params: PrepareRunParams,
  source: RerunSource,
  workflowPath: string,
): Promise<ParentRun> {
  let maxAttempt = source.maxAttempt;
  for (;;) {
    const previous = await loadParentRun({
      ...loadParams(params, workflowPath),
      runId: source.runId,
      maxAttempt,
      // Its own run is still in progress.
      requireCompleted: false,
    });
    if (previous.kind === 'unavailable' || previous.record.steps.length > 0) return previous;
    const attempt = parseRecordArtifactName(previous.artifactName)?.attempt ?? 1;
    if (attempt <= 1) {
      return {
        kind: 'unavailable',
        run: previous.run,
        reason: `no earlier attempt of run ${source.runId} ran the schedule (${previous.record.id} stopped before its first step)`,
      };
    }
    core.info(`${previous.record.id} stopped before its first step; looking at the attempt before`);
    maxAttempt = attempt - 1;
  }
}

function loadParams(params: PrepareRunParams, workflowPath: string) {
  const { context } = params;
  return {
    github: params.github,
    repo: { owner: context.owner, repo: context.repo },
    workflowPath,
    key: params.key,
    // Records without steps write no state files, so one folder serves every attempt looked at.
    destination: params.parentDir,
  };
}

// The adapter's reasons end with advice for a dispatched retry, which a re-run cannot take.
function withoutAdvice(reason: string): string {
  return reason.replace(/; use retry-mode all$/, '');
}

function planRetryFromRecord(
  params: PrepareRunParams,
  parent: LoadedParent,
  mode: RetryMode,
): PreparedRun {
  const plan = planRetry({
    schedule: params.schedule,
    parent: parent.record,
    mode,
    parentState: parent.parentState,
    stateRoot: parent.stateRoot,
    env: params.env,
  });
  const note = reusedFilesNote(plan);
  if (note !== null) core.info(note);
  return {
    run: { kind: 'retry', plan, parent: { record: parent.record, stateRoot: parent.stateRoot } },
    parentRun: parent.run,
  };
}

/** Plan every step as written from a stand-in parent record (the real one is not available). */
function planEverything(
  params: PrepareRunParams,
  parent: { run: WorkflowRunInfo; record: RunRecord },
): PreparedRun {
  const plan = planRetry({
    schedule: params.schedule,
    parent: parent.record,
    mode: { kind: 'all' },
    parentState: new Map(),
    stateRoot: params.parentDir,
    env: params.env,
  });
  return {
    run: { kind: 'retry', plan, parent: { record: parent.record, stateRoot: params.parentDir } },
    parentRun: parent.run,
  };
}

/** A stand-in for a parent whose record is gone: it keeps the lineage, and holds no steps to reuse. */
function standInRecord(params: {
  id: string;
  root: string;
  retryNumber: number;
  run: WorkflowRunInfo;
  name: string;
}): RunRecord {
  return newRunRecord({
    id: params.id,
    name: params.name,
    status: 'failed',
    startedAt: new Date(),
    git: { sha: params.run.headSha, ref: params.run.headBranch },
    github: null,
    lineage: {
      parent: null,
      root: params.root,
      retryNumber: params.retryNumber,
      mode: null,
      trigger: 'dispatch',
      requestedBy: null,
    },
  });
}
