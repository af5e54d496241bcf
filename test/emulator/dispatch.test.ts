import { beforeAll, describe, expect, it } from 'vitest';
import { useEmulatorWithRepo } from '../support/emulator.js';

const retry = `name: Nightly
run-name: "\${{ inputs.retry-of && format('Retry of #{0}', inputs.retry-of) || 'Nightly' }}"
on:
  workflow_dispatch:
    inputs:
      retry-of: { type: string, description: Run id or URL }
      retry-mode: { type: choice, options: [from-failure, all], default: from-failure }
      target: { type: string, required: true, default: prod }
      ticket: { type: string, required: true }
      dry-run: { type: boolean, default: false }
jobs:
  run:
    runs-on: ubuntu-latest
    steps: [{ run: echo }]
`;

const pushOnly = `name: Push only
on: push
jobs:
  run:
    runs-on: ubuntu-latest
    steps: [{ run: echo }]
`;

describe('workflow_dispatch', () => {
  const { gh, octokit } = useEmulatorWithRepo(
    {
      repo: 'acme/data',
      files: {
        '.github/workflows/nightly.yml': retry,
        '.github/workflows/push.yml': pushOnly,
        '.github/workflows/off.yml': retry,
      },
      branches: {
        'no-dispatch': { '.github/workflows/nightly.yml': pushOnly },
        'only-here': { '.github/workflows/branch-only.yml': retry },
      },
    },
    { per: 'block' },
  );

  beforeAll(async () => {
    gh.addTag('acme/data', 'v1.0.0');
    await octokit.actions.disableWorkflow({ owner: 'acme', repo: 'data', workflow_id: 'off.yml' });
  });

  const dispatch = async (workflow_id: string, ref: string, inputs: Record<string, unknown> = {}) =>
    await octokit.request('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', {
      owner: 'acme',
      repo: 'data',
      workflow_id,
      ref,
      inputs: inputs as Record<string, string>,
      return_run_details: true,
    } as never);

  it.each([
    {
      name: 'no dispatch trigger',
      workflow: 'push.yml',
      ref: 'main',
      inputs: {},
      status: 422,
      message: "Workflow does not have 'workflow_dispatch' trigger",
    },
    {
      name: 'trigger checked at the ref',
      workflow: 'nightly.yml',
      ref: 'no-dispatch',
      inputs: {},
      status: 422,
      message: "Workflow does not have 'workflow_dispatch' trigger",
    },
    {
      name: 'undeclared input',
      workflow: 'nightly.yml',
      ref: 'main',
      inputs: { ticket: 'T-1', foo: 'x' },
      status: 422,
      message: 'Unexpected inputs provided: ["foo"]',
    },
    {
      name: 'missing required input',
      workflow: 'nightly.yml',
      ref: 'main',
      inputs: {},
      status: 422,
      message: "Required input 'ticket' not provided",
    },
    {
      name: 'choice not in options',
      workflow: 'nightly.yml',
      ref: 'main',
      inputs: { ticket: 'T-1', 'retry-mode': 'some' },
      status: 422,
      message: "Provided value 'some' for input 'retry-mode' not in the list of allowed values",
    },
    {
      name: 'unknown branch',
      workflow: 'nightly.yml',
      ref: 'nope',
      inputs: { ticket: 'T-1' },
      status: 422,
      message: 'No ref found for: nope',
    },
    {
      name: 'pull request ref',
      workflow: 'nightly.yml',
      ref: 'refs/pull/1/merge',
      inputs: { ticket: 'T-1' },
      status: 422,
      message: 'No ref found for: refs/pull/1/merge',
    },
    {
      name: 'disabled workflow',
      workflow: 'off.yml',
      ref: 'main',
      inputs: { ticket: 'T-1' },
      status: 422,
      message: "Cannot trigger a 'workflow_dispatch' on a disabled workflow",
    },
    {
      name: 'inputs over 65,535 characters',
      workflow: 'nightly.yml',
      ref: 'main',
      inputs: { ticket: 'T-1', 'retry-of': 'x'.repeat(65_535) },
      status: 422,
      message: 'inputs are too large.',
    },
    {
      name: 'workflow not on the default branch',
      workflow: 'branch-only.yml',
      ref: 'only-here',
      inputs: { ticket: 'T-1' },
      status: 404,
      message: 'Not Found',
    },
  ])('answers $status for $name', async ({ workflow, ref, inputs, status, message }) => {
    await expect(dispatch(workflow, ref, inputs)).rejects.toMatchObject({
      status,
      response: { data: { message, status: String(status) } },
    });
  });

  it('rejects more than 25 inputs by the schema and records the violation', async () => {
    const inputs = Object.fromEntries(Array.from({ length: 26 }, (_, i) => [`input${i}`, 'x']));
    await expect(dispatch('nightly.yml', 'main', inputs)).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining(
        'body inputs: must NOT have more than 25 properties',
      ) as string,
    });
    expect(gh.takeViolations()).toMatchObject([
      { kind: 'request', subject: 'actions/create-workflow-dispatch' },
    ]);
  });

  it('creates the run at once and returns its details, with inputs, defaults and run-name', async () => {
    const response = await dispatch('nightly.yml', 'main', {
      ticket: 'T-9',
      'retry-of': '1234',
      'dry-run': true,
    });
    const runId = (response.data as { workflow_run_id: number }).workflow_run_id;
    const { data: run } = await octokit.actions.getWorkflowRun({
      owner: 'acme',
      repo: 'data',
      run_id: runId,
    });

    expect(response.status).toBe(200);
    expect(response.data).toEqual({
      workflow_run_id: runId,
      run_url: `${gh.url}/repos/acme/data/actions/runs/${runId}`,
      html_url: `https://github.com/acme/data/actions/runs/${runId}`,
    });
    expect(run).toMatchObject({
      event: 'workflow_dispatch',
      head_branch: 'main',
      head_sha: gh.headSha('acme/data'),
      display_title: 'Retry of #1234',
      name: 'Nightly',
      status: 'queued',
      run_attempt: 1,
    });
    expect(gh.eventPayload(runId)).toMatchObject({
      ref: 'refs/heads/main',
      workflow: '.github/workflows/nightly.yml',
      inputs: {
        ticket: 'T-9',
        'retry-of': '1234',
        'retry-mode': 'from-failure',
        target: 'prod',
        'dry-run': 'true',
      },
    });
  });

  it('answers 204 without return_run_details, and 200 with API version 2026-03-10', async () => {
    const plain = await octokit.actions.createWorkflowDispatch({
      owner: 'acme',
      repo: 'data',
      workflow_id: 'nightly.yml',
      ref: 'v1.0.0',
      inputs: { ticket: 'T-1' },
    });
    const versioned = await octokit.request(
      'POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches',
      {
        owner: 'acme',
        repo: 'data',
        workflow_id: 'nightly.yml',
        ref: 'main',
        inputs: { ticket: 'T-2' },
        headers: { 'x-github-api-version': '2026-03-10' },
      },
    );

    expect(plain.status).toBe(204);
    expect(versioned.status).toBe(200);
    const tagRun = gh.dispatches().find((entry) => entry.inputs.ticket === 'T-1');
    expect(tagRun).toMatchObject({
      ref: 'refs/tags/v1.0.0',
      workflowPath: '.github/workflows/nightly.yml',
      actor: 'acme',
    });
    expect(gh.run(tagRun!.runId).display_title).toBe('Nightly');
  });
});
