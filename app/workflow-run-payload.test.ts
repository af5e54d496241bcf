import { describe, expect, it } from 'vitest';
import { toBotWorkflowRun } from '../src/adapters/github/workflow-run.js';
import { runFromPayload } from './workflow-run-payload.js';

const payloadRun = {
  id: 77,
  run_attempt: 2,
  run_number: 12,
  repository: { full_name: 'octo/data' },
  path: '.github/workflows/nightly.yml@refs/heads/release@2026',
  status: 'completed',
  conclusion: 'failure',
  html_url: 'https://github.com/octo/data/actions/runs/77',
  display_title: 'Nightly',
  head_sha: 'a'.repeat(40),
  head_branch: 'release@2026',
  event: 'schedule',
  workflow_id: 5,
  name: 'Nightly',
  head_repository: { full_name: 'octo/data' },
  created_at: '2026-11-20T10:00:00Z',
  updated_at: '2026-11-20T10:05:00Z',
  pull_requests: [{ number: 3 }],
};

describe('the run of a workflow_run payload', () => {
  it('is the run a REST read of it gives, workflow path normalised the same way', () => {
    const run = runFromPayload(payloadRun);
    expect(run).toEqual(toBotWorkflowRun(payloadRun));
    expect(run?.workflowPath).toBe('.github/workflows/nightly.yml');
  });

  it('is null when the payload lacks a field, so the handler reads the run instead', () => {
    const { head_sha: _dropped, ...partial } = payloadRun;
    expect(runFromPayload(partial)).toBeNull();
  });
});
