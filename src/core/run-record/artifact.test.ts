import { describe, expect, it } from 'vitest';
import { anArtifact, aParentRecord } from '../../../test/support/record-artifacts.js';
import {
  checkRecordOfRun,
  parseRecordArtifactName,
  pickRecordArtifact,
  recordArtifactName,
  recordIdOf,
  slugifyArtifactKey,
} from './artifact.js';
import { serializeRunRecord } from './record.js';
import { RunRecordError } from '../errors.js';
import { examples } from '../../../test/support/examples.js';

describe('record artifact names', () => {
  examples(slugifyArtifactKey, [
    ['nightly', 'nightly'],
    ['Nightly (prod)', 'nightly-prod'],
    ['dbt/build: all', 'dbt-build-all'],
    ['---', 'schedule'],
    ['x'.repeat(80), 'x'.repeat(64)],
  ]);

  examples(parseRecordArtifactName, [
    ['gh-retry-nightly-1', { key: 'nightly', attempt: 1 }],
    ['gh-retry-nightly-prod-12', { key: 'nightly-prod', attempt: 12 }],
    ['gh-retry-nightly', null],
    ['other-nightly-1', null],
    ['gh-retry-Nightly-1', null],
  ]);

  it('round-trips', () => {
    expect(parseRecordArtifactName(recordArtifactName({ key: 'dbt-build', attempt: 3 }))).toEqual({
      key: 'dbt-build',
      attempt: 3,
    });
  });

  it('picks the latest attempt at or before the limit, for this key only', () => {
    const artifacts = [
      anArtifact({ id: 1, name: 'gh-retry-dbt-1' }),
      anArtifact({ id: 2, name: 'gh-retry-dbt-prod-3' }),
      anArtifact({ id: 3, name: 'gh-retry-dbt-2' }),
      anArtifact({ id: 4, name: 'gh-retry-dbt-4' }),
      anArtifact({ id: 5, name: 'something-else' }),
    ];
    expect(pickRecordArtifact({ artifacts, key: 'dbt', maxAttempt: 3 })?.id).toBe(3);
    expect(pickRecordArtifact({ artifacts, key: 'dbt', maxAttempt: 1 })?.id).toBe(1);
    expect(pickRecordArtifact({ artifacts, key: 'dbt-prod', maxAttempt: 9 })?.id).toBe(2);
    expect(pickRecordArtifact({ artifacts, key: 'pytest', maxAttempt: 9 })).toBeNull();
  });
});

describe('checkRecordOfRun', () => {
  const run = { id: 100, repository: 'ACME/Warehouse' };
  const bytesOf = (text: string) => new TextEncoder().encode(text);
  const check = (bytes: Uint8Array | undefined, artifactName = 'gh-retry-dbt-1') =>
    checkRecordOfRun({ bytes, run, artifactName });

  it('names a record by run and attempt', () => {
    expect(recordIdOf(100, 2)).toBe('100-2');
  });

  it('accepts the record of the run and attempt its artifact names (repository in any case)', () => {
    expect(check(bytesOf(serializeRunRecord(aParentRecord()))).id).toBe('100-1');
  });

  it.each([
    [
      'no record.json',
      undefined,
      'gh-retry-dbt-1',
      'the record artifact "gh-retry-dbt-1" has no record.json',
    ],
    [
      'an oversized record.json',
      new Uint8Array(8 * 1024 * 1024 + 1).fill(32),
      'gh-retry-dbt-1',
      'the record in "gh-retry-dbt-1" is 8388609 bytes; at most 8388608 are read',
    ],
    [
      'a record that is not JSON',
      bytesOf('{ not json'),
      'gh-retry-dbt-1',
      'record.json of "gh-retry-dbt-1" is not valid JSON',
    ],
    [
      'a record with another id',
      bytesOf(serializeRunRecord(aParentRecord({ id: '999-1' }))),
      'gh-retry-dbt-1',
      'the record in "gh-retry-dbt-1" does not belong to run 100 (it names 999-1); it is not used',
    ],
    [
      'a record of another attempt than its artifact name says',
      bytesOf(serializeRunRecord(aParentRecord())),
      'gh-retry-dbt-2',
      'does not belong to run 100',
    ],
    [
      'a record of another repository',
      bytesOf(
        serializeRunRecord(
          aParentRecord({ github: { ...aParentRecord().github!, repository: 'evil/fork' } }),
        ),
      ),
      'gh-retry-dbt-1',
      'does not belong to run 100',
    ],
    [
      'a record under an artifact name that is not a record artifact',
      bytesOf(serializeRunRecord(aParentRecord())),
      'gh-retry-dbt',
      'does not belong to run 100',
    ],
  ])('refuses %s', (_label, bytes, artifactName, message) => {
    expect(() => check(bytes, artifactName)).toThrow(RunRecordError);
    expect(() => check(bytes, artifactName)).toThrow(message);
  });
});
