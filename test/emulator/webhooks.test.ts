import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { verify } from '@octokit/webhooks-methods';
import { Webhooks } from '@octokit/webhooks';
import { createNodeMiddleware, Probot, ProbotOctokit } from 'probot';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commentRetry, useEmulatorWithRepo } from '../support/emulator.js';
import type { DeliveryRecord } from './index.js';

describe('webhooks', () => {
  const { gh } = useEmulatorWithRepo({
    repo: 'acme/app',
    files: { '.github/gh-retry.yml': 'max-attempts: 4\n' },
  });
  let received: { headers: Record<string, string>; body: string }[];

  beforeEach(() => {
    gh.setPermission('acme/app', 'mona', 'write');
    received = [];
  });

  const collectingApp = (events: string[]) =>
    gh.installApp({
      permissions: { issues: 'write', checks: 'write', actions: 'read' },
      events,
      webhook: { kind: 'handler', handler: (delivery) => void received.push(delivery) },
    });

  it('signs deliveries so @octokit/webhooks verifies them, with GitHub headers and the installation', async () => {
    const app = collectingApp(['issue_comment']);
    const pr = gh.addPullRequest({ repo: 'acme/app', head: 'feature' });
    const { deliveries } = await commentRetry(gh, { repo: 'acme/app', issue: pr.number });

    const [delivery] = received;
    expect(deliveries).toHaveLength(1);
    expect(
      await verify(app.webhookSecret, delivery!.body, delivery!.headers['x-hub-signature-256']!),
    ).toBe(true);
    expect(
      await verify('another secret', delivery!.body, delivery!.headers['x-hub-signature-256']!),
    ).toBe(false);
    await expect(
      new Webhooks({ secret: app.webhookSecret }).verifyAndReceive({
        id: delivery!.headers['x-github-delivery']!,
        name: 'issue_comment',
        payload: delivery!.body,
        signature: delivery!.headers['x-hub-signature-256']!,
      }),
    ).resolves.toBeUndefined();
    expect(delivery!.headers).toMatchObject({
      'content-type': 'application/json',
      'x-github-event': 'issue_comment',
      'x-github-delivery': expect.stringMatching(/^[0-9a-f-]{36}$/) as string,
      'user-agent': expect.stringMatching(/^GitHub-Hookshot\//) as string,
    });
    const payload = JSON.parse(delivery!.body) as {
      action: string;
      installation: { id: number };
      issue: { number: number; pull_request?: unknown };
      comment: { body: string };
    };
    expect(payload).toMatchObject({
      action: 'created',
      installation: { id: app.installationId },
      issue: { number: pr.number, pull_request: expect.any(Object) as object },
      comment: { body: '/retry' },
    });
  });

  it('redelivers a past delivery with the same body and GUID', async () => {
    collectingApp(['issue_comment']);
    const pr = gh.addPullRequest({ repo: 'acme/app', head: 'feature' });
    const { deliveries } = await commentRetry(gh, { repo: 'acme/app', issue: pr.number });
    const again: DeliveryRecord = await gh.redeliver(deliveries[0]!.guid);

    expect(again).toMatchObject({
      guid: deliveries[0]!.guid,
      body: deliveries[0]!.body,
      redelivery: true,
      status: 200,
    });
    expect(received.map((delivery) => delivery.headers['x-github-delivery'])).toEqual([
      deliveries[0]!.guid,
      deliveries[0]!.guid,
    ]);
  });

  it('delivers only subscribed events, and check-run requests only to the owning App', async () => {
    const owner = collectingApp(['check_run']);
    const others: string[] = [];
    gh.installApp({
      permissions: { checks: 'write' },
      events: ['check_run'],
      webhook: {
        kind: 'handler',
        handler: ({ body }) => void others.push(JSON.parse(body).action),
      },
    });
    const headSha = gh.headSha('acme/app');
    const token = gh.installationToken(owner.installationId);
    const response = await fetch(`${gh.url}/repos/acme/app/check-runs`, {
      method: 'POST',
      headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        name: 'gh-retry',
        head_sha: headSha,
        conclusion: 'failure',
        output: { title: 'failed', summary: 'dbt run failed' },
        actions: [
          { label: 'Retry all', description: 'Run every step again', identifier: 'retry-all' },
        ],
      }),
    });
    const check = (await response.json()) as { id: number };
    await gh.idle();
    const { deliveries } = await gh.fire({
      kind: 'check_run.requested_action',
      checkRunId: check.id,
      identifier: 'retry-all',
      user: 'mona',
    });

    expect(response.status).toBe(201);
    expect(deliveries.map((delivery) => [delivery.appId, delivery.action])).toEqual([
      [owner.appId, 'requested_action'],
    ]);
    expect(JSON.parse(received.at(-1)!.body)).toMatchObject({
      action: 'requested_action',
      requested_action: { identifier: 'retry-all' },
      sender: { login: 'mona' },
    });
    expect(others).toEqual(['created', 'completed']);
    await expect(
      gh.fire({
        kind: 'check_run.requested_action',
        checkRunId: check.id,
        identifier: 'nope',
        user: 'mona',
      }),
    ).rejects.toThrow(/no button 'nope'/);
  });

  describe('with a Probot app over HTTP', () => {
    let server: Server | undefined;

    afterEach(async () => {
      server?.closeAllConnections();
      await new Promise((resolve) => server?.close(resolve));
    });

    it('authenticates as the App, reads config as raw contents, reacts and replies', async () => {
      const app = gh.installApp({
        permissions: { issues: 'write', pull_requests: 'write', contents: 'read' },
        events: ['issue_comment'],
      });
      const probot = new Probot({
        appId: app.appId,
        privateKey: app.privateKey,
        secret: app.webhookSecret,
        baseUrl: gh.url,
        Octokit: ProbotOctokit.defaults((options: object) => ({
          ...options,
          retry: { enabled: false },
          throttle: { enabled: false },
        })),
        logLevel: 'warn',
      });
      const seen: string[] = [];
      const middleware = await createNodeMiddleware(
        (bot) => {
          bot.on('issue_comment.created', async (context) => {
            seen.push(context.payload.comment.user?.login ?? '');
            if (context.isBot) return;
            await context.octokit.rest.reactions.createForIssueComment(
              context.repo({ comment_id: context.payload.comment.id, content: 'eyes' as const }),
            );
            const config = (await context.config<{ 'max-attempts': number }>('gh-retry.yml')) ?? {
              'max-attempts': 0,
            };
            await context.octokit.rest.issues.createComment(
              context.issue({ body: `max-attempts is ${config['max-attempts']}` }),
            );
          });
        },
        { probot },
      );
      server = createServer((request, response) => void middleware(request, response));
      await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
      gh.setWebhookTarget(app.appId, {
        kind: 'url',
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`,
      });

      const pr = gh.addPullRequest({ repo: 'acme/app', head: 'feature' });
      const { commentId, deliveries } = await commentRetry(gh, {
        repo: 'acme/app',
        issue: pr.number,
      });
      await gh.idle();

      expect(deliveries[0]?.status).toBe(200);
      expect(gh.reactions(commentId)).toMatchObject([
        { content: 'eyes', user: { login: app.botLogin, type: 'Bot' } },
      ]);
      expect(
        gh.comments({ issue: pr.number }).map((comment) => [comment.user?.login, comment.body]),
      ).toEqual([
        ['mona', '/retry'],
        [app.botLogin, 'max-attempts is 4'],
      ]);
      // GitHub delivers the App's own comment back to it; the handler must ignore it.
      expect(seen).toEqual(['mona', app.botLogin]);
      expect(gh.requests().map((request) => request.operationId)).toEqual(
        expect.arrayContaining([
          'apps/create-installation-access-token',
          'reactions/create-for-issue-comment',
          'repos/get-content',
          'issues/create-comment',
        ]),
      );
    });
  });
});
