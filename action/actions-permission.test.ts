import { describe, expect, it } from 'vitest';
import { UserError } from '../src/core/errors.js';
import { createGitHubClient } from '../src/adapters/github/client.js';
import { createRestRunReader } from '../src/adapters/github/runs.js';
import { eachEmulatorWithRepo, oneJobWorkflow } from '../test/support/emulator-repo.js';
import { missingActionsPermission, withActionsPermissionHint } from './actions-permission.js';

// A workflow whose `permissions:` omits `actions` gets a token GitHub refuses Actions reads to.
describe('a GITHUB_TOKEN without actions: read', () => {
  const gh = eachEmulatorWithRepo({
    private: true,
    files: { '.github/workflows/nightly.yml': oneJobWorkflow('workflow_dispatch') },
  });

  const githubWith = (permissions: Record<string, 'read' | 'write'>) => {
    const runId = gh().addRun({
      repo: 'acme/data',
      workflow: 'nightly.yml',
      conclusion: 'failure',
    });
    const token = gh().actionsToken({ repo: 'acme/data', runId, permissions });
    const client = createGitHubClient({ token, baseUrl: gh().url });
    return { runId, github: createRestRunReader(client) };
  };

  it('names the line to add instead of a raw 403', async () => {
    const { runId, github } = githubWith({ contents: 'read' });
    const hinted = withActionsPermissionHint(github, '.github/workflows/nightly.yml');
    const read = hinted.getWorkflowRun({ owner: 'acme', repo: 'data', runId });
    await expect(read).rejects.toBeInstanceOf(UserError);
    await expect(read).rejects.toThrow(missingActionsPermission('.github/workflows/nightly.yml'));
    await expect(hinted.listRunArtifacts({ owner: 'acme', repo: 'data', runId })).rejects.toThrow(
      /add the line `actions: read` under `permissions:` in \.github\/workflows\/nightly\.yml/,
    );
    // Without the hint, GitHub's raw answer.
    await expect(
      github.getWorkflowRun({ owner: 'acme', repo: 'data', runId }),
    ).rejects.toMatchObject({
      status: 403,
    });
  });

  it('reads the run when the workflow grants actions: read', async () => {
    const { runId, github } = githubWith({ actions: 'read', contents: 'read' });
    const hinted = withActionsPermissionHint(github, null);
    await expect(
      hinted.getWorkflowRun({ owner: 'acme', repo: 'data', runId }),
    ).resolves.toMatchObject({
      id: runId,
    });
  });
});
