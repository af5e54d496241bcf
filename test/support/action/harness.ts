/**
 * Runs the bundled Action (`dist/index.js` and `dist/post/index.js`, as action.yml says) in the
 * local GitHub emulator, with the dbt emulator on PATH and a small dbt project in the workspace.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect } from 'vitest';
import { EMULATOR_BIN_DIR, makeProject } from '../../dbt-emulator/make-project.mjs';
import { startEmulator, type GitHubEmulator, type JobResult } from '../../emulator/index.js';
import { parseRecordArtifactName } from '../../../src/core/run-record/artifact.js';
import { parseRunRecord } from '../../../src/core/run-record/record.js';
import type { Lineage, RunRecord, Trigger } from '../../../src/core/run-record/schema.js';
import { actionWorkflow } from './workflow.js';

export const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
export const REPO = 'acme/warehouse';
export const WORKFLOW = '.github/workflows/nightly.yml';

/** The project's models (8, in layers) and which of them the first run makes fail. */
export const MODELS = {
  failing: ['int_1_orders_4', 'int_1_suppliers_2'],
  /** Downstream of a failing model: skipped when it fails. */
  skippedByFailure: ['fct_customers_1'],
} as const;

/** The dbt nightly workflow, as a user would write it (see examples/dbt-nightly.yml). */
export function nightlyWorkflow(
  params: { commands?: string; with?: Record<string, string> } = {},
): string {
  return actionWorkflow({
    name: 'dbt nightly',
    job: 'dbt',
    stepId: 'gh-retry',
    with: { name: 'nightly', 'working-directory': 'transform', ...params.with },
    commands: (params.commands ?? 'dbt deps\ndbt seed\ndbt run\ndbt test').split('\n'),
  });
}

/** What the next job's workspace looks like: which models fail, and how slow a node is. */
export interface Scenario {
  failing: string[];
  sleepMs: number;
  /** Called with the run id before the job's step starts (e.g. to add artifacts to the run). */
  beforeJob?: ((runId: number) => void) | undefined;
}

/** An emulator with the nightly workflow wired to the bundled Action. */
export interface ActionHarness {
  readonly gh: GitHubEmulator;
  /** Edit before starting a run: the workspace of every later job is built from it. */
  readonly scenario: Scenario;
  /** Dispatch the nightly workflow and wait until it completes. */
  dispatch(inputs?: Record<string, string>): Promise<CompletedRun>;
  /** Dispatch the nightly workflow without waiting; returns the run id. */
  start(inputs?: Record<string, string>): Promise<number>;
  /** Wait until an attempt of a run completes, and read what it did. */
  complete(runId: number, attempt?: number): Promise<CompletedRun>;
  /** "Re-run failed jobs" of a run and wait for that attempt to complete. */
  rerunFailed(runId: number): Promise<CompletedRun>;
}

/** A finished run with what the tests look at. */
export interface CompletedRun {
  readonly runId: number;
  readonly attempt: number;
  readonly conclusion: string | null;
  readonly job: JobResult;
  /** The record artifact of this attempt, read back from the emulator. */
  readonly record: RunRecord | null;
  readonly files: Record<string, Uint8Array>;
}

/** Fail fast with a useful message when the bundle is missing. */
export function requireBundle(): void {
  for (const file of ['dist/index.js', 'dist/post/index.js']) {
    if (!existsSync(path.join(REPO_ROOT, file)))
      throw new Error(`${file} is missing: run \`npm run bundle\` first`);
  }
}

/** Start an emulator with the nightly workflow; stop it with `gh.stop()`. */
export async function startActionHarness(
  params: {
    workflow?: string;
    cancelTimings?: { sigintTimeoutMs: number; sigtermTimeoutMs: number };
  } = {},
): Promise<ActionHarness> {
  requireBundle();
  const gh = await startEmulator(
    params.cancelTimings ? { cancelTimings: params.cancelTimings } : {},
  );
  gh.seedRepo({ repo: REPO, files: { [WORKFLOW]: params.workflow ?? nightlyWorkflow() } });
  const scenario: Scenario = { failing: [...MODELS.failing], sleepMs: 0 };
  gh.onWorkflow(WORKFLOW, {
    action: REPO_ROOT,
    env: { PATH: `${EMULATOR_BIN_DIR}${path.delimiter}${process.env.PATH ?? ''}` },
    prepareWorkspace: (workspace, run) => {
      scenario.beforeJob?.(run.id);
      makeProject({
        dir: path.join(workspace, 'transform'),
        models: 8,
        seeds: 2,
        fail: scenario.failing,
        ...(scenario.sleepMs > 0 ? { sleepMs: scenario.sleepMs } : {}),
      });
    },
  });
  const complete = async (runId: number, attempt = 1): Promise<CompletedRun> => {
    const run = await gh.waitForRun(runId, { status: 'completed', attempt, timeoutMs: 60_000 });
    await gh.idle();
    const job = gh.jobResults(runId).find((result) => result.attempt === attempt);
    if (job === undefined) throw new Error(`run ${runId} attempt ${attempt} has no job result`);
    return {
      runId,
      attempt,
      conclusion: run.conclusion,
      job,
      ...readRecordArtifact(gh, runId, attempt),
    };
  };
  const start = async (inputs: Record<string, string> = {}) =>
    await gh.startRun({ repo: REPO, workflow: WORKFLOW, inputs });
  return {
    gh,
    scenario,
    start,
    complete,
    dispatch: async (inputs = {}) => await complete(await start(inputs), 1),
    rerunFailed: async (runId) => {
      const attempt = (gh.run(runId).run_attempt ?? 1) + 1;
      gh.rerunFailedJobs(runId);
      return await complete(runId, attempt);
    },
  };
}

/** The record artifact an attempt uploaded (`gh-retry-<key>-<attempt>`), parsed, with all its files. */
export function readRecordArtifact(
  gh: GitHubEmulator,
  runId: number,
  attempt: number,
): { record: RunRecord | null; files: Record<string, Uint8Array> } {
  const artifact = gh
    .artifacts(runId)
    .find((a) => parseRecordArtifactName(a.name)?.attempt === attempt);
  if (artifact === undefined) return { record: null, files: {} };
  const files = gh.artifactFiles(artifact.id);
  const record = files['record.json'];
  return {
    record: record === undefined ? null : parseRunRecord(new TextDecoder().decode(record)),
    files,
  };
}

/** The unique ids a step's saved run_results.json lists (the nodes that dbt command executed). */
export function executedNodes(run: CompletedRun, stepId: string): string[] {
  const file = run.files[`state/${stepId}/target/run_results.json`];
  if (file === undefined)
    throw new Error(`run ${run.runId} saved no run_results.json for ${stepId}`);
  const results = JSON.parse(new TextDecoder().decode(file)) as {
    results: { unique_id: string }[];
  };
  return results.results.map((r) => r.unique_id).sort();
}

/** The nightly's steps with the status each had, in order (deps, seed, run, test). */
export function nightlyStatuses(
  ...each: [deps: string, seed: string, run: string, test: string]
): [string, string][] {
  return (['dbt-deps', 'dbt-seed', 'dbt-run', 'dbt-test'] as const).map((id, i) => [id, each[i]!]);
}

/** The step statuses of the failed schedule: `dbt run` fails, so `dbt test` is skipped. */
export const FAILED_SCHEDULE_STATUSES = nightlyStatuses('success', 'success', 'failed', 'skipped');
/** A retry from failure of it that passes: `dbt seed` is reused, `dbt run` and `dbt test` run. */
export const RETRIED_STATUSES = nightlyStatuses('success', 'reused', 'success', 'success');
/** A run where every step ran and passed (retry mode `all`). */
export const ALL_PASSED_STATUSES = nightlyStatuses('success', 'success', 'success', 'success');

/** A harness with the failed schedule it started with. */
export interface FailedSchedule {
  readonly harness: ActionHarness;
  /** The first run: the schedule with `MODELS.failing` failing. */
  readonly schedule: CompletedRun;
}

/**
 * For the enclosing `describe`: one harness whose first run is the failed schedule, started before
 * its tests (read both through the returned object inside a test); the emulator stops after them.
 */
export function withFailedSchedule(): FailedSchedule {
  let harness: ActionHarness | undefined;
  let started: FailedSchedule | undefined;
  beforeAll(async () => {
    harness = await startActionHarness();
    harness.scenario.failing = [...MODELS.failing];
    started = { harness, schedule: await harness.dispatch() };
  });
  afterAll(async () => {
    await harness?.gh.stop();
  });
  const get = (): FailedSchedule => {
    if (started === undefined) throw new Error('the failed schedule exists only inside a test');
    return started;
  };
  return {
    get harness() {
      return get().harness;
    },
    get schedule() {
      return get().schedule;
    },
  };
}

/**
 * The lineage of a retry planned from attempt 1 of run `parent`, the `retryNumber`th retry of the
 * chain that attempt 1 of run `root` started; `more` adds its mode or who asked.
 */
export function retryLineage(
  parent: number,
  root: number,
  retryNumber: number,
  trigger: Trigger,
  more: Partial<Lineage> = {},
): Partial<Lineage> {
  return { parent: `${parent}-1`, root: `${root}-1`, retryNumber, trigger, ...more };
}

/** Each step's id and status, in order; the record must exist. */
export function statuses(record: RunRecord | null): [string, string][] {
  expect(record).not.toBeNull();
  return (record?.steps ?? []).map((step) => [step.id, step.status]);
}

/** The model unique ids of the generated project. */
export const modelIds = (names: readonly string[]): string[] =>
  names.map((n) => `model.emulated_shop.${n}`).sort();

/** What a retry from failure of the failed schedule runs in `dbt-run`: its failed and skipped models. */
export const RETRIED_MODELS = modelIds([...MODELS.failing, ...MODELS.skippedByFailure]);
