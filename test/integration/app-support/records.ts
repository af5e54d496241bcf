/** Run records as the Action uploads them, for seeding parent runs in the emulator. */
import { aRunRecord, aStepRecord } from '../../builders/run-record.js';
import { serializeRunRecord } from '../../../src/core/run-record.js';
import type { Lineage, RunRecord, StepRecord } from '../../../src/core/run-record-schema.js';

/** What a seeded record says beyond its run. */
export interface RecordShape {
  readonly status: RunRecord['status'];
  readonly lineage?: Partial<Lineage>;
  readonly steps?: readonly StepRecord[];
}

/** A dbt schedule whose `dbt run` failed with exit 1 and a deadlock message. */
export function failedDbtSteps(): StepRecord[] {
  return [
    aStepRecord({
      id: 'dbt-deps',
      name: 'dbt deps',
      command: 'dbt deps',
      executed: 'dbt deps',
      setup: true,
      action: 'setup',
    }),
    aStepRecord({
      id: 'dbt-run',
      name: 'dbt run',
      command: 'dbt run',
      executed: 'dbt run',
      status: 'failed',
      exitCode: 1,
      tool: 'dbt',
      outputTail: 'Database Error in model orders: deadlock detected\n',
      nodes: {
        which: 'run',
        counts: { success: 4, error: 1, skipped: 2 },
        failed: [{ id: 'model.shop.orders', status: 'error', message: 'deadlock detected' }],
        skipped: ['model.shop.revenue', 'model.shop.customers'],
        merged: false,
      },
    }),
    aStepRecord({
      id: 'dbt-test',
      name: 'dbt test',
      command: 'dbt test',
      executed: null,
      action: 'skip',
      status: 'skipped',
      exitCode: null,
      attempts: 0,
      startedAt: null,
      durationMs: 0,
    }),
  ];
}

/** Every step of the dbt schedule succeeded. */
export function succeededDbtSteps(): StepRecord[] {
  return failedDbtSteps().map((step) => ({
    ...step,
    status: 'success',
    exitCode: 0,
    executed: step.command,
    action: step.setup ? 'setup' : 'run',
    attempts: 1,
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 1000,
    nodes: null,
    outputTail: '',
  }));
}

/** The record of run `runId` (attempt `attempt`) of `repository`. */
export function recordFor(params: {
  repository: string;
  runId: number;
  attempt?: number;
  name?: string;
  shape: RecordShape;
}): RunRecord {
  const attempt = params.attempt ?? 1;
  const id = `${params.runId}-${attempt}`;
  return aRunRecord({
    id,
    name: params.name ?? 'nightly',
    status: params.shape.status,
    git: { sha: null, ref: null },
    github: {
      repository: params.repository,
      workflow: 'Nightly',
      workflowRef: null,
      job: 'schedule',
      runId: params.runId,
      runAttempt: attempt,
      runNumber: 1,
      serverUrl: 'https://github.com',
      actor: 'mona',
    },
    lineage: {
      parent: null,
      root: id,
      retryNumber: 0,
      mode: null,
      trigger: 'dispatch',
      requestedBy: 'mona',
      ...params.shape.lineage,
    },
    steps: [
      ...(params.shape.steps ??
        (params.shape.status === 'success' ? succeededDbtSteps() : failedDbtSteps())),
    ],
  });
}

/** The files of a record artifact (`record.json` only: the bot never reads the state files). */
export function recordFiles(record: RunRecord): Record<string, string> {
  return { 'record.json': serializeRunRecord(record) };
}
