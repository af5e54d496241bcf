/**
 * REST representations shared by every endpoint and webhook: the view context, node ids,
 * `simple-user`, `repository` and `simple-commit`, built in one place so all return the same,
 * complete objects that validate against GitHub's schemas. Actions objects are in run-views.ts.
 */
import { fullName, type State } from './state.js';
import type { RepoRecord, UserRecord } from './records.js';

/** What every builder needs: the model and the two bases (API and web). */
export interface ViewContext {
  readonly state: State;
  /** REST base without trailing slash, e.g. `http://127.0.0.1:1234`. */
  readonly apiUrl: string;
  /** Web base; `https://github.com` so `@actions/artifact` accepts the server. */
  readonly webUrl: string;
}

/** A REST object as built here. */
export type Json = Record<string, unknown>;

/** A GraphQL-style node id for a record. */
export function nodeId(prefix: string, id: number | string): string {
  return `${prefix}_${Buffer.from(`0:${String(id)}`).toString('base64url')}`;
}

/** `simple-user`. */
export function userView(view: ViewContext, user: UserRecord): Json {
  const api = `${view.apiUrl}/users/${encodeURIComponent(user.login)}`;
  const bot = /^(.+)\[bot\]$/.exec(user.login);
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId(user.type === 'Bot' ? 'BOT' : 'U', user.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: '',
    url: api,
    html_url: bot ? `${view.webUrl}/apps/${bot[1] ?? ''}` : `${view.webUrl}/${user.login}`,
    followers_url: `${api}/followers`,
    following_url: `${api}/following{/other_user}`,
    gists_url: `${api}/gists{/gist_id}`,
    starred_url: `${api}/starred{/owner}{/repo}`,
    subscriptions_url: `${api}/subscriptions`,
    organizations_url: `${api}/orgs`,
    repos_url: `${api}/repos`,
    events_url: `${api}/events{/privacy}`,
    received_events_url: `${api}/received_events`,
    type: user.type,
    user_view_type: 'public',
    site_admin: false,
  };
}

const templatedUrls: readonly [string, string][] = [
  ['archive_url', '/{archive_format}{/ref}'],
  ['assignees_url', '/assignees{/user}'],
  ['blobs_url', '/git/blobs{/sha}'],
  ['branches_url', '/branches{/branch}'],
  ['collaborators_url', '/collaborators{/collaborator}'],
  ['comments_url', '/comments{/number}'],
  ['commits_url', '/commits{/sha}'],
  ['compare_url', '/compare/{base}...{head}'],
  ['contents_url', '/contents/{+path}'],
  ['contributors_url', '/contributors'],
  ['deployments_url', '/deployments'],
  ['downloads_url', '/downloads'],
  ['events_url', '/events'],
  ['forks_url', '/forks'],
  ['git_commits_url', '/git/commits{/sha}'],
  ['git_refs_url', '/git/refs{/sha}'],
  ['git_tags_url', '/git/tags{/sha}'],
  ['hooks_url', '/hooks'],
  ['issue_comment_url', '/issues/comments{/number}'],
  ['issue_events_url', '/issues/events{/number}'],
  ['issues_url', '/issues{/number}'],
  ['keys_url', '/keys{/key_id}'],
  ['labels_url', '/labels{/name}'],
  ['languages_url', '/languages'],
  ['merges_url', '/merges'],
  ['milestones_url', '/milestones{/number}'],
  ['notifications_url', '/notifications{?since,all,participating}'],
  ['pulls_url', '/pulls{/number}'],
  ['releases_url', '/releases{/id}'],
  ['stargazers_url', '/stargazers'],
  ['statuses_url', '/statuses/{sha}'],
  ['subscribers_url', '/subscribers'],
  ['subscription_url', '/subscription'],
  ['tags_url', '/tags'],
  ['teams_url', '/teams'],
  ['trees_url', '/git/trees{/sha}'],
];

/** `repository` (also valid as `minimal-repository` and `repository-webhooks`). */
export function repositoryView(view: ViewContext, repo: RepoRecord): Json {
  const name = fullName(repo);
  const api = `${view.apiUrl}/repos/${name}`;
  const host = new URL(view.webUrl).host;
  return {
    id: repo.id,
    node_id: nodeId('R', repo.id),
    name: repo.name,
    full_name: name,
    private: repo.private,
    owner: userView(view, repo.owner),
    html_url: `${view.webUrl}/${name}`,
    description: null,
    fork: repo.fork,
    url: api,
    ...Object.fromEntries(templatedUrls.map(([key, suffix]) => [key, `${api}${suffix}`])),
    git_url: `git://${host}/${name}.git`,
    ssh_url: `git@${host}:${name}.git`,
    clone_url: `${view.webUrl}/${name}.git`,
    svn_url: `${view.webUrl}/${name}`,
    mirror_url: null,
    homepage: null,
    language: null,
    forks_count: 0,
    forks: 0,
    stargazers_count: 0,
    watchers_count: 0,
    watchers: 0,
    size: 0,
    default_branch: repo.defaultBranch,
    open_issues_count: 0,
    open_issues: 0,
    is_template: false,
    topics: [],
    has_issues: true,
    has_projects: true,
    has_wiki: true,
    has_pages: false,
    has_downloads: true,
    has_discussions: false,
    archived: false,
    disabled: false,
    visibility: repo.private ? 'private' : 'public',
    license: null,
    allow_forking: true,
    web_commit_signoff_required: false,
    pushed_at: repo.createdAt,
    created_at: repo.createdAt,
    updated_at: repo.createdAt,
  };
}

/** The repository of an id the model handed out (an unknown id is an emulator bug). */
export function requireRepo(view: ViewContext, repoId: number): RepoRecord {
  const repo = view.state.repos.get(repoId);
  if (!repo) throw new Error(`unknown repository ${repoId}`);
  return repo;
}

/** `simple-commit` of a commit sha. */
export function simpleCommitView(view: ViewContext, sha: string): Json | null {
  const commit = view.state.commits.get(sha);
  if (!commit) return null;
  const person = {
    name: commit.author.login,
    email: `${commit.author.id}+${commit.author.login}@users.noreply.github.com`,
  };
  return {
    id: sha,
    tree_id: commit.treeSha,
    message: commit.message,
    timestamp: commit.timestamp,
    author: person,
    committer: person,
  };
}
