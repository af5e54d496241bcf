/**
 * REST representations of the model (`simple-user`, `repository`, `workflow`, `workflow-run`,
 * `artifact`, …), built in one place so every endpoint and webhook returns the same, complete
 * objects that validate against GitHub's schemas.
 */
import { parseWorkflowFileIfValid } from './workflow-file.js';
import { fullName, type State } from './state.js';
import type {
  ArtifactRecord,
  IssueRecord,
  RepoRecord,
  RunRecord,
  UserRecord,
  WorkflowRecord,
} from './records.js';

/** What every builder needs: the model and the two bases (API and web). */
export interface ViewContext {
  readonly state: State;
  /** REST base without trailing slash, e.g. `http://127.0.0.1:1234`. */
  readonly apiUrl: string;
  /** Web base; `https://github.com` so `@actions/artifact` accepts the server. */
  readonly webUrl: string;
}

type Json = Record<string, unknown>;

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

/** The name GitHub shows for a workflow: its `name:`, else its path. */
export function workflowName(view: ViewContext, workflow: WorkflowRecord): string {
  const repo = view.state.repos.get(workflow.repoId);
  const text = view.state.fileAt(repo?.branches.get(repo.defaultBranch), workflow.path);
  return parseWorkflowFileIfValid(text, workflow.path)?.name ?? workflow.path;
}

/** `workflow`. */
export function workflowView(view: ViewContext, workflow: WorkflowRecord): Json {
  const repo = requireRepo(view, workflow.repoId);
  const file = workflow.path.split('/').pop() ?? workflow.path;
  return {
    id: workflow.id,
    node_id: nodeId('W', workflow.id),
    name: workflowName(view, workflow),
    path: workflow.path,
    state: workflow.state,
    created_at: workflow.createdAt,
    updated_at: workflow.createdAt,
    url: `${view.apiUrl}/repos/${fullName(repo)}/actions/workflows/${workflow.id}`,
    html_url: `${view.webUrl}/${fullName(repo)}/blob/${repo.defaultBranch}/${workflow.path}`,
    badge_url: `${view.webUrl}/${fullName(repo)}/workflows/${encodeURIComponent(file)}/badge.svg`,
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

/** Open pull requests of the run's repository whose head matches the run (empty for forks). */
export function runPullRequests(view: ViewContext, run: RunRecord): Json[] {
  return [...view.state.issues.values()]
    .filter(
      (issue) => issue.pull && issue.repoId === run.repoId && issue.pull.headRepoId === run.repoId,
    )
    .filter(
      (issue) => issue.pull?.headSha === run.headSha || issue.pull?.headRef === run.headBranch,
    )
    .map((issue) => pullRequestMinimalView(view, issue));
}

/** `pull-request-minimal`. */
export function pullRequestMinimalView(view: ViewContext, issue: IssueRecord): Json {
  const repo = requireRepo(view, issue.repoId);
  const pull = issue.pull;
  if (!pull) throw new Error(`#${issue.number} is not a pull request`);
  const head = requireRepo(view, pull.headRepoId);
  const side = (ref: string, sha: string, side: RepoRecord): Json => ({
    ref,
    sha,
    repo: { id: side.id, url: `${view.apiUrl}/repos/${fullName(side)}`, name: side.name },
  });
  return {
    id: pull.id,
    number: issue.number,
    url: `${view.apiUrl}/repos/${fullName(repo)}/pulls/${issue.number}`,
    head: side(pull.headRef, pull.headSha, head),
    base: side(pull.baseRef, repo.branches.get(pull.baseRef) ?? pull.headSha, repo),
  };
}

/** `workflow-run` as of its latest attempt (or the given one). */
export function workflowRunView(
  view: ViewContext,
  run: RunRecord,
  options: { excludePullRequests?: boolean; attempt?: number } = {},
): Json {
  const repo = requireRepo(view, run.repoId);
  const attempt =
    (options.attempt === undefined ? undefined : run.attempts[options.attempt - 1]) ??
    view.state.latestAttempt(run);
  const api = `${view.apiUrl}/repos/${fullName(repo)}/actions/runs/${run.id}`;
  return {
    id: run.id,
    name: run.name,
    node_id: nodeId('WFR', run.id),
    head_branch: run.headBranch,
    head_sha: run.headSha,
    // GitHub's own example carries the ref (`.github/workflows/build.yml@main`); clients must strip it.
    path: `${workflowPath(view, run)}@${run.ref.replace(/^refs\/(heads|tags)\//, '')}`,
    display_title: run.displayTitle,
    run_number: run.runNumber,
    event: run.event,
    status: attempt.status,
    conclusion: attempt.conclusion,
    workflow_id: run.workflowId,
    check_suite_id: run.checkSuiteId,
    check_suite_node_id: nodeId('CS', run.checkSuiteId),
    url: api,
    html_url: `${view.webUrl}/${fullName(repo)}/actions/runs/${run.id}`,
    pull_requests: options.excludePullRequests ? [] : runPullRequests(view, run),
    created_at: run.createdAt,
    updated_at: run.updatedAt,
    actor: userView(view, run.actor),
    run_attempt: attempt.attempt,
    referenced_workflows: [],
    run_started_at: attempt.startedAt,
    triggering_actor: userView(view, attempt.triggeringActor),
    jobs_url: `${api}/jobs`,
    logs_url: `${api}/logs`,
    check_suite_url: `${view.apiUrl}/repos/${fullName(repo)}/check-suites/${run.checkSuiteId}`,
    artifacts_url: `${api}/artifacts`,
    cancel_url: `${api}/cancel`,
    rerun_url: `${api}/rerun`,
    previous_attempt_url: attempt.attempt > 1 ? `${api}/attempts/${attempt.attempt - 1}` : null,
    workflow_url: `${view.apiUrl}/repos/${fullName(repo)}/actions/workflows/${run.workflowId}`,
    head_commit: simpleCommitView(view, run.headSha),
    repository: repositoryView(view, repo),
    head_repository: repositoryView(view, requireRepo(view, run.headRepoId)),
    head_repository_id: run.headRepoId,
  };
}

/** The workflow file path of a run. */
export function workflowPath(view: ViewContext, run: RunRecord): string {
  return view.state.workflows.get(run.workflowId)?.path ?? '';
}

/** `artifact`. */
export function artifactView(view: ViewContext, artifact: ArtifactRecord): Json {
  const run = view.state.runs.get(artifact.runId);
  if (!run) throw new Error(`artifact ${artifact.id} has no run`);
  const repo = requireRepo(view, run.repoId);
  const api = `${view.apiUrl}/repos/${fullName(repo)}/actions/artifacts/${artifact.id}`;
  return {
    id: artifact.id,
    node_id: nodeId('MDg6QXJ0aWZhY3Q', artifact.id),
    name: artifact.name,
    size_in_bytes: artifact.sizeInBytes,
    url: api,
    archive_download_url: `${api}/zip`,
    expired: Date.parse(artifact.expiresAt) <= view.state.now().getTime(),
    created_at: artifact.createdAt,
    updated_at: artifact.updatedAt,
    expires_at: artifact.expiresAt,
    digest: artifact.digest,
    workflow_run: {
      id: run.id,
      repository_id: run.repoId,
      head_repository_id: run.headRepoId,
      head_branch: run.headBranch,
      head_sha: run.headSha,
    },
  };
}
