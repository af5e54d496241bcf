import { describe, expect, it } from 'vitest';
import {
  aFailedDbtRunStep,
  aLineage,
  aNodeSummary,
  aRunRecord,
  aSavedStateFile,
  aStepRecord,
} from '../../../test/support/run-record.js';
import { RunRecordError } from '../errors.js';
import {
  appendOutputTail,
  isRetryable,
  newRunRecord,
  stoppedStep,
  parseRunRecord,
  serializeRunRecord,
} from './record.js';
import { RECORD_LIMITS } from './schema.js';

describe('parseRunRecord and serializeRunRecord', () => {
  it('round-trips a record as 2-space JSON with a final newline', () => {
    const record = aRunRecord({
      steps: [
        aFailedDbtRunStep({
          nodes: aNodeSummary({
            counts: { success: 2, error: 1 },
            failed: [{ id: 'model.p.a', status: 'error', message: 'boom' }],
          }),
          state: [aSavedStateFile({ bytes: 10 })],
        }),
      ],
    });
    const text = serializeRunRecord(record);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "kind": "gh-retry/run-record",');
    expect(parseRunRecord(text)).toEqual(record);
  });

  it('drops unknown fields when serialising', () => {
    const record = { ...aRunRecord(), extra: 'x' };
    expect(JSON.parse(serializeRunRecord(record))).not.toHaveProperty('extra');
  });

  it('refuses to serialise an invalid record', () => {
    const record = aRunRecord({ steps: [aStepRecord({ durationMs: -1 })] });
    expect(() => serializeRunRecord(record)).toThrow(RunRecordError);
  });

  const valid = aRunRecord();
  it.each([
    {
      name: 'not JSON',
      text: '{"kind":',
      message: /^record\.json is not valid JSON \(.+\); retry every step instead \(mode all\)$/,
    },
    {
      name: 'not a record',
      text: '[1, 2]',
      message:
        'record.json is not a gh-retry run record (expected "kind": "gh-retry/run-record"); retry every step instead (mode all)',
    },
    {
      name: 'another kind',
      text: JSON.stringify({ ...valid, kind: 'other' }),
      message:
        'record.json is not a gh-retry run record (expected "kind": "gh-retry/run-record"); retry every step instead (mode all)',
    },
    {
      name: 'no version',
      text: JSON.stringify({ ...valid, version: '1' }),
      message: 'record.json has no record version; retry every step instead (mode all)',
    },
    {
      name: 'a newer version',
      text: JSON.stringify({ ...valid, version: 2, somethingNew: true }),
      message:
        'record.json was written by a newer gh-retry (record version 2); this build reads version 1 — update gh-retry, or retry every step instead (mode all)',
    },
    {
      name: 'an older version',
      text: JSON.stringify({ ...valid, version: 0 }),
      message:
        'record.json was written by an older gh-retry (record version 0); this build reads version 1 — retry every step instead (mode all)',
    },
    {
      name: 'schema problems, first few listed',
      text: JSON.stringify({
        ...valid,
        status: 'great',
        durationMs: -5,
        steps: [{ id: 1 }],
        git: null,
        lineage: null,
      }),
      message:
        /^record\.json is not a valid run record: status: .+; durationMs: .+; git: .+ \(\+\d+ more\); retry every step instead \(mode all\)$/,
    },
    {
      name: 'an unsafe state path',
      text: JSON.stringify({
        ...valid,
        steps: [
          aStepRecord({
            state: [
              { path: '../../etc/passwd', stored: 'x/passwd', bytes: 1, sha256: 'a'.repeat(64) },
            ],
          }),
        ],
      }),
      message:
        /^record\.json is not a valid run record: steps\.0\.state\.0\.path: must be a relative path without "\.\.", "\." or empty segments; retry every step instead \(mode all\)$/,
    },
  ])('rejects $name', ({ text, message }) => {
    let error: unknown;
    try {
      parseRunRecord(text);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RunRecordError);
    expect((error as Error).message).toMatch(message);
  });

  it('names the source in messages', () => {
    expect(() => parseRunRecord('nope', { source: 'artifact gh-retry-nightly-1' })).toThrow(
      /^artifact gh-retry-nightly-1 is not valid JSON/,
    );
  });

  it('rejects an oversized record before parsing it', () => {
    const text = `"${'é'.repeat(RECORD_LIMITS.maxRecordBytes / 2)}"`;
    expect(() => parseRunRecord(text)).toThrow(
      new RunRecordError(
        `record.json is ${RECORD_LIMITS.maxRecordBytes + 2} bytes, over the ${RECORD_LIMITS.maxRecordBytes}-byte limit for a run record; retry every step instead (mode all)`,
      ),
    );
  });
});

describe('appendOutputTail', () => {
  const whole = (text: string) => ({ text, truncated: false });
  const cut = (text: string) => ({ text, truncated: true });
  const empty = whole('');
  // name, tail so far, chunk, limit, expected tail
  it.each([
    ['keeps everything under the limit', empty, 'a\nb\n', 10, whole('a\nb\n')],
    ['exactly at the limit', whole('12345'), '67890', 10, whole('1234567890')],
    ['cuts at a line start', whole('line one\n'), 'line two\nend\n', 12, cut('end\n')],
    ['keeps a cut that falls on a line start', whole('aaaa\n'), 'bbbb\n', 5, cut('bbbb\n')],
    ['keeps the raw cut without a newline', empty, 'abcdefghij', 4, cut('ghij')],
    ['a huge chunk alone', whole('old\n'), `${'x'.repeat(100)}\nlast`, 10, cut('last')],
    ['stays truncated', cut('ab'), 'c', 10, cut('abc')],
    ['never starts with half a surrogate pair', empty, 'a😀b', 2, cut('b')],
    ['a zero limit', empty, 'abc', 0, cut('')],
  ])('%s', (_name, tail, chunk, max, expected) => {
    expect(appendOutputTail(tail, chunk, max)).toEqual(expected);
  });

  it('bounds the tail by RECORD_LIMITS.maxOutputTail by default', () => {
    let tail = { text: '', truncated: false };
    for (let line = 0; line < 5000; line += 1) tail = appendOutputTail(tail, `line ${line}\n`);
    expect(tail.text.length).toBeLessThanOrEqual(RECORD_LIMITS.maxOutputTail);
    expect(tail.truncated).toBe(true);
    expect(tail.text.startsWith('line ')).toBe(true);
    expect(tail.text.endsWith('line 4999\n')).toBe(true);
  });
});

describe('stoppedStep and isRetryable', () => {
  it.each([
    [['success', 'failed', 'cancelled'], 'b'],
    [['success', 'cancelled', 'failed'], 'b'],
    [['success', 'reused', 'skipped'], undefined],
  ] as const)('the first failed or cancelled step of %j is %j', (statuses, id) => {
    const steps = statuses.map((status, i) => aStepRecord({ id: 'abc'[i] ?? 'x', status }));
    expect(stoppedStep(aRunRecord({ steps }))?.id).toBe(id);
  });

  it.each([
    ['failed', false, true],
    ['cancelled', false, true],
    ['success', false, false],
    ['failed', true, false],
  ] as const)('a %s run (nothing to retry: %j) is retryable: %j', (status, nothing, retryable) => {
    expect(isRetryable(aRunRecord({ status, nothingToRetry: nothing }))).toBe(retryable);
  });
});

describe('newRunRecord', () => {
  const lineage = aLineage();

  it('builds a record the schema accepts, with its duration from the two times', () => {
    const record = newRunRecord({
      id: 'r-1',
      name: 'nightly',
      status: 'success',
      startedAt: new Date('2026-01-01T00:00:00Z'),
      finishedAt: new Date('2026-01-01T00:00:02.5Z'),
      git: { sha: null, ref: null },
      github: null,
      lineage,
    });
    expect(record.durationMs).toBe(2500);
    expect(record.steps).toEqual([]);
    expect(parseRunRecord(serializeRunRecord(record))).toEqual(record);
  });

  it('cuts over-long names to the record’s string bound, so what it writes it can read back', () => {
    const long = 'x'.repeat(RECORD_LIMITS.maxStringLength + 10);
    const record = newRunRecord({
      id: 'r-1',
      name: long,
      status: 'failed',
      startedAt: new Date('2026-01-01T00:00:00Z'),
      git: { sha: null, ref: null },
      github: null,
      lineage,
    });
    expect(record.name).toHaveLength(RECORD_LIMITS.maxStringLength);
    expect(record.name.endsWith('…')).toBe(true);
    expect(record.durationMs).toBe(0);
    expect(() => parseRunRecord(serializeRunRecord(record))).not.toThrow();
  });
});
