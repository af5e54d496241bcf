import { Octokit } from '@octokit/rest';
import { describe, expect, it } from 'vitest';
import { useEmulatorWithRepo } from '../support/emulator.js';

const ci = `name: CI
on: [push, workflow_dispatch]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - run: npm test
`;

describe('REST API', () => {
  const { gh, octokit } = useEmulatorWithRepo({
    repo: 'acme/app',
    private: true,
    files: { '.github/workflows/ci.yml': ci, '.github/gh-retry.yml': 'max-attempts: 3\n' },
    branches: { feature: { 'src/a.ts': 'export {};\n' } },
  });

  it('lists runs with filters and paginates with Link headers', async () => {
    for (let i = 0; i < 23; i++)
      gh.addRun({
        repo: 'acme/app',
        workflow: 'ci.yml',
        conclusion: i % 2 ? 'success' : 'failure',
      });
    gh.addRun({
      repo: 'acme/app',
      workflow: 'ci.yml',
      conclusion: 'failure',
      branch: 'feature',
      event: 'pull_request',
    });

    const all = await octokit.paginate(octokit.actions.listWorkflowRunsForRepo, {
      owner: 'acme',
      repo: 'app',
      per_page: 10,
    });
    const failedOnFeature = await octokit.actions.listWorkflowRuns({
      owner: 'acme',
      repo: 'app',
      workflow_id: 'ci.yml',
      branch: 'feature',
      status: 'failure',
    });
    const firstPage = await octokit.actions.listWorkflowRunsForRepo({
      owner: 'acme',
      repo: 'app',
      per_page: 10,
    });

    expect(all).toHaveLength(24);
    expect(all.map((run) => run.id)).toEqual([...all.map((run) => run.id)].sort((a, b) => b - a));
    expect(failedOnFeature.data).toMatchObject({
      total_count: 1,
      workflow_runs: [{ head_branch: 'feature', event: 'pull_request', conclusion: 'failure' }],
    });
    expect(firstPage.headers.link).toMatch(/page=2>; rel="next", <[^>]+page=3>; rel="last"/);
    expect(
      gh
        .requests()
        .filter((request) => request.operationId === 'actions/list-workflow-runs-for-repo'),
    ).toHaveLength(4);
  });

  it('serves the same API under /api/v3 for GHE-style clients', async () => {
    const ghe = new Octokit({ auth: gh.userToken('acme'), baseUrl: `${gh.url}/api/v3` });
    const { data } = await ghe.repos.get({ owner: 'acme', repo: 'app' });
    expect(data).toMatchObject({ full_name: 'acme/app', private: true, default_branch: 'main' });
  });

  it('rejects a request that breaks the spec, naming the operation and the field', async () => {
    await expect(
      octokit.request('POST /repos/{owner}/{repo}/actions/workflows/{workflow_id}/dispatches', {
        owner: 'acme',
        repo: 'app',
        workflow_id: 'ci.yml',
        inputs: {},
      } as never),
    ).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining("body ref: must have required property 'ref'") as string,
    });
    await expect(
      octokit.request('GET /repos/{owner}/{repo}/actions/runs', {
        owner: 'acme',
        repo: 'app',
        status: 'broken' as never,
      }),
    ).rejects.toMatchObject({ status: 422 });

    const violations = gh.takeViolations();
    expect(violations.map((violation) => [violation.kind, violation.subject])).toEqual([
      ['request', 'actions/create-workflow-dispatch'],
      ['request', 'actions/list-workflow-runs-for-repo'],
    ]);
    expect(violations[1]?.message).toContain(
      "query parameter 'status': must be equal to one of the allowed values",
    );
  });

  it('records unknown and unimplemented endpoints as violations', async () => {
    await expect(
      octokit.request('GET /repos/{owner}/{repo}/no-such-thing', { owner: 'acme', repo: 'app' }),
    ).rejects.toMatchObject({ status: 404 });
    await expect(octokit.repos.listReleases({ owner: 'acme', repo: 'app' })).rejects.toMatchObject({
      status: 501,
    });
    expect(gh.takeViolations().map((violation) => violation.kind)).toEqual([
      'unknown-endpoint',
      'unimplemented',
    ]);
  });

  it('authenticates and authorizes like GitHub', async () => {
    const anonymous = new Octokit({ baseUrl: gh.url });
    const app = gh.installApp({ permissions: { actions: 'read', contents: 'read' }, events: [] });
    const readOnly = new Octokit({
      auth: gh.installationToken(app.installationId),
      baseUrl: gh.url,
    });

    await expect(anonymous.repos.get({ owner: 'acme', repo: 'app' })).rejects.toMatchObject({
      status: 404,
    });
    await expect(anonymous.apps.getAuthenticated()).rejects.toMatchObject({
      status: 401,
      message: expect.stringContaining('Requires authentication') as string,
    });
    await expect(
      new Octokit({ auth: 'ghp_unknown', baseUrl: gh.url }).repos.get({
        owner: 'acme',
        repo: 'app',
      }),
    ).rejects.toMatchObject({
      status: 401,
      message: expect.stringContaining('Bad credentials') as string,
    });
    await expect(
      readOnly.actions.listWorkflowRunsForRepo({ owner: 'acme', repo: 'app' }),
    ).resolves.toMatchObject({ status: 200 });
    await expect(
      readOnly.actions.createWorkflowDispatch({
        owner: 'acme',
        repo: 'app',
        workflow_id: 'ci.yml',
        ref: 'main',
      }),
    ).rejects.toMatchObject({
      status: 403,
      message: expect.stringContaining('Resource not accessible by integration') as string,
    });
  });

  it('serves contents as raw text or as a base64 content object', async () => {
    const raw = await octokit.repos.getContent({
      owner: 'acme',
      repo: 'app',
      path: '.github/gh-retry.yml',
      mediaType: { format: 'raw' },
    });
    const json = await octokit.repos.getContent({
      owner: 'acme',
      repo: 'app',
      path: '.github/gh-retry.yml',
      ref: 'feature',
    });
    const dir = await octokit.repos.getContent({
      owner: 'acme',
      repo: 'app',
      path: 'src',
      ref: 'feature',
    });

    expect(raw.data).toBe('max-attempts: 3\n');
    expect(raw.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(Buffer.from((json.data as { content: string }).content, 'base64').toString()).toBe(
      'max-attempts: 3\n',
    );
    expect(dir.data).toMatchObject([{ type: 'file', path: 'src/a.ts' }]);
    await expect(
      octokit.repos.getContent({ owner: 'acme', repo: 'app', path: '.github/missing.yml' }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it.each([
    ['admin', 'admin'],
    ['maintain', 'write'],
    ['write', 'write'],
    ['triage', 'read'],
    ['read', 'read'],
    ['none', 'none'],
  ] as const)('maps the %s role to the legacy %s permission', async (role, permission) => {
    gh.setPermission('acme/app', 'mona', role);
    const { data } = await octokit.repos.getCollaboratorPermissionLevel({
      owner: 'acme',
      repo: 'app',
      username: 'mona',
    });
    expect(data).toMatchObject({ permission, role_name: role, user: { login: 'mona' } });
  });

  it('answers injected faults for the next requests of an operation', async () => {
    gh.setPermission('acme/app', 'mona', 'write');
    gh.failNext('repos/get-collaborator-permission-level', { status: 502, message: 'Bad Gateway' });
    const lookup = async () =>
      await octokit.repos.getCollaboratorPermissionLevel({
        owner: 'acme',
        repo: 'app',
        username: 'mona',
      });

    await expect(lookup()).rejects.toMatchObject({
      status: 502,
      message: expect.stringContaining('Bad Gateway') as string,
    });
    await expect(lookup()).resolves.toMatchObject({ data: { permission: 'write' } });
  });

  it('answers 404 for a user that does not exist', async () => {
    await expect(
      octokit.repos.getCollaboratorPermissionLevel({
        owner: 'acme',
        repo: 'app',
        username: 'ghost',
      }),
    ).rejects.toMatchObject({ status: 404 });
  });

  it('creates comments, reactions (201, then 200 when it exists) and reads pull requests', async () => {
    const fork = gh.addPullRequest({
      repo: 'acme/app',
      head: 'fix',
      fork: 'outsider',
      title: 'Fix it',
    });
    const comment = await octokit.issues.createComment({
      owner: 'acme',
      repo: 'app',
      issue_number: fork.number,
      body: 'hello',
    });
    const first = await octokit.reactions.createForIssueComment({
      owner: 'acme',
      repo: 'app',
      comment_id: comment.data.id,
      content: 'eyes',
    });
    const again = await octokit.reactions.createForIssueComment({
      owner: 'acme',
      repo: 'app',
      comment_id: comment.data.id,
      content: 'eyes',
    });
    const pull = await octokit.pulls.get({ owner: 'acme', repo: 'app', pull_number: fork.number });

    expect([first.status, again.status]).toEqual([201, 200]);
    expect(gh.reactions(comment.data.id)).toHaveLength(1);
    expect(gh.comments({ repo: 'acme/app', issue: fork.number })).toMatchObject([
      { body: 'hello', user: { login: 'acme' } },
    ]);
    expect(pull.data).toMatchObject({
      head: { sha: fork.headSha, ref: 'fix', repo: { full_name: 'outsider/app', fork: true } },
      base: { repo: { full_name: 'acme/app' } },
    });
  });

  it('creates and updates check runs with buttons for the App that owns them', async () => {
    const app = gh.installApp({ permissions: { checks: 'write' }, events: [] });
    const bot = new Octokit({ auth: gh.installationToken(app.installationId), baseUrl: gh.url });
    const headSha = gh.headSha('acme/app');
    const created = await bot.checks.create({
      owner: 'acme',
      repo: 'app',
      name: 'gh-retry',
      head_sha: headSha,
      status: 'in_progress',
    });
    const updated = await bot.checks.update({
      owner: 'acme',
      repo: 'app',
      check_run_id: created.data.id,
      conclusion: 'failure',
      output: { title: 'dbt run failed', summary: '2 models failed' },
      actions: [
        {
          label: 'Retry from failure',
          description: 'Re-run the failed dbt models',
          identifier: 'retry',
        },
      ],
    });

    expect(updated.data).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      app: { slug: app.slug },
    });
    expect(gh.checkRuns({ headSha })).toMatchObject([
      { id: created.data.id, actions: [{ identifier: 'retry' }] },
    ]);
    await expect(
      octokit.checks.update({
        owner: 'acme',
        repo: 'app',
        check_run_id: created.data.id,
        status: 'queued',
      }),
    ).rejects.toMatchObject({ status: 403 });
  });
});
