import { beforeEach, describe, expect, it } from 'vitest';
import { useEmulatorWithRepo } from '../support/emulator.js';

const workflow = (name: string): string => `name: ${name}
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo ${name}
`;

describe('check runs made with a GITHUB_TOKEN', () => {
  const { gh } = useEmulatorWithRepo({
    repo: 'acme/data',
    files: {
      '.github/workflows/a.yml': workflow('A'),
      '.github/workflows/b.yml': workflow('B'),
    },
  });

  it("join the oldest GitHub Actions suite on the commit, not their own run's", async () => {
    const { runs } = await gh.fire({
      kind: 'push',
      repo: 'acme/data',
      branch: 'main',
      files: { 'x.txt': 'x' },
    });
    const [first, second] = runs.map((id) => gh.run(id));
    expect(first!.check_suite_id).not.toBe(second!.check_suite_id);
    const token = gh.actionsToken({
      repo: 'acme/data',
      runId: Number(second!.id),
      permissions: { checks: 'write' },
    });
    const response = await fetch(`${gh.url}/repos/acme/data/check-runs`, {
      method: 'POST',
      headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'gh-retry', head_sha: second!.head_sha }),
    });
    expect(response.status).toBe(201);
    const check = (await response.json()) as { check_suite: { id: number }; app: { slug: string } };
    expect(check.app.slug).toBe('github-actions');
    expect(check.check_suite.id).toBe(first!.check_suite_id);
  });
});

describe('re-requested check suites', () => {
  const { gh } = useEmulatorWithRepo({ repo: 'acme/data', files: { 'README.md': 'data\n' } });

  const received: { event: string; payload: Record<string, unknown> }[] = [];
  beforeEach(() => {
    received.length = 0;
  });

  function install(events: string[], checks: 'read' | 'write' = 'write') {
    return gh.installApp({
      permissions: { checks },
      events,
      webhook: {
        kind: 'handler',
        handler: ({ headers, body }) => {
          received.push({
            event: headers['x-github-event'] ?? '',
            payload: JSON.parse(body) as Record<string, unknown>,
          });
        },
      },
    });
  }

  async function call(token: string, method: string, path: string, body?: unknown) {
    const response = await fetch(`${gh.url}/repos/acme/data${path}`, {
      method,
      headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  }

  async function completedCheck(token: string): Promise<{ id: number; suite: number }> {
    const created = await call(token, 'POST', '/check-runs', {
      name: 'gh-retry',
      head_sha: gh.headSha('acme/data'),
      conclusion: 'failure',
      output: { title: 'Failed', summary: 'It failed.' },
    });
    expect(created.status).toBe(201);
    const suite = (created.body.check_suite as { id: number }).id;
    return { id: created.body.id as number, suite };
  }

  it('"Re-run" on a check run queues its suite until the App writes to it again', async () => {
    const app = install(['check_run']);
    const token = gh.installationToken(app.installationId);
    const check = await completedCheck(token);
    expect(gh.checkSuite(check.suite)).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
    });

    await gh.fire({ kind: 'check_run.rerequested', checkRunId: check.id, user: 'acme' });
    const rerequested = received.find((d) => d.payload.action === 'rerequested');
    expect(rerequested?.payload.check_run).toMatchObject({
      status: 'completed',
      conclusion: 'failure',
      check_suite: { id: check.suite, status: 'queued', conclusion: null },
    });
    expect(gh.checkSuite(check.suite)).toMatchObject({ status: 'queued', conclusion: null });
    const got = await call(token, 'GET', `/check-suites/${check.suite}`);
    expect(got.body).toMatchObject({ status: 'queued', conclusion: null });

    const updated = await call(token, 'PATCH', `/check-runs/${check.id}`, {
      conclusion: 'success',
    });
    expect(updated.status).toBe(200);
    expect(gh.checkSuite(check.suite)).toMatchObject({
      status: 'completed',
      conclusion: 'success',
    });
    gh.expectNoViolations();
  });

  it('"Re-run all checks" sends check_suite.rerequested to the suite\'s App only, when it has checks write', async () => {
    const owner = install(['check_run', 'check_suite']);
    const other = install(['check_suite']);
    const check = await completedCheck(gh.installationToken(owner.installationId));

    await gh.fire({ kind: 'check_suite.rerequested', checkSuiteId: check.suite, user: 'acme' });
    const suites = gh.deliveries().filter((d) => d.event === 'check_suite');
    expect(suites.map((d) => ({ app: d.appId, action: d.action }))).toEqual([
      { app: owner.appId, action: 'rerequested' },
    ]);
    expect(suites[0]?.payload.check_suite).toMatchObject({
      id: check.suite,
      head_sha: gh.headSha('acme/data'),
      status: 'queued',
      conclusion: null,
      latest_check_runs_count: 1,
      app: { id: owner.appId },
    });
    expect(other.appId).not.toBe(owner.appId);
    expect(gh.checkSuite(check.suite)).toMatchObject({ status: 'queued', conclusion: null });
    gh.expectNoViolations();
  });

  it('POST …/check-suites/{id}/rerequest triggers it for the suite’s own App; another App may not', async () => {
    const owner = install(['check_suite'], 'write');
    const reader = install(['check_suite'], 'read');
    const ownerToken = gh.installationToken(owner.installationId);
    const check = await completedCheck(ownerToken);

    const refused = await call(
      gh.installationToken(reader.installationId),
      'POST',
      `/check-suites/${check.suite}/rerequest`,
    );
    expect(refused.status).toBe(403);
    const accepted = await call(ownerToken, 'POST', `/check-suites/${check.suite}/rerequest`);
    expect(accepted.status).toBe(201);
    await gh.idle();
    expect(
      gh.deliveries().map((d) => ({ app: d.appId, event: d.event, action: d.action })),
    ).toEqual([{ app: owner.appId, event: 'check_suite', action: 'rerequested' }]);

    const listed = await call(
      ownerToken,
      'GET',
      `/check-suites/${check.suite}/check-runs?check_name=gh-retry`,
    );
    expect(listed.body).toMatchObject({ total_count: 1, check_runs: [{ id: check.id }] });

    gh.expectNoViolations();
  });
});
