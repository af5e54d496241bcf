/**
 * Repositories, contents (JSON or raw, as Probot's config loader reads them), collaborator
 * permission levels, and pull requests.
 */
import { createHash } from 'node:crypto';
import type { Hub } from '../hub.js';
import { pullRequestView } from '../issue-views.js';
import { fullName } from '../state.js';
import type { RepoRecord, Role } from '../records.js';
import { repositoryView, userView } from '../views.js';
import {
  HttpError,
  notFound,
  numberParam,
  pageReply,
  requestRepo,
  stringParam,
  type RestHandler,
  type RestRequest,
} from './request.js';

function blobSha(content: string): string {
  const bytes = Buffer.from(content, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

function contentEntry(
  hub: Hub,
  repo: RepoRecord,
  params: { path: string; ref: string; content?: string; type: 'file' | 'dir' },
): Record<string, unknown> {
  const api = `${hub.config.apiUrl}/repos/${fullName(repo)}`;
  const url = `${api}/contents/${params.path}?ref=${encodeURIComponent(params.ref)}`;
  const sha =
    params.content === undefined
      ? createHash('sha1').update(`tree:${params.path}`).digest('hex')
      : blobSha(params.content);
  const html = `${hub.config.webUrl}/${fullName(repo)}/${params.type === 'file' ? 'blob' : 'tree'}/${params.ref}/${params.path}`;
  const git = `${api}/git/${params.type === 'file' ? 'blobs' : 'trees'}/${sha}`;
  return {
    type: params.type,
    size: params.content === undefined ? 0 : Buffer.byteLength(params.content),
    name: params.path.split('/').pop() ?? params.path,
    path: params.path,
    sha,
    url,
    git_url: git,
    html_url: html,
    download_url:
      params.type === 'file'
        ? `https://raw.githubusercontent.com/${fullName(repo)}/${params.ref}/${params.path}`
        : null,
    _links: { self: url, git, html },
  };
}

const getContent: RestHandler = (request, hub) => {
  const repo = requestRepo(request);
  const ref = stringParam(request.query, 'ref') ?? repo.defaultBranch;
  const sha = hub.state.resolveRef(repo, ref);
  if (!sha) throw new HttpError(404, `No commit found for the ref ${ref}`);
  const files = hub.state.commits.get(sha)?.files ?? new Map<string, string>();
  const path = String(request.path.path).replace(/^\/+|\/+$/g, '');
  const content = files.get(path);
  if (content !== undefined) {
    const accept = request.headers.accept ?? '';
    if (/application\/vnd\.github(\.v3)?\.raw/.test(accept))
      return { status: 200, raw: { contentType: 'text/plain; charset=utf-8', data: content } };
    const encoded = Buffer.from(content, 'utf8').toString('base64').replace(/.{60}/g, '$&\n');
    return {
      status: 200,
      body: {
        ...contentEntry(hub, repo, { path, ref, content, type: 'file' }),
        content: encoded,
        encoding: 'base64',
      },
    };
  }
  const prefix = path === '' ? '' : `${path}/`;
  const children = new Map<string, 'file' | 'dir'>();
  for (const name of files.keys()) {
    if (!name.startsWith(prefix)) continue;
    const [first = '', ...rest] = name.slice(prefix.length).split('/');
    children.set(`${prefix}${first}`, rest.length > 0 ? 'dir' : 'file');
  }
  if (children.size === 0) throw notFound();
  const body = [...children].map(([child, type]) =>
    contentEntry(hub, repo, {
      path: child,
      ref,
      type,
      ...(type === 'file' ? { content: files.get(child) ?? '' } : {}),
    }),
  );
  return { status: 200, body };
};

const legacyPermission: Readonly<Record<Role | 'none', string>> = {
  admin: 'admin',
  maintain: 'write',
  write: 'write',
  triage: 'read',
  read: 'read',
  none: 'none',
};

const collaboratorPermission: RestHandler = (request, hub) => {
  const repo = requestRepo(request);
  const login = String(request.path.username);
  const user = hub.state.users.get(login.toLowerCase());
  if (!user) throw new HttpError(404, `${login} is not a user`);
  const role: Role | 'none' =
    user.id === repo.owner.id
      ? 'admin'
      : (repo.collaborators.get(login.toLowerCase()) ?? (repo.private ? 'none' : 'read'));
  const permission = legacyPermission[role];
  const permissions = {
    admin: permission === 'admin',
    maintain: role === 'admin' || role === 'maintain',
    push: permission === 'admin' || permission === 'write',
    triage: role !== 'read' && role !== 'none',
    pull: role !== 'none',
  };
  return {
    status: 200,
    body: {
      permission,
      role_name: role,
      user: { ...userView(hub.view, user), permissions, role_name: role },
    },
  };
};

function findPull(hub: Hub, request: RestRequest) {
  const issue = hub.state.issues.get(
    hub.state.issueKey(requestRepo(request).id, numberParam(request.path, 'pull_number')),
  );
  if (!issue?.pull) throw notFound();
  return issue;
}

/** Handlers by operation id. */
export const repoHandlers: Readonly<Record<string, RestHandler>> = {
  'repos/get': (request, hub) => ({
    status: 200,
    body: {
      ...repositoryView(hub.view, requestRepo(request)),
      network_count: 0,
      subscribers_count: 0,
    },
  }),
  'repos/get-content': getContent,
  'repos/get-collaborator-permission-level': collaboratorPermission,
  'pulls/get': (request, hub) => ({
    status: 200,
    body: pullRequestView(hub.view, findPull(hub, request)),
  }),
  'pulls/list': (request, hub) => {
    const repo = requestRepo(request);
    const q = request.query;
    const pulls = [...hub.state.issues.values()]
      .filter((issue) => issue.repoId === repo.id && issue.pull && q.state !== 'closed')
      .filter((issue) => {
        const head = issue.pull ? hub.state.repos.get(issue.pull.headRepoId) : undefined;
        return (
          (q.head === undefined ||
            `${head?.owner.login ?? ''}:${issue.pull?.headRef ?? ''}` === q.head) &&
          (q.base === undefined || issue.pull?.baseRef === q.base)
        );
      })
      .sort((a, b) => (q.direction === 'asc' ? a.number - b.number : b.number - a.number));
    return pageReply(request, pulls, (issue) => pullRequestView(hub.view, issue));
  },
};
