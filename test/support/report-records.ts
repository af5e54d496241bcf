import { aGitHubRun, aLineage, aNodeSummary, aRunRecord, aStepRecord } from './run-record.js';
import {
  runRecordSchema,
  type NodeSummary,
  type RunRecord,
  type StepRecord,
} from '../../src/core/run-record/schema.js';

/** Records for the Markdown report tests (`src/core/report/*.test.ts`). */

export const runUrl = (runId: number) => `https://github.com/acme/warehouse/actions/runs/${runId}`;

/** A step named for its id (`dbt-run` runs `dbt run`), timed as the report tests expect. */
export function aStep(overrides: Partial<StepRecord> = {}): StepRecord {
  const id = overrides.id ?? 'dbt-run';
  return aStepRecord({
    id,
    name: id,
    command: id.replace('-', ' '),
    startedAt: '2026-11-20T02:00:00Z',
    durationMs: 12_300,
    ...overrides,
  });
}

/** A failed first run of acme/warehouse run 121 on main, with no steps yet. */
export function aRecord(overrides: Partial<RunRecord> = {}): RunRecord {
  return runRecordSchema.parse(
    aRunRecord({
      id: '121-1',
      name: 'nightly',
      status: 'failed',
      startedAt: '2026-11-20T02:00:00Z',
      finishedAt: '2026-11-20T02:04:05Z',
      durationMs: 245_000,
      git: { sha: '0123456789abcdef0123456789abcdef01234567', ref: 'refs/heads/main' },
      github: aGitHubRun({ runId: 121, actor: 'alice' }),
      lineage: aLineage({ root: '121-1', trigger: 'dispatch' }),
      steps: [],
      ...overrides,
    }),
  );
}

export function nodes(failed: number, skipped: number, success = 12): NodeSummary {
  return aNodeSummary({
    counts: { success, error: failed, skipped },
    failed: Array.from({ length: failed }, (_, i) => ({
      id: `model.shop.m${i}`,
      status: 'error',
      message:
        i === 0
          ? 'Database Error in model m0\n  relation "raw.orders" does not exist | see `logs`'
          : null,
    })),
    skipped: Array.from({ length: skipped }, (_, i) => `model.shop.s${i}`),
  });
}
