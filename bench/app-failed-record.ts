/**
 * The failed gh-retry run the App bench seeds as a record artifact: `dbt deps`, a `dbt run` with
 * one model in error and two skipped, and a `dbt test` that never ran, serialised as the Action
 * writes `record.json`.
 */
import { aRunRecord, aStepRecord } from '../test/support/run-record.js';
import { serializeRunRecord } from '../src/core/run-record/record.js';

/** The record of the failed run `runId` in `repo`. */
export function failedRecord(repo: string, runId: number): string {
  const id = `${runId}-1`;
  const step = (command: string, overrides: Parameters<typeof aStepRecord>[0] = {}) =>
    aStepRecord({
      id: command.replace(' ', '-'),
      name: command,
      command,
      executed: command,
      ...overrides,
    });
  return serializeRunRecord(
    aRunRecord({
      id,
      name: 'nightly',
      status: 'failed',
      github: {
        repository: repo,
        workflow: 'nightly',
        workflowRef: null,
        job: 'dbt',
        runId,
        runAttempt: 1,
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
      },
      steps: [
        step('dbt deps', { setup: true, action: 'setup' }),
        step('dbt run', {
          status: 'failed',
          exitCode: 1,
          tool: 'dbt',
          nodes: {
            which: 'run',
            counts: { success: 47, error: 1, skipped: 2 },
            failed: [
              { id: 'model.shop.orders', status: 'error', message: 'relation does not exist' },
            ],
            skipped: ['model.shop.revenue', 'model.shop.customers'],
            merged: false,
          },
        }),
        step('dbt test', {
          executed: null,
          action: 'skip',
          status: 'skipped',
          exitCode: null,
          attempts: 0,
          startedAt: null,
          durationMs: 0,
        }),
      ],
    }),
  );
}
