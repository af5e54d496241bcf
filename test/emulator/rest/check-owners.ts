/**
 * Who owns a check run and where it lands: the `github-actions` App behind `GITHUB_TOKEN`
 * writes, the App a request acts for, and the check suite a new check run joins. The check
 * endpoints themselves are in checks.ts.
 */
import { generateKeyPairSync } from 'node:crypto';
import type { Hub } from '../hub.js';
import type { AppRecord } from '../records.js';
import { HttpError, type RestRequest } from './request.js';

/** The `github-actions` App, owner of check runs created with a `GITHUB_TOKEN`. */
export function actionsApp(hub: Hub): AppRecord {
  const existing = [...hub.state.apps.values()].find((app) => app.slug === 'github-actions');
  if (existing) return existing;
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const owner = hub.state.ensureUser('github', 'Organization');
  const app: AppRecord = {
    id: 15368,
    slug: 'github-actions',
    name: 'GitHub Actions',
    clientId: 'Iv1.github-actions',
    owner,
    botUser: hub.state.ensureUser('github-actions[bot]', 'Bot'),
    privateKey: '',
    publicKey,
    webhookSecret: '',
    permissions: { actions: 'write', checks: 'write', contents: 'write', metadata: 'read' },
    events: [],
    createdAt: '2018-07-30T09:30:17Z',
    target: undefined,
  };
  hub.state.apps.set(app.id, app);
  return app;
}

/** The App a request acts for: its installation's App, or GitHub Actions for a `GITHUB_TOKEN`. */
export function callerApp(request: RestRequest, hub: Hub): AppRecord {
  const principal = request.principal;
  if (principal?.kind === 'installation') {
    const app = hub.state.apps.get(principal.appId);
    if (app) return app;
  }
  if (principal?.kind === 'actions') return actionsApp(hub);
  throw new HttpError(403, 'You must authenticate via a GitHub App.');
}

/**
 * The suite a new check run joins: the App's own suite on the commit; for a `GITHUB_TOKEN`, one of
 * GitHub Actions' suites on the commit — GitHub offers no way to choose, and in practice the check
 * run lands in the oldest workflow run's suite, whichever run created it (community discussion
 * 24616) — else an Actions suite of its own.
 */
export function suiteFor(
  hub: Hub,
  request: RestRequest,
  params: { repoId: number; headSha: string; appId: number },
): number {
  if (request.principal?.kind === 'actions') {
    const runs = [...hub.state.runs.values()].filter(
      (run) => run.repoId === params.repoId && run.headSha === params.headSha,
    );
    const oldest = runs.sort((a, b) => a.id - b.id)[0];
    if (oldest) return oldest.checkSuiteId;
  }
  return hub.state.checkSuiteId(params.repoId, params.headSha, `app:${params.appId}`);
}
