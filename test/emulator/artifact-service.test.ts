import { fileURLToPath } from 'node:url';
import { Octokit } from '@octokit/rest';
import { beforeEach, describe, expect, it } from 'vitest';
import { useEmulatorWithRepo } from '../support/emulator.js';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

const producer = `name: Produce
on: workflow_dispatch
permissions:
  actions: read
  contents: read
jobs:
  produce:
    runs-on: ubuntu-latest
    steps:
      - uses: ./
        with:
          content: \${{ github.run_id }} attempt \${{ github.run_attempt }}
`;

const consumer = `name: Consume
on:
  workflow_dispatch:
    inputs:
      parent: { type: string, required: true }
permissions:
  actions: read
jobs:
  consume:
    runs-on: ubuntu-latest
    steps:
      - uses: ./
        with:
          parent-run: \${{ inputs.parent }}
          github-token: \${{ github.token }}
`;

describe('artifact service with the real @actions/artifact', () => {
  const { gh } = useEmulatorWithRepo({
    repo: 'acme/data',
    private: true,
    files: {
      '.github/workflows/produce.yml': producer,
      '.github/workflows/consume.yml': consumer,
    },
  });

  beforeEach(() => {
    gh.onWorkflow('.github/workflows/produce.yml', {
      command: [process.execPath, fixture('artifact-upload.mjs')],
    });
    gh.onWorkflow('.github/workflows/consume.yml', {
      command: [process.execPath, fixture('artifact-download.mjs')],
    });
  });

  it('uploads from one run and downloads from another with findBy', async () => {
    const parent = await gh.startRun({ repo: 'acme/data', workflow: 'produce.yml' });
    const produced = await gh.waitForRun(parent);
    expect(produced.conclusion, gh.jobResults(parent)[0]?.main?.stderr).toBe('success');

    const [artifact] = gh.artifacts(parent);
    expect(artifact).toMatchObject({
      name: 'record-1',
      expired: false,
      digest: expect.stringMatching(/^sha256:[0-9a-f]{64}$/) as string,
    });
    expect(new TextDecoder().decode(gh.artifactFiles(artifact!.id)['payload.txt'])).toBe(
      `${parent} attempt 1`,
    );

    const child = await gh.startRun({
      repo: 'acme/data',
      workflow: 'consume.yml',
      inputs: { parent: String(parent) },
    });
    const consumed = await gh.waitForRun(child);
    const job = gh.jobResults(child)[0];
    expect(consumed.conclusion, job?.main?.stderr).toBe('success');
    expect(JSON.parse(job?.main?.stdout.trim().split('\n').pop() ?? '{}')).toEqual({
      downloaded: artifact!.id,
      content: `${parent} attempt 1`,
      digestMismatch: false,
    });

    const calls = gh.requests().map((request) => request.operationId);
    expect(calls).toEqual(
      expect.arrayContaining([
        'twirp/CreateArtifact',
        'blob/put-block',
        'blob/put-block-list',
        'twirp/FinalizeArtifact',
        'actions/list-workflow-run-artifacts',
        'actions/download-artifact',
        'blob/get',
      ]),
    );
  });

  it('redirects zip downloads to the results origin, answers 410 once expired, keeps names unique and guards the bearer', async () => {
    const parent = await gh.startRun({ repo: 'acme/data', workflow: 'produce.yml' });
    await gh.waitForRun(parent);
    const [artifact] = gh.artifacts(parent);
    const octokit = new Octokit({
      auth: gh.userToken('acme'),
      baseUrl: gh.url,
      request: { redirect: 'manual' },
    });

    const download = await octokit.request(
      'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}',
      { owner: 'acme', repo: 'data', artifact_id: artifact!.id, archive_format: 'zip' },
    );
    expect(download.status).toBe(302);
    const location = (download.headers as Record<string, string>).location ?? '';
    expect(new URL(location).origin).toBe(new URL(gh.resultsUrl).origin);
    const zip = await fetch(location);
    expect(zip.headers.get('content-type')).toBe('application/zip');

    gh.expireArtifact(artifact!.id);
    await expect(
      octokit.request(
        'GET /repos/{owner}/{repo}/actions/artifacts/{artifact_id}/{archive_format}',
        { owner: 'acme', repo: 'data', artifact_id: artifact!.id, archive_format: 'zip' },
      ),
    ).rejects.toMatchObject({
      status: 410,
      message: expect.stringContaining('Artifact has expired') as string,
    });
    const listed = await octokit.actions.listWorkflowRunArtifacts({
      owner: 'acme',
      repo: 'data',
      run_id: parent,
    });
    expect(listed.data.artifacts[0]).toMatchObject({ id: artifact!.id, expired: true });

    const runtimeToken = gh.jobResults(parent)[0]?.env.ACTIONS_RUNTIME_TOKEN ?? '';
    const { scp } = JSON.parse(
      Buffer.from(runtimeToken.split('.')[1] ?? '', 'base64url').toString(),
    ) as { scp: string };
    const [, runBackendId, jobBackendId] = /Actions\.Results:(\S+):(\S+)/.exec(scp) ?? [];
    const twirp = async (token: string, body: Record<string, unknown>) =>
      await fetch(
        `${gh.resultsUrl}twirp/github.actions.results.api.v1.ArtifactService/CreateArtifact`,
        {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            workflow_run_backend_id: runBackendId,
            workflow_job_run_backend_id: jobBackendId,
            version: 7,
            ...body,
          }),
        },
      );
    const duplicate = await twirp(runtimeToken, { name: 'record-1' });
    expect(duplicate.status).toBe(409);
    expect(await duplicate.json()).toEqual({
      code: 'already_exists',
      msg: 'an artifact with this name already exists on the workflow run',
    });
    const stranger = await twirp('not-a-runtime-token', { name: 'other' });
    expect(stranger.status).toBe(401);
    expect(await stranger.json()).toEqual({ code: 'unauthenticated', msg: 'invalid auth token' });
  });
});
