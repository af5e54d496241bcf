import { createHmac } from 'node:crypto';
import { existsSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppCredentials } from '../emulator/index.js';
import { readManifest } from '../support/app/harness.js';
import { APP_BUNDLE, startAppProcess, type AppProcess } from '../support/app-process.js';
import { nightlyRepo } from '../support/app/workflows.js';
import { FAILED, openPullRequest, replies, requestsFromHere } from '../support/app/scenario.js';
import { commentRetry, useEmulatorWithRepo } from '../support/emulator.js';

const REPO = 'acme/warehouse';

describe.skipIf(!existsSync(APP_BUNDLE))('the App server (npm start) over HTTP', () => {
  const { gh } = useEmulatorWithRepo(nightlyRepo(REPO));
  let app: AppCredentials;
  let server: AppProcess;

  beforeEach(async () => {
    app = gh.installApp({ slug: 'gh-retry', ...readManifest() });
    // Also points the App's webhooks at the server.
    server = await startAppProcess({ gh, app });
  });

  afterEach(async () => {
    await server.stop();
  });

  it('answers a signed /retry delivery: reactions, one dispatch, one reply', async () => {
    const pull = await openPullRequest(
      { gh, repo: REPO, app },
      { head: 'feature', endings: { 'nightly.yml': FAILED } },
    );
    const parent = pull.runs['nightly.yml']!;
    const { commentId, deliveries } = await commentRetry(gh, { repo: REPO, issue: pull.number });
    await gh.idle();
    expect(deliveries.map((d) => d.status)).toEqual([200]);
    expect(gh.reactions(commentId).map((r) => r.content)).toEqual(['eyes', 'rocket']);
    expect(gh.dispatches().map((d) => d.inputs)).toEqual([
      { 'retry-of': String(parent), 'retry-mode': 'from-failure' },
    ]);
    expect(replies({ gh, repo: REPO, app }, pull.number)).toHaveLength(1);
    expect(gh.checkRuns().map((c) => c.external_id)).toEqual([String(parent)]);
    // No error was logged, and no secret reached the log.
    expect(server.output()).not.toMatch(/"level":(50|60)/);
    expect(server.output()).not.toContain(app.privateKey.split('\n')[1]!);
  });

  it('rejects a delivery whose signature does not match, and does nothing', async () => {
    const pull = gh.addPullRequest({ repo: REPO, head: 'feature' });
    const body = JSON.stringify({
      action: 'created',
      issue: { number: pull.number, pull_request: {} },
      comment: { id: 1, body: '/retry', user: { login: 'mona', type: 'User' } },
      repository: {
        name: 'warehouse',
        full_name: REPO,
        owner: { login: 'acme' },
        html_url: `https://github.com/${REPO}`,
      },
      sender: { login: 'mona', type: 'User' },
      installation: { id: app.installationId },
    });
    const forged = `sha256=${createHmac('sha256', 'not-the-secret').update(body).digest('hex')}`;
    const since = requestsFromHere({ gh, repo: REPO, app });
    const response = await fetch(`${server.url}/api/github/webhooks`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'issue_comment',
        'x-github-delivery': '6f0b9c1e-0000-4000-8000-000000000001',
        'x-hub-signature-256': forged,
      },
      body,
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(since()).toEqual([]);
    expect(gh.comments({ repo: REPO })).toEqual([]);
  });

  it('answers a health check and nothing else', async () => {
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    expect((await fetch(`${server.url}/elsewhere`)).status).toBe(404);
  });
});
