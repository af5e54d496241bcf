import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RunRecordError } from '../../src/core/errors.js';
import { serializeRunRecord } from '../../src/core/run-record/record.js';
import type { RunRecord } from '../../src/core/run-record/schema.js';
import {
  aFailedDbtRunStep,
  aGitHubRun,
  aNodeSummary,
  aRunRecord,
  aSavedStateFile,
  aStepRecord,
  NOT_RUN,
} from '../../test/support/run-record.js';
import { createRecordFile, serializeIncrementally } from './record-file.js';

const steps = [
  aStepRecord({ id: 'seed', command: 'dbt seed', tool: 'dbt', outputTail: 'line\n"quoted"\n' }),
  aFailedDbtRunStep({
    nodes: aNodeSummary(),
    state: [aSavedStateFile()],
    attemptLog: [
      {
        number: 1,
        executed: 'dbt run',
        form: 'as-written',
        exitCode: 1,
        signal: null,
        startedAt: '2026-01-01T00:00:00.000Z',
        durationMs: 5,
        nodes: null,
        failedTests: null,
      },
    ],
  }),
  aStepRecord({ id: 'test', command: 'dbt test', status: 'skipped', ...NOT_RUN }),
];

/** The record as main saves it before each step: the steps so far, the next one cut short. */
const savesOf = (record: RunRecord): RunRecord[] =>
  record.steps.map((step, index) => ({
    ...record,
    status: 'cancelled',
    steps: [...record.steps.slice(0, index), { ...step, status: 'cancelled' }],
  }));

let dir: string | null = null;
afterEach(() => {
  if (dir !== null) rmSync(dir, { recursive: true, force: true });
  dir = null;
});

describe('serializeIncrementally', () => {
  it.each([
    ['no steps', aRunRecord({ steps: [] })],
    ['steps and a GitHub run', aRunRecord({ steps, github: aGitHubRun(), status: 'failed' })],
  ])('writes what serializeRunRecord writes (%s), from known steps or not', (_label, record) => {
    const first = serializeIncrementally(record, []);
    expect(first.text).toBe(serializeRunRecord(record));
    // The same steps as shallow copies, as each save assembles them.
    const copy = { ...record, steps: record.steps.map((step) => ({ ...step })) };
    const second = serializeIncrementally(copy, first.steps);
    expect(second.text).toBe(serializeRunRecord(record));
    expect(second.steps.map((s) => s.text)).toEqual(first.steps.map((s) => s.text));
  });

  it('checks a step again when its content changed', () => {
    const record = aRunRecord({ steps });
    const { steps: saved } = serializeIncrementally(record, []);
    const renamed = { ...record, steps: [{ ...steps[0]!, name: 'renamed' }] };
    expect(serializeIncrementally(renamed, saved).text).toBe(serializeRunRecord(renamed));
    const tooLong = { ...record, steps: [{ ...steps[0]!, name: 'x'.repeat(5000) }] };
    expect(() => serializeIncrementally(tooLong, saved)).toThrow(RunRecordError);
  });

  it('refuses what the schema refuses, with the same error as serializeRunRecord', () => {
    const bad = aRunRecord({ steps, id: 'x'.repeat(5000) });
    expect(() => serializeIncrementally(bad, [])).toThrow(/the run record is not valid/);
  });
});

describe('createRecordFile', () => {
  it('leaves each save whole in record.json, and no temporary file', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'gh-retry-record-file-'));
    const recordPath = path.join(dir, 'record.json');
    const file = createRecordFile(recordPath);
    const record = aRunRecord({ steps, github: aGitHubRun() });
    for (const saved of [...savesOf(record), record]) {
      await file.saveRecord(saved);
      expect(readFileSync(recordPath, 'utf8')).toBe(serializeRunRecord(saved));
    }
    expect(readdirSync(dir)).toEqual(['record.json']);
  });
});
