import * as core from '@actions/core';
import { formatRetryMode, type Env, type RetryMode, type Schedule } from '../src/core/model.js';
import { planRetry } from '../src/core/retry-planner.js';
import {
  RUN_RECORD_KIND,
  RUN_RECORD_VERSION,
  type RunRecord,
} from '../src/core/run-record-schema.js';
import { loadParentRun, ParentRunError } from '../src/adapters/artifact-run-store.js';
import type { RunKind } from '../src/execution/run-schedule.js';
import type { GitHubActions, WorkflowRunInfo } from '../src/ports-github.js';
import { recordIdOf, type GitHubContext } from './github-context.js';
import type { RetrySource } from './retry-source.js';

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
  readonly github: GitHubActions;
  /** A fresh folder for the parent's state files. */
  readonly parentDir: string;
  readonly env: Env;
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
  const rerun = source.kind === 'rerun';
  const parent = await loadParentRun({
    github: params.github,
    repo: { owner: context.owner, repo: context.repo },
    workflowPath: context.workflowPath,
    runId: source.runId,
    maxAttempt: rerun ? source.maxAttempt : source.attempt,
    key: params.key,
    requireCompleted: !rerun,
    destination: params.parentDir,
  });
  if (parent.kind === 'loaded') {
    core.info(
      `Retrying ${parent.record.id} (${parent.artifactName}) with mode ${formatRetryMode(source.mode)}`,
    );
    const plan = planRetry({
      schedule: params.schedule,
      parent: parent.record,
      mode: source.mode,
      parentState: parent.parentState,
      stateRoot: parent.stateRoot,
      env: params.env,
    });
    return {
      run: { kind: 'retry', plan, parent: { record: parent.record, stateRoot: parent.stateRoot } },
      parentRun: parent.run,
    };
  }
  // Without the parent's record only "run everything" is possible: fine when asked for, and the
  // only useful answer to a native re-run; a from-failure retry asked by name must say why not.
  if (!rerun && source.mode.kind !== 'all') throw new ParentRunError(parent.reason);
  core.warning(`${parent.reason}; running every step`);
  const attempt = rerun ? source.maxAttempt : (source.attempt ?? parent.run.attempt);
  const record = standInParentRecord({ run: parent.run, attempt, name: params.schedule.name });
  const mode: RetryMode = { kind: 'all' };
  const plan = planRetry({
    schedule: params.schedule,
    parent: record,
    mode,
    parentState: new Map(),
    stateRoot: params.parentDir,
    env: params.env,
  });
  return {
    run: { kind: 'retry', plan, parent: { record, stateRoot: params.parentDir } },
    parentRun: parent.run,
  };
}

/** A stand-in for a parent whose record is gone: it keeps the lineage, and holds no steps to reuse. */
function standInParentRecord(params: {
  run: WorkflowRunInfo;
  attempt: number;
  name: string;
}): RunRecord {
  const id = recordIdOf(params.run.id, params.attempt);
  const now = new Date().toISOString();
  return {
    kind: RUN_RECORD_KIND,
    version: RUN_RECORD_VERSION,
    id,
    name: params.name,
    status: 'failed',
    nothingToRetry: false,
    startedAt: now,
    finishedAt: now,
    durationMs: 0,
    git: { sha: params.run.headSha, ref: params.run.headBranch },
    github: null,
    lineage: {
      parent: null,
      root: id,
      retryNumber: 0,
      mode: null,
      trigger: 'dispatch',
      requestedBy: null,
    },
    steps: [],
  };
}
