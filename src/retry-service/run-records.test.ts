import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { aGitHub, aParentRecord, anArtifact, aZip } from '../../test/support/record-artifacts.js';
import { readRunRecords } from './run-records.js';

const repo = { owner: 'acme', repo: 'warehouse' };
const run = { id: 100, attempt: 1, repository: 'acme/warehouse' };

async function readOne(zip: Uint8Array) {
  const github = aGitHub({
    artifacts: [anArtifact({ id: 11, name: 'gh-retry-dbt-1' })],
    zips: { 11: zip },
  });
  return await readRunRecords({ github, repo, run });
}

describe('readRunRecords: the trust check of a record artifact', () => {
  it('reads a record that belongs to the run', async () => {
    const read = await readOne(aZip(aParentRecord()));
    expect(read).toMatchObject({ kind: 'read', problems: [] });
    if (read.kind !== 'read') return;
    expect(read.records.map((r) => r.id)).toEqual(['100-1']);
  });

  it.each([
    ['a record of another run', aZip(aParentRecord({ id: '999-1' })), 'does not belong to run 100'],
    [
      'a record whose github block names another run',
      aZip(aParentRecord({ github: { ...aParentRecord().github!, runId: 5 } })),
      'does not belong to run 100 (it names 100-1)',
    ],
    [
      'an oversized record.json',
      zipSync({ 'record.json': new Uint8Array(9 * 1024 * 1024).fill(32) }),
      'the record in "gh-retry-dbt-1" is 9437184 bytes; at most 8388608 are read',
    ],
    [
      'a zip without record.json',
      zipSync({ 'other.json': strToU8('{}') }),
      'the record artifact "gh-retry-dbt-1" has no record.json',
    ],
    ['a record that is not JSON', aZip('{ not json'), 'is not valid JSON'],
    ['bytes that are not a zip', strToU8('not a zip at all, not at all'), 'not a zip archive'],
  ])('reports %s as a problem, not a record', async (_label, zip, message) => {
    const read = await readOne(zip);
    expect(read).toMatchObject({ kind: 'read', records: [] });
    if (read.kind !== 'read') return;
    expect(read.problems).toEqual([expect.stringContaining(message)]);
  });

  it('refuses an artifact with an unsafe entry beside record.json, as the parent load does', async () => {
    const read = await readOne(aZip(aParentRecord(), { '../../evil.sh': strToU8('x') }));
    expect(read).toMatchObject({ kind: 'read', records: [] });
    if (read.kind !== 'read') return;
    expect(read.problems).toEqual([
      'the record artifact "gh-retry-dbt-1" cannot be read: zip entry "../../evil.sh" is not a safe relative path',
    ]);
  });
});
