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
import type { RunRecord } from '../../../src/core/run-record/schema.js';
import { commandLines, DISPATCH_TRIGGER, RUN_NAME_LINE } from '../workflows.js';

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
  const commands = params.commands ?? 'dbt deps\ndbt seed\ndbt run\ndbt test';
  const extra = Object.entries(params.with ?? {})
    .map(([key, value]) => `          ${key}: ${JSON.stringify(value)}\n`)
    .join('');
  return `name: dbt nightly
${RUN_NAME_LINE}
on:
  schedule:
    - cron: '0 3 * * *'
${DISPATCH_TRIGGER}
permissions:
  actions: read
  contents: read
jobs:
  dbt:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@08eba0b27e820071cde6df949e0beb9ba4906955
      - id: gh-retry
        uses: ./
        with:
          name: nightly
          working-directory: transform
${extra}          commands: |
${commandLines(commands.split('\n'))}`;
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

/** Each step's status, in order. */
/** The step statuses of the failed schedule: `dbt run` fails, so `dbt test` is skipped. */
export const FAILED_SCHEDULE_STATUSES: [string, string][] = [
  ['dbt-deps', 'success'],
  ['dbt-seed', 'success'],
  ['dbt-run', 'failed'],
  ['dbt-test', 'skipped'],
];

/**
 * For the enclosing `describe`: one harness whose first run, the schedule with `MODELS.failing`
 * failing, is handed to `started` with it; the emulator stops after all its tests.
 */
export function withFailedSchedule(started: (h: ActionHarness, schedule: CompletedRun) => void) {
  let current: ActionHarness | undefined;
  beforeAll(async () => {
    current = await startActionHarness();
    current.scenario.failing = [...MODELS.failing];
    started(current, await current.dispatch());
  });
  afterAll(async () => {
    await current?.gh.stop();
  });
}

export function statuses(record: RunRecord | null): [string, string][] {
  expect(record).not.toBeNull();
  return (record?.steps ?? []).map((step) => [step.id, step.status]);
}

/** The model unique ids of the generated project. */
export const modelIds = (names: readonly string[]): string[] =>
  names.map((n) => `model.emulated_shop.${n}`).sort();
