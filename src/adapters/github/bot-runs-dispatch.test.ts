import { Octokit } from '@octokit/rest';
import { describe, expect, it } from 'vitest';
import { eachEmulatorWithRepo, oneJobWorkflow } from '../../../test/support/emulator-repo.js';
import { createGitHubClient } from './client.js';
import { createRestGitHubBot } from './bot.js';

// GitHub answers 422 both to a workflow without a `workflow_dispatch` trigger and to a disabled
// workflow; only the first may fall back to a native re-run.
describe('dispatchWorkflow', () => {
  const gh = eachEmulatorWithRepo({
    files: {
      '.github/workflows/nightly.yml': oneJobWorkflow('[workflow_dispatch, schedule]'),
      '.github/workflows/ci.yml': oneJobWorkflow('push'),
    },
  });

  const bot = () =>
    createRestGitHubBot(createGitHubClient({ token: gh().userToken('acme'), baseUrl: gh().url }));
  const dispatch = async (file: string) => {
    const octokit = new Octokit({ auth: gh().userToken('acme'), baseUrl: gh().url });
    const workflow = await octokit.actions.getWorkflow({
      owner: 'acme',
      repo: 'data',
      workflow_id: file,
    });
    return await bot().dispatchWorkflow({
      owner: 'acme',
      repo: 'data',
      workflowId: workflow.data.id,
      ref: 'main',
      inputs: {},
    });
  };

  it('tells a missing trigger from a disabled workflow', async () => {
    await expect(dispatch('ci.yml')).resolves.toMatchObject({ kind: 'no-dispatch-trigger' });
    const octokit = new Octokit({ auth: gh().userToken('acme'), baseUrl: gh().url });
    await octokit.actions.disableWorkflow({
      owner: 'acme',
      repo: 'data',
      workflow_id: 'nightly.yml',
    });
    await expect(dispatch('nightly.yml')).resolves.toEqual({
      kind: 'rejected',
      status: 422,
      message: "Cannot trigger a 'workflow_dispatch' on a disabled workflow",
    });
  });
});
