import type { StepSpec } from '../../src/core/model.js';
import {
  RUN_RECORD_KIND,
  RUN_RECORD_VERSION,
  type RunRecord,
  type StepRecord,
} from '../../src/core/run-record-schema.js';

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
    lineage: {
      parent: null,
      root: id,
      retryNumber: 0,
      mode: null,
      trigger: 'local',
      requestedBy: null,
    },
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
