import { randomBytes } from 'node:crypto';
import { strToU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type GitHubEmulator } from '../../../test/emulator/index.js';
import { createGitHubClient } from './client.js';
import type { RunArtifactReader } from '../../ports/github-runs.js';
import { createRestRunReader } from './runs.js';

const WORKFLOW = `name: nightly
on: workflow_dispatch
jobs:
  dbt:
    runs-on: ubuntu-latest
    steps:
      - uses: ./
`;

describe('createRestRunReader against the GitHub emulator', () => {
  let gh: GitHubEmulator;
  let github: RunArtifactReader;
  let runId: number;
  const repo = { owner: 'acme', repo: 'warehouse' };

  beforeAll(async () => {
    gh = await startEmulator();
    gh.seedRepo({ repo: 'acme/warehouse', files: { '.github/workflows/nightly.yml': WORKFLOW } });
    runId = gh.addRun({
      repo: 'acme/warehouse',
      workflow: 'nightly.yml',
      conclusion: 'failure',
      event: 'schedule',
    });
    github = createRestRunReader(
      createGitHubClient({ token: gh.userToken('acme'), baseUrl: gh.url }),
    );
  });

  afterAll(async () => {
    await gh.stop();
  });

  it('reads a run', async () => {
    expect(await github.getWorkflowRun({ ...repo, runId })).toMatchObject({
      id: runId,
      attempt: 1,
      repository: 'acme/warehouse',
      workflowPath: '.github/workflows/nightly.yml',
      status: 'completed',
      conclusion: 'failure',
      event: 'schedule',
    });
  });

  it('answers null for a run that does not exist', async () => {
    expect(await github.getWorkflowRun({ ...repo, runId: 987654 })).toBeNull();
  });

  it('lists every artifact across pages, filtered by name prefix', async () => {
    const listed = gh.addRun({
      repo: 'acme/warehouse',
      workflow: 'nightly.yml',
      conclusion: 'success',
    });
    for (let i = 1; i <= 105; i++)
      gh.addArtifact({ runId: listed, name: `gh-retry-n${i}-1`, files: { a: 'x' } });
    gh.addArtifact({ runId: listed, name: 'coverage', files: { a: 'x' } });
    const all = await github.listRunArtifacts({ ...repo, runId: listed });
    expect(all).toHaveLength(106);
    const ours = await github.listRunArtifacts({ ...repo, runId: listed, namePrefix: 'gh-retry-' });
    expect(ours).toHaveLength(105);
    expect(ours[0]).toMatchObject({ expired: false, sizeInBytes: expect.any(Number) });
  });

  it('downloads an artifact zip through the redirect', async () => {
    const artifactId = gh.addArtifact({
      runId,
      name: 'gh-retry-dbt-1',
      files: { 'record.json': '{"x":1}' },
    });
    const download = await github.downloadArtifactZip({ ...repo, artifactId, maxBytes: 1_000_000 });
    expect(download.kind).toBe('downloaded');
    if (download.kind !== 'downloaded') return;
    expect(unzipSync(download.bytes)['record.json']).toEqual(strToU8('{"x":1}'));
  });

  it('stops reading past maxBytes', async () => {
    const artifactId = gh.addArtifact({
      runId,
      name: 'big',
      files: { 'a.bin': new Uint8Array(randomBytes(50_000)) },
    });
    expect(await github.downloadArtifactZip({ ...repo, artifactId, maxBytes: 1000 })).toEqual({
      kind: 'too-large',
      maxBytes: 1000,
    });
  });

  it('reports an expired artifact (410) and an unknown one (404)', async () => {
    const artifactId = gh.addArtifact({ runId, name: 'old', files: { a: 'x' } });
    gh.expireArtifact(artifactId);
    expect(await github.downloadArtifactZip({ ...repo, artifactId, maxBytes: 1000 })).toMatchObject(
      {
        kind: 'expired',
        message: expect.stringContaining('Artifact has expired'),
      },
    );
    expect(
      await github.downloadArtifactZip({ ...repo, artifactId: 424242, maxBytes: 1000 }),
    ).toEqual({ kind: 'not-found' });
  });
});
