/** Run records as the Action uploads them, for seeding parent runs in the emulator. */
import {
  aFailedDbtRunStep,
  aGitHubRun,
  aLineage,
  aNodeSummary,
  aRunRecord,
  aStepRecord,
  NOT_RUN,
} from '../run-record.js';
import { serializeRunRecord } from '../../../src/core/run-record/record.js';
import type { Lineage, RunRecord, StepRecord } from '../../../src/core/run-record/schema.js';

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
      command: 'dbt deps',
      setup: true,
      action: 'setup',
    }),
    aFailedDbtRunStep({
      outputTail: 'Database Error in model orders: deadlock detected\n',
      nodes: aNodeSummary({
        counts: { success: 4, error: 1, skipped: 2 },
        failed: [{ id: 'model.shop.orders', status: 'error', message: 'deadlock detected' }],
        skipped: ['model.shop.revenue', 'model.shop.customers'],
      }),
    }),
    aStepRecord({
      id: 'dbt-test',
      command: 'dbt test',
      action: 'skip',
      status: 'skipped',
      ...NOT_RUN,
    }),
  ];
}

/** Every step of the dbt schedule succeeded. */
export function succeededDbtSteps(): StepRecord[] {
  return failedDbtSteps().map((step) =>
    aStepRecord({
      id: step.id,
      command: step.command,
      setup: step.setup,
      action: step.setup ? 'setup' : 'run',
      tool: step.tool,
    }),
  );
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
    github: aGitHubRun({
      repository: params.repository,
      job: 'schedule',
      runId: params.runId,
      runAttempt: attempt,
      runNumber: 1,
      actor: 'mona',
    }),
    lineage: aLineage({
      root: id,
      trigger: 'dispatch',
      requestedBy: 'mona',
      ...params.shape.lineage,
    }),
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
