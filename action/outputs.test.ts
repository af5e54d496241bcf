import { describe, expect, it } from 'vitest';
import { readActionYml } from '../test/support/action/inputs.js';
import { aRunRecord, aStepRecord } from '../test/support/run-record.js';
import { OUTPUT_NAMES, toOutputs } from './outputs.js';

describe('toOutputs', () => {
  it.each([
    [
      'a first run that succeeded',
      aRunRecord(),
      { status: 'success', failedSteps: '', retriedFrom: '' },
    ],
    [
      'a retry that failed at two steps, one cancelled',
      aRunRecord({
        status: 'cancelled',
        lineage: {
          parent: '7-1',
          root: '5-1',
          retryNumber: 2,
          mode: { kind: 'from-failure' },
          trigger: 'dispatch',
          requestedBy: null,
        },
        steps: [
          aStepRecord({ id: 'dbt-seed', status: 'reused' }),
          aStepRecord({ id: 'dbt-run', status: 'failed' }),
          aStepRecord({ id: 'lint', status: 'cancelled' }),
          aStepRecord({ id: 'dbt-test', status: 'skipped' }),
        ],
      }),
      { status: 'cancelled', failedSteps: 'dbt-run,lint', retriedFrom: '7-1' },
    ],
  ])('%s', (_label, record, expected) => {
    expect(toOutputs(record, '/tmp/r/record.json')).toEqual({
      ...expected,
      runRecord: '/tmp/r/record.json',
    });
  });

  it('names exactly the outputs action.yml declares', () => {
    const { outputs } = readActionYml();
    expect(Object.values(OUTPUT_NAMES).sort()).toEqual(Object.keys(outputs).sort());
  });
});
