import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { errorMessage, ScheduleError, UserError } from '../src/core/errors.js';
import type { Env } from '../src/core/env.js';
import type { Schedule } from '../src/core/schedule/step-spec.js';
import { stoppedStep } from '../src/core/run-record/record.js';
import type { RunRecord } from '../src/core/run-record/schema.js';
import { parseCommandList, parseScheduleFile } from '../src/core/schedule/command-list.js';
import { createFsStateWorkspace } from '../src/adapters/local/fs-state-workspace.js';
import { createProcessRunner } from '../src/adapters/local/process-runner.js';
import { runSchedule } from '../src/execution/run-schedule.js';
import { parseGitHubContext, toGitHubRunInfo, type GitHubContext } from './github-context.js';
import { readInputs, readRawInputs, type Inputs } from './inputs.js';
import { createLogReporter } from './log-reporter.js';
import { toOutputs, writeJobSummary, writeOutputs } from './outputs.js';
import type { PreparedRun } from './prepare-run.js';
import {
  openRecordArtifact,
  placeholderRecord,
  uploadRecordArtifact,
  type RecordArtifact,
} from './record/artifact.js';
import { assertSupportedServer } from './server-support.js';
import { loadArtifactClient } from './record/artifact-client.js';
import { createRecordFile } from './record/record-file.js';
import type { WorkerArtifactClient } from './record/artifact-client-worker.js';
import { chooseRetrySource, triggerOf, type RetrySource } from './retry-source.js';
import { setFailedFor } from './set-failed.js';
import * as core from '@actions/core';

/** How long each signal gets before the next is sent to a step's process group (the runner allows 7.5 s in all). */
const STEP_GRACE_MS = 1_500;

/** What the job has produced so far, so the record can be finished and uploaded however it ends. */
interface Job {
  context: GitHubContext | null;
  artifact: RecordArtifact | null;
  latest: RunRecord | null;
  retentionDays: number | null;
  artifactClient: WorkerArtifactClient | null;
}

/** How the Action is started. */
export interface RunParams {
  /** The artifact client in a worker thread, loading while the job runs; null loads it here, at the upload. */
  readonly artifactClient: WorkerArtifactClient | null;
}

/**
 * Runs the Action: inputs → retry source → plan → schedule → record artifact, outputs and summary.
 * Without params (as `@github/local-action` calls it) the artifact client loads at the upload.
 */
export async function run(params: RunParams = { artifactClient: null }): Promise<void> {
  const job: Job = {
    context: null,
    artifact: null,
    latest: null,
    retentionDays: null,
    artifactClient: params.artifactClient,
  };
  const cancellation = listenForCancellation();
  try {
    const record = await runJob(job, cancellation.signal);
    if (record.status !== 'success') core.setFailed(describeFailure(record));
  } catch (error) {
    setFailedFor(
      error,
      'gh-retry failed unexpectedly (see the error above); the run record was kept',
    );
  } finally {
    await finishJob(job);
    await job.artifactClient?.close();
    cancellation.dispose();
  }
}

async function runJob(job: Job, signal: AbortSignal): Promise<RunRecord> {
  const context = parseGitHubContext(process.env);
  job.context = context;
  assertSupportedServer(context.serverUrl);
  // The record artifact opens on the raw inputs, so a record exists even when they are invalid.
  const raw = readRawInputs();
  job.artifact = await openRecordArtifact({
    context,
    name: raw.name === '' ? null : raw.name,
    retention: raw.artifactRetentionDays,
  });
  const inputs = readInputs(raw);
  job.retentionDays = inputs.artifactRetentionDays;
  const cwd = await resolveWorkingDirectory(context, inputs);
  const schedule = await readSchedule(inputs, cwd, context);
  const source = chooseRetrySource({ inputs, context });
  const env = stepEnvironment(process.env);
  const prepared = await preparePlan({
    source,
    schedule,
    context,
    inputs,
    env,
    key: job.artifact.key,
  });
  const folder = job.artifact.folder;
  const recordFile = createRecordFile(folder.recordPath);
  const record = await runSchedule({
    schedule,
    run: prepared.run,
    slot: { id: folder.id, stateRoot: folder.stateRoot },
    cwd,
    env,
    git: { sha: context.sha, ref: context.ref },
    github: toGitHubRunInfo(context),
    trigger: triggerOf(source),
    requestedBy: context.triggeringActor ?? context.actor,
    runner: createProcessRunner({ graceMs: STEP_GRACE_MS }),
    workspace: createFsStateWorkspace({ workDir: cwd }),
    recordWriter: {
      saveRecord: async (r) => {
        job.latest = r;
        await recordFile.saveRecord(r);
      },
    },
    clock: { now: () => new Date() },
    reporter: createLogReporter(),
    signal,
  });
  if (record.nothingToRetry)
    core.info(`Nothing to retry: ${record.lineage.parent ?? 'the parent run'} succeeded`);
  return record;
}

/**
 * What to execute: the schedule as written for a first run; for a retry, the plan made from the
 * parent run's record. Only a retry needs the GitHub client and the record download, so only a
 * retry loads them.
 */
async function preparePlan(params: {
  source: RetrySource;
  schedule: Schedule;
  context: GitHubContext;
  inputs: Inputs;
  env: Env;
  key: string;
}): Promise<PreparedRun> {
  if (params.source.kind === 'fresh') return { run: { kind: 'first-run' }, parentRun: null };
  const { prepareRetry } = await import('./prepare-run.js');
  return await prepareRetry({ ...params, token: params.inputs.githubToken });
}

async function resolveWorkingDirectory(context: GitHubContext, inputs: Inputs): Promise<string> {
  const cwd = path.resolve(context.workspace, inputs.workingDirectory);
  const info = await stat(cwd).catch(() => null);
  if (info?.isDirectory() !== true) {
    throw new UserError(
      `Invalid input "working-directory": ${JSON.stringify(inputs.workingDirectory)} is not a directory of the workspace`,
    );
  }
  return cwd;
}

async function readSchedule(
  inputs: Inputs,
  cwd: string,
  context: GitHubContext,
): Promise<Schedule> {
  if (inputs.commands !== null)
    return parseCommandList(inputs.commands, { name: inputs.name ?? context.job });
  const file = inputs.schedule ?? '';
  const text = await readFile(path.resolve(cwd, file), 'utf8').catch(() => {
    throw new ScheduleError(
      `Invalid input "schedule": cannot read ${JSON.stringify(file)} in the working directory`,
    );
  });
  const schedule = parseScheduleFile({ text, fileName: file });
  return inputs.name === null ? schedule : { ...schedule, name: inputs.name };
}

/**
 * The environment of every step: the job's, without what only this Action may use (its inputs,
 * its token, the artifact service's token), as GitHub gives a `run:` step.
 */
export function stepEnvironment(env: NodeJS.ProcessEnv): Env {
  const hidden = /^(INPUT_|STATE_|ACTIONS_RUNTIME_|ACTIONS_RESULTS_URL$|ACTIONS_ID_TOKEN_REQUEST_)/;
  return Object.fromEntries(Object.entries(env).filter(([name]) => !hidden.test(name)));
}

function describeFailure(record: RunRecord): string {
  const stopped = stoppedStep(record);
  const at = stopped === undefined ? '' : ` at step "${stopped.id}"`;
  if (record.status === 'cancelled') return `The schedule was cancelled${at}; its record was kept`;
  return `The schedule failed${at}; retry from failure with /retry, or run this workflow with retry-of set to this run`;
}

/** Save the final record (a placeholder if the schedule never ran), set outputs and summary, and upload. */
async function finishJob(job: Job): Promise<void> {
  const { context, artifact } = job;
  if (context === null || artifact === null) return;
  try {
    const record =
      job.latest ??
      placeholderRecord({ context, name: artifact.name, status: 'failed', now: new Date() });
    if (job.latest === null) await artifact.folder.saveRecord(record);
    writeOutputs(toOutputs(record, artifact.folder.recordPath));
    await writeJobSummary(record, context);
    await uploadRecordArtifact({
      artifact,
      record,
      retentionDays: job.retentionDays,
      ifExists: 'fail',
      client: job.artifactClient ?? (await loadArtifactClient()),
    });
  } catch (error) {
    if (error instanceof UserError) {
      core.setFailed(error.message);
      return;
    }
    // The post step uploads whatever is in the run folder, so a failure here is not the end of the record.
    core.warning(`The run record could not be uploaded yet (${errorMessage(error)})`);
  }
}

/** Turn the runner's SIGINT / SIGTERM into an abort: the running step is stopped and the record kept. */
function listenForCancellation(): { signal: AbortSignal; dispose: () => void } {
  const controller = new AbortController();
  const onSignal = (name: NodeJS.Signals) => {
    if (!controller.signal.aborted) core.info(`Received ${name}: cancelling the running step`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    dispose: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
