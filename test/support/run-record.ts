import type { StepSpec } from '../../src/core/schedule/step-spec.js';
import {
  RUN_RECORD_KIND,
  RUN_RECORD_VERSION,
  type GitHubRunInfo,
  type Lineage,
  type NodeSummary,
  type RunRecord,
  type SavedStateFile,
  type StepRecord,
} from '../../src/core/run-record/schema.js';

/** What a step that never ran records: spread it into `aStepRecord` beside its status. */
export const NOT_RUN = {
  executed: null,
  exitCode: null,
  attempts: 0,
  startedAt: null,
  durationMs: 0,
} as const satisfies Partial<StepRecord>;

/** A step record that succeeded; override what the test is about. */
export function aStepRecord(overrides: Partial<StepRecord> = {}): StepRecord {
  const command = overrides.command ?? 'echo hello';
  return {
    id: 'echo-hello',
    name: command,
    command,
    executed: command,
    action: 'run',
    reason: 'first run',
    status: 'success',
    exitCode: 0,
    signal: null,
    setup: false,
    continueOnError: false,
    attempts: 1,
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 1000,
    tool: null,
    reusedFrom: null,
    nodes: null,
    failedTests: null,
    state: [],
    outputTail: '',
    outputTruncated: false,
    ...overrides,
  };
}

/** A `dbt run` step that failed with exit 1; add its nodes, state and output as the test needs. */
export function aFailedDbtRunStep(overrides: Partial<StepRecord> = {}): StepRecord {
  return aStepRecord({
    id: 'dbt-run',
    command: 'dbt run',
    status: 'failed',
    exitCode: 1,
    tool: 'dbt',
    ...overrides,
  });
}

/** The node picture of a `dbt run` with no nodes yet; override the counts and ids. */
export function aNodeSummary(overrides: Partial<NodeSummary> = {}): NodeSummary {
  return { which: 'run', counts: {}, failed: [], skipped: [], merged: false, ...overrides };
}

/** A `dbt run` step's saved run_results.json; override the size and digest when they matter. */
export function aSavedStateFile(overrides: Partial<SavedStateFile> = {}): SavedStateFile {
  return {
    path: 'target/run_results.json',
    stored: 'dbt-run/target/run_results.json',
    bytes: 1,
    sha256: 'a'.repeat(64),
    ...overrides,
  };
}

/** The lineage of a local first run; override what the test is about. */
export function aLineage(overrides: Partial<Lineage> = {}): Lineage {
  return {
    parent: null,
    root: 'r-1',
    retryNumber: 0,
    mode: null,
    trigger: 'local',
    requestedBy: null,
    ...overrides,
  };
}

/** The GitHub run the fixtures' records come from: run 100 (attempt 1, #7) of acme/warehouse. */
export const FIXTURE_RUN = {
  repository: 'acme/warehouse',
  id: 100,
  attempt: 1,
  number: 7,
  serverUrl: 'https://github.com',
} as const;

/** Where FIXTURE_RUN ran on GitHub; override what the test is about. */
export function aGitHubRun(overrides: Partial<GitHubRunInfo> = {}): GitHubRunInfo {
  return {
    repository: FIXTURE_RUN.repository,
    workflow: 'Nightly',
    workflowRef: null,
    job: 'dbt',
    runId: FIXTURE_RUN.id,
    runAttempt: FIXTURE_RUN.attempt,
    runNumber: FIXTURE_RUN.number,
    serverUrl: FIXTURE_RUN.serverUrl,
    actor: 'octocat',
    ...overrides,
  };
}

/** A finished first run with one successful step; override what the test is about. */
export function aRunRecord(overrides: Partial<RunRecord> = {}): RunRecord {
  const id = overrides.id ?? 'r-1';
  return {
    kind: RUN_RECORD_KIND,
    version: RUN_RECORD_VERSION,
    id,
    name: 'schedule',
    status: 'success',
    nothingToRetry: false,
    startedAt: '2026-01-01T00:00:00.000Z',
    finishedAt: '2026-01-01T00:01:00.000Z',
    durationMs: 60_000,
    git: { sha: null, ref: null },
    github: null,
    lineage: aLineage({ root: id }),
    steps: [aStepRecord()],
    ...overrides,
  };
}

/** A schedule step with every option at its default; override what the test is about. */
export function aStepSpec(overrides: Partial<StepSpec> & { run: string }): StepSpec {
  return {
    id: overrides.run.split(' ').slice(0, 2).join('-'),
    name: overrides.run,
    setup: false,
    continueOnError: false,
    retries: 0,
    state: [],
    ...overrides,
  };
}
