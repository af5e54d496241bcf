import { describe, expect, it } from 'vitest';
import { eachEmulatorWithRepo, oneJobWorkflow } from '../../../test/support/emulator-repo.js';
import { createGitHubClient } from './client.js';
import { createRestGitHubBot } from './bot.js';

// The CLI's client (createGitHubClient: Octokit's retry and throttling plugins) against GitHub's
// rate-limit answers: it waits as GitHub says (reset time or retry-after), then succeeds; it gives
// up after two waits; and a rate-limited dispatch is sent again once, so it starts one run.
describe('the GitHub client and rate limits', () => {
  const gh = eachEmulatorWithRepo({
    files: { '.github/workflows/nightly.yml': oneJobWorkflow('workflow_dispatch') },
  });

  const client = () => createGitHubClient({ token: gh().userToken('acme'), baseUrl: gh().url });
  const statusesOf = (operationId: string) =>
    gh()
      .requests()
      .filter((r) => r.operationId === operationId)
      .map((r) => r.status);

  it.each([
    { kind: 'primary', status: 403 },
    { kind: 'primary', status: 429 },
    { kind: 'secondary', status: 403 },
    { kind: 'secondary', status: 429 },
  ] as const)('waits out a $kind limit ($status) and succeeds', async ({ kind, status }) => {
    gh().rateLimitNext('repos/get', { kind, status, waitSeconds: 1 });
    const response = await client().rest.repos.get({ owner: 'acme', repo: 'data' });

    expect(response.status).toBe(200);
    expect(statusesOf('repos/get')).toEqual([status, 200]);
  });

  it('gives up after two waits with GitHub’s answer', async () => {
    gh().rateLimitNext('repos/get', { kind: 'secondary', waitSeconds: 1, times: 3 });
    await expect(client().rest.repos.get({ owner: 'acme', repo: 'data' })).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('You have exceeded a secondary rate limit') as string,
    });
    expect(statusesOf('repos/get')).toEqual([403, 403, 403]);
  });

  it('dispatches once when the first dispatch was rate limited', async () => {
    const workflow = await client().rest.actions.getWorkflow({
      owner: 'acme',
      repo: 'data',
      workflow_id: 'nightly.yml',
    });
    gh().rateLimitNext('actions/create-workflow-dispatch', { kind: 'secondary', waitSeconds: 1 });
    const outcome = await createRestGitHubBot(client()).dispatchWorkflow({
      owner: 'acme',
      repo: 'data',
      workflowId: workflow.data.id,
      ref: 'main',
      inputs: {},
    });

    expect(outcome).toMatchObject({ kind: 'dispatched' });
    expect(statusesOf('actions/create-workflow-dispatch')).toEqual([403, 200]);
    expect(gh().dispatches()).toHaveLength(1);
    expect(gh().runs('acme/data')).toHaveLength(1);
  });
});
