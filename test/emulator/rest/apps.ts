/**
 * GitHub App endpoints: the authenticated App, its installations, installation access tokens,
 * and the repositories an installation token can reach.
 */
import { createInstallationToken } from '../auth.js';
import type { Hub } from '../hub.js';
import { integrationView } from '../issue-views.js';
import { installationCovers } from '../state.js';
import type { InstallationRecord, Permissions, RepoRecord } from '../records.js';
import { repositoryView, userView } from '../views.js';
import {
  HttpError,
  notFound,
  numberParam,
  pageReply,
  paginate,
  requestRepo,
  type RestHandler,
  type RestRequest,
} from './request.js';

function callerAppId(request: RestRequest): number {
  if (request.principal?.kind !== 'app')
    throw new HttpError(401, 'A JSON web token could not be decoded');
  return request.principal.appId;
}

/** Repositories an installation covers. */
export function installationRepos(hub: Hub, installation: InstallationRecord): RepoRecord[] {
  return [...hub.state.repos.values()].filter((repo) => installationCovers(installation, repo));
}

function installationView(hub: Hub, installation: InstallationRecord): Record<string, unknown> {
  const app = hub.state.apps.get(installation.appId);
  if (!app) throw notFound();
  return {
    id: installation.id,
    account: userView(hub.view, installation.account),
    access_tokens_url: `${hub.config.apiUrl}/app/installations/${installation.id}/access_tokens`,
    repositories_url: `${hub.config.apiUrl}/installation/repositories`,
    html_url: `${hub.config.webUrl}/settings/installations/${installation.id}`,
    app_id: app.id,
    app_slug: app.slug,
    client_id: app.clientId,
    target_id: installation.account.id,
    target_type: installation.account.type === 'Organization' ? 'Organization' : 'User',
    permissions: app.permissions,
    events: app.events,
    created_at: app.createdAt,
    updated_at: app.createdAt,
    single_file_name: null,
    has_multiple_single_files: false,
    single_file_paths: [],
    repository_selection: installation.repositoryIds === 'all' ? 'all' : 'selected',
    suspended_by: null,
    suspended_at: null,
  };
}

function ownInstallation(hub: Hub, request: RestRequest): InstallationRecord {
  const installation = hub.state.installations.get(numberParam(request.path, 'installation_id'));
  if (installation?.appId !== callerAppId(request)) throw notFound();
  return installation;
}

/** Handlers by operation id. */
export const appHandlers: Readonly<Record<string, RestHandler>> = {
  'apps/get-authenticated': (request, hub) => {
    const app = hub.state.apps.get(callerAppId(request));
    if (!app) throw notFound();
    return { status: 200, body: integrationView(hub.view, app) };
  },
  'apps/list-installations': (request, hub) => {
    const appId = callerAppId(request);
    const installations = [...hub.state.installations.values()].filter(
      (installation) => installation.appId === appId,
    );
    return pageReply(request, installations, (installation) => installationView(hub, installation));
  },
  'apps/get-installation': (request, hub) => ({
    status: 200,
    body: installationView(hub, ownInstallation(hub, request)),
  }),
  'apps/get-repo-installation': (request, hub) => {
    const repo = requestRepo(request);
    const appId = callerAppId(request);
    const installation = [...hub.state.installations.values()].find(
      (candidate) => candidate.appId === appId && installationRepos(hub, candidate).includes(repo),
    );
    if (!installation) throw notFound();
    return { status: 200, body: installationView(hub, installation) };
  },
  'apps/create-installation-access-token': (request, hub) => {
    const installation = ownInstallation(hub, request);
    const body = (request.body ?? {}) as {
      permissions?: Permissions;
      repositories?: string[];
      repository_ids?: number[];
    };
    const token = createInstallationToken(hub.state, installation, body.permissions);
    const principal = token.principal;
    return {
      status: 201,
      body: {
        token: token.token,
        expires_at: token.expiresAt,
        permissions: principal.kind === 'installation' ? principal.permissions : {},
        repository_selection: installation.repositoryIds === 'all' ? 'all' : 'selected',
      },
    };
  },
  'apps/list-repos-accessible-to-installation': (request, hub) => {
    const principal = request.principal;
    if (principal?.kind !== 'installation')
      throw new HttpError(
        403,
        'You must authenticate with an installation access token in order to list repositories for an installation.',
      );
    const installation = hub.state.installations.get(principal.installationId);
    if (!installation) throw notFound();
    const repos = installationRepos(hub, installation);
    const page = paginate(request, repos);
    return {
      status: 200,
      headers: page.headers,
      body: {
        total_count: repos.length,
        repository_selection: installation.repositoryIds === 'all' ? 'all' : 'selected',
        repositories: page.items.map((repo) => repositoryView(hub.view, repo)),
      },
    };
  },
};
