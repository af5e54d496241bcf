import { describe, expect, it } from 'vitest';
import { findOperation, validateRequest, validateResponse } from './spec.js';
import { validateWebhookPayload } from './webhook-spec.js';

describe('REST description', () => {
  it.each([
    [
      'POST',
      '/repos/o/r/actions/workflows/ci.yml/dispatches',
      'actions/create-workflow-dispatch',
      { workflow_id: 'ci.yml' },
    ],
    [
      'GET',
      '/repos/o/r/actions/artifacts/5/zip',
      'actions/download-artifact',
      { artifact_id: '5', archive_format: 'zip' },
    ],
    [
      'GET',
      '/repos/o/r/contents/.github/gh-retry.yml',
      'repos/get-content',
      { path: '.github/gh-retry.yml' },
    ],
    [
      'POST',
      '/app/installations/2/access_tokens',
      'apps/create-installation-access-token',
      { installation_id: '2' },
    ],
    [
      'POST',
      '/repos/o/r/actions/runs/9/rerun-failed-jobs',
      'actions/re-run-workflow-failed-jobs',
      { run_id: '9' },
    ],
  ])('%s %s → %s', (method, path, operationId, params) => {
    const match = findOperation(method, path);
    expect(match?.operationId).toBe(operationId);
    expect(match?.params).toMatchObject(params);
  });

  it('returns undefined for paths GitHub does not have', () => {
    expect(findOperation('GET', '/repos/o/r/nothing-here')).toBeUndefined();
  });

  it('names the failing parameters and body fields', () => {
    const match = findOperation('GET', '/repos/o/r/actions/runs/abc')!;
    expect(
      validateRequest(match, {
        query: new URLSearchParams('exclude_pull_requests=maybe&colour=red'),
        body: undefined,
        hasBody: false,
      }).problems,
    ).toEqual([
      "path parameter 'run_id': must be integer",
      "query parameter 'exclude_pull_requests': must be boolean",
      "query parameter 'colour' is not defined",
    ]);
    const reactions = findOperation('POST', '/repos/o/r/issues/comments/1/reactions')!;
    expect(
      validateRequest(reactions, {
        query: new URLSearchParams(),
        body: { content: 'party' },
        hasBody: true,
      }).problems,
    ).toEqual([
      'body content: must be equal to one of the allowed values (["+1","-1","laugh","confused","heart","hooray","rocket","eyes"])',
    ]);
  });

  it('names the field a response lacks', () => {
    const match = findOperation('GET', '/repos/o/r/actions/artifacts/5')!;
    const problems = validateResponse(match, 200, {
      id: 5,
      node_id: 'x',
      name: 'a',
      size_in_bytes: 1,
      url: 'http://x',
      archive_download_url: 'http://x',
      created_at: null,
      expires_at: null,
      updated_at: null,
    });
    expect(problems).toEqual(["response 200 expired: must have required property 'expired'"]);
    expect(
      validateResponse(match, 404, {
        message: 'Not Found',
        documentation_url: 'https://docs.github.com/rest',
        status: '404',
      }),
    ).toEqual([]);
    expect(validateResponse(match, 201, {})).toEqual(['status 201 is not a documented response']);
  });

  it('validates webhook payloads against @octokit/openapi-webhooks', () => {
    expect(validateWebhookPayload('workflow_run', 'completed', { action: 'completed' })).toEqual(
      expect.arrayContaining([
        "webhook-workflow-run-completed repository: must have required property 'repository'",
      ]),
    );
    expect(validateWebhookPayload('no_such_event', undefined, {})).toEqual([
      'no webhook schema named webhook-no-such-event',
    ]);
  });
});
