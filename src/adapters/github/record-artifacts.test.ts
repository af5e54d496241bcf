import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  aGitHub,
  aParentRecord,
  aRun,
  anArtifact,
  aZip,
  RUN_RESULTS,
} from '../../../test/support/record-artifacts.js';
import { serializeRunRecord } from '../../core/run-record/record.js';
import type { RunArtifactReader } from '../../ports/github-runs.js';
import { loadParentRun, type LoadParentParams } from './record-artifacts.js';
import { ZIP_LIMITS } from '../local/zip-archive.js';

async function load(github: RunArtifactReader, overrides: Partial<LoadParentParams> = {}) {
  const destination = await mkdtemp(path.join(tmpdir(), 'gh-retry-parent-'));
  const result = await loadParentRun({
    github,
    repo: { owner: 'acme', repo: 'warehouse' },
    workflowPath: '.github/workflows/nightly.yml',
    runId: 100,
    maxAttempt: null,
    key: 'dbt',
    requireCompleted: true,
    destination,
    ...overrides,
  });
  return { result, destination };
}

describe('loadParentRun', () => {
  it('downloads, checks and unpacks the record and the state files it lists', async () => {
    const github = aGitHub({
      artifacts: [
        anArtifact({ id: 11, name: 'gh-retry-dbt-1' }),
        anArtifact({ id: 12, name: 'gh-retry-other-1' }),
      ],
      zips: { 11: aZip(aParentRecord(), { 'state/unlisted/file.txt': strToU8('ignored') }) },
    });
    const { result, destination } = await load(github);
    expect(result.kind).toBe('loaded');
    if (result.kind !== 'loaded') return;
    expect(result.record.id).toBe('100-1');
    expect(result.artifactName).toBe('gh-retry-dbt-1');
    expect([...result.parentState.entries()]).toEqual([
      ['dbt-run/target/run_results.json', RUN_RESULTS],
    ]);
    expect(await readFile(path.join(destination, 'dbt-run/target/run_results.json'), 'utf8')).toBe(
      RUN_RESULTS,
    );
    expect(await readdir(destination)).toEqual(['dbt-run']);
    expect(github.downloads).toEqual([11]);
  });

  it.each([
    ['an unknown run', { run: null }, 'run 100 was not found in acme/warehouse'],
    [
      'a run of another repository',
      { run: aRun({ repository: 'evil/fork' }) },
      'belongs to evil/fork, not acme/warehouse',
    ],
    [
      'a run of another workflow',
      { run: aRun({ workflowPath: '.github/workflows/other.yml' }) },
      'is a run of .github/workflows/other.yml, not of .github/workflows/nightly.yml',
    ],
    [
      'an unfinished run',
      { run: aRun({ status: 'in_progress' }) },
      'has not finished (status in_progress)',
    ],
  ])('refuses %s', async (_label, github, message) => {
    await expect(load(aGitHub(github))).rejects.toThrow(message);
  });

  it('reads an in-progress run when asked (a native re-run reads its own run)', async () => {
    const github = aGitHub({
      run: aRun({ status: 'in_progress', attempt: 2 }),
      artifacts: [anArtifact({ id: 11, name: 'gh-retry-dbt-1' })],
      zips: { 11: aZip(aParentRecord()) },
    });
    const { result } = await load(github, { requireCompleted: false, maxAttempt: 1 });
    expect(result.kind).toBe('loaded');
  });

  it.each([
    ['no artifact', { artifacts: [] }, 'run 100 has no record artifact "gh-retry-dbt-1"'],
    [
      'an artifact listed as expired',
      {
        artifacts: [
          anArtifact({
            id: 11,
            name: 'gh-retry-dbt-1',
            expired: true,
            expiresAt: '2026-03-04T05:06:07Z',
          }),
        ],
      },
      'the record of run 100 expired on 2026-03-04; use retry-mode all',
    ],
    [
      'a download answered with 410',
      {
        artifacts: [
          anArtifact({ id: 11, name: 'gh-retry-dbt-1', expiresAt: '2026-03-04T00:00:00Z' }),
        ],
        zips: { 11: { kind: 'expired', message: 'Artifact has expired' } as const },
      },
      'the record of run 100 expired on 2026-03-04; use retry-mode all',
    ],
    [
      'a download answered with 404',
      { artifacts: [anArtifact({ id: 11, name: 'gh-retry-dbt-1' })] },
      'is gone',
    ],
  ])('reports %s as unavailable', async (_label, github, reason) => {
    const { result } = await load(aGitHub(github));
    expect(result).toMatchObject({ kind: 'unavailable', reason: expect.stringContaining(reason) });
  });

  const tampered: [string, Uint8Array, string][] = [
    [
      'a zip with ../ entries',
      aZip(aParentRecord(), { '../../evil.sh': strToU8('x') }),
      'is not a safe relative path',
    ],
    ['a zip without record.json', zipSync({ 'other.json': strToU8('{}') }), 'has no record.json'],
    ['a record that is not JSON', aZip('{ not json'), 'is not valid JSON'],
    [
      'a record of another kind',
      aZip('{"kind":"something-else"}'),
      'record.json of "gh-retry-dbt-1"',
    ],
    ['a record of another run', aZip(aParentRecord({ id: '999-1' })), 'does not belong to run 100'],
    [
      'a record whose github block names another run',
      aZip(aParentRecord({ github: { ...aParentRecord().github!, runId: 5 } })),
      'does not belong to run 100',
    ],
    [
      'a state file that does not match its checksum',
      zipSync({
        'record.json': strToU8(serializeRunRecord(aParentRecord())),
        'state/dbt-run/target/run_results.json': strToU8(RUN_RESULTS.replace('error', 'succe')),
      }),
      'does not match its checksum',
    ],
    [
      'an oversized record',
      zipSync({ 'record.json': new Uint8Array(9 * 1024 * 1024).fill(32) }),
      'at most 8388608 are read',
    ],
  ];
  it.each(tampered)('refuses %s', async (_label, zip, message) => {
    const github = aGitHub({
      artifacts: [anArtifact({ id: 11, name: 'gh-retry-dbt-1' })],
      zips: { 11: zip },
    });
    await expect(load(github)).rejects.toThrow(message);
  });

  it('refuses an artifact larger than the zip limit before reading it', async () => {
    const github = aGitHub({
      artifacts: [anArtifact({ id: 11, name: 'gh-retry-dbt-1' })],
      zips: { 11: { kind: 'too-large', maxBytes: 10 } },
    });
    await expect(load(github, { limits: { ...ZIP_LIMITS, maxZipBytes: 10 } })).rejects.toThrow(
      'larger than 10 bytes',
    );
  });

  it('reads the attempt it is asked for, not a later one', async () => {
    const second = aParentRecord({
      id: '100-2',
      github: { ...aParentRecord().github!, runAttempt: 2 },
    });
    const github = aGitHub({
      run: aRun({ attempt: 2 }),
      artifacts: [
        anArtifact({ id: 11, name: 'gh-retry-dbt-1' }),
        anArtifact({ id: 12, name: 'gh-retry-dbt-2' }),
      ],
      zips: { 11: aZip(aParentRecord()), 12: aZip(second) },
    });
    expect((await load(github, { maxAttempt: 1 })).result).toMatchObject({
      kind: 'loaded',
      record: { id: '100-1' },
    });
    expect((await load(github)).result).toMatchObject({ kind: 'loaded', record: { id: '100-2' } });
  });
});
