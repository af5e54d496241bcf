/**
 * REST representations of pull requests, issues, comments, reactions, check runs and Apps.
 */
import { fullName } from './state.js';
import type {
  AppRecord,
  CheckRunRecord,
  CommentRecord,
  IssueRecord,
  RepoRecord,
  UserRecord,
} from './records.js';
import { nodeId, repositoryView, requireRepo, userView, type ViewContext } from './views.js';
import { pullRequestMinimalView } from './run-views.js';

type Json = Record<string, unknown>;

/** `integration` (a GitHub App). */
export function integrationView(view: ViewContext, app: AppRecord): Json {
  return {
    id: app.id,
    slug: app.slug,
    node_id: nodeId('A', app.id),
    client_id: app.clientId,
    owner: userView(view, app.owner),
    name: app.name,
    description: null,
    external_url: `https://${app.slug}.example.com`,
    html_url: `${view.webUrl}/apps/${app.slug}`,
    created_at: app.createdAt,
    updated_at: app.createdAt,
    permissions: app.permissions,
    events: app.events,
  };
}

/** `check-run`. */
export function checkRunView(view: ViewContext, check: CheckRunRecord): Json {
  const repo = requireRepo(view, check.repoId);
  const app = view.state.apps.get(check.appId);
  const api = `${view.apiUrl}/repos/${fullName(repo)}/check-runs/${check.id}`;
  const pulls = [...view.state.issues.values()].filter(
    (issue) => issue.repoId === repo.id && issue.pull?.headSha === check.headSha,
  );
  return {
    id: check.id,
    head_sha: check.headSha,
    node_id: nodeId('CR', check.id),
    external_id: check.externalId,
    url: api,
    html_url: `${view.webUrl}/${fullName(repo)}/runs/${check.id}`,
    details_url: check.detailsUrl ?? `${view.webUrl}/${fullName(repo)}/runs/${check.id}`,
    status: check.status,
    conclusion: check.conclusion,
    started_at: check.startedAt,
    completed_at: check.completedAt,
    output: {
      title: check.output.title,
      summary: check.output.summary,
      text: check.output.text,
      annotations_count: check.output.annotationsCount,
      annotations_url: `${api}/annotations`,
    },
    name: check.name,
    check_suite: { id: check.checkSuiteId },
    app: app ? integrationView(view, app) : null,
    pull_requests: pulls.map((issue) => pullRequestMinimalView(view, issue)),
  };
}

/** `reaction-rollup` of a comment. */
export function reactionRollupView(view: ViewContext, comment: CommentRecord, url: string): Json {
  const contents = ['+1', '-1', 'laugh', 'confused', 'heart', 'hooray', 'eyes', 'rocket'];
  const mine = view.state.reactions.filter((reaction) => reaction.commentId === comment.id);
  return {
    url: `${url}/reactions`,
    total_count: mine.length,
    ...Object.fromEntries(
      contents.map((content) => [
        content,
        mine.filter((reaction) => reaction.content === content).length,
      ]),
    ),
  };
}

/** `issue-comment`. */
export function issueCommentView(view: ViewContext, comment: CommentRecord): Json {
  const repo = requireRepo(view, comment.repoId);
  const url = `${view.apiUrl}/repos/${fullName(repo)}/issues/comments/${comment.id}`;
  const app = comment.appId === null ? undefined : view.state.apps.get(comment.appId);
  return {
    id: comment.id,
    node_id: nodeId('IC', comment.id),
    url,
    html_url: `${view.webUrl}/${fullName(repo)}/pull/${comment.issueNumber}#issuecomment-${comment.id}`,
    body: comment.body,
    user: userView(view, comment.user),
    created_at: comment.createdAt,
    updated_at: comment.updatedAt,
    issue_url: `${view.apiUrl}/repos/${fullName(repo)}/issues/${comment.issueNumber}`,
    author_association: authorAssociation(repo, comment.user),
    performed_via_github_app: app ? integrationView(view, app) : null,
    reactions: reactionRollupView(view, comment, url),
  };
}

/** The `author_association` GitHub derives from a user's role in a repository. */
export function authorAssociation(repo: RepoRecord, user: UserRecord): string {
  if (user.id === repo.owner.id) return 'OWNER';
  if (repo.collaborators.has(user.login.toLowerCase())) return 'COLLABORATOR';
  return 'NONE';
}

/** `issue` (with `pull_request` when the issue is a pull request). */
export function issueView(view: ViewContext, issue: IssueRecord): Json {
  const repo = requireRepo(view, issue.repoId);
  const api = `${view.apiUrl}/repos/${fullName(repo)}/issues/${issue.number}`;
  const web = `${view.webUrl}/${fullName(repo)}/${issue.pull ? 'pull' : 'issues'}/${issue.number}`;
  const pullApi = `${view.apiUrl}/repos/${fullName(repo)}/pulls/${issue.number}`;
  return {
    id: issue.id,
    node_id: nodeId(issue.pull ? 'PR' : 'I', issue.id),
    url: api,
    repository_url: `${view.apiUrl}/repos/${fullName(repo)}`,
    labels_url: `${api}/labels{/name}`,
    comments_url: `${api}/comments`,
    events_url: `${api}/events`,
    html_url: web,
    number: issue.number,
    state: 'open',
    title: issue.title,
    body: issue.body,
    user: userView(view, issue.user),
    labels: [],
    assignee: null,
    assignees: [],
    milestone: null,
    locked: false,
    active_lock_reason: null,
    comments: [...view.state.comments.values()].filter(
      (c) => c.repoId === repo.id && c.issueNumber === issue.number,
    ).length,
    closed_at: null,
    created_at: issue.createdAt,
    updated_at: issue.createdAt,
    author_association: authorAssociation(repo, issue.user),
    ...(issue.pull
      ? {
          pull_request: {
            url: pullApi,
            html_url: web,
            diff_url: `${web}.diff`,
            patch_url: `${web}.patch`,
            merged_at: null,
          },
          draft: false,
        }
      : {}),
    reactions: {
      url: `${api}/reactions`,
      total_count: 0,
      '+1': 0,
      '-1': 0,
      laugh: 0,
      confused: 0,
      heart: 0,
      hooray: 0,
      eyes: 0,
      rocket: 0,
    },
    timeline_url: `${api}/timeline`,
    performed_via_github_app: null,
  };
}

/** `pull-request`. */
export function pullRequestView(view: ViewContext, issue: IssueRecord): Json {
  const pull = issue.pull;
  if (!pull) throw new Error(`#${issue.number} is not a pull request`);
  const repo = requireRepo(view, issue.repoId);
  const headRepo = requireRepo(view, pull.headRepoId);
  const api = `${view.apiUrl}/repos/${fullName(repo)}/pulls/${issue.number}`;
  const issueApi = `${view.apiUrl}/repos/${fullName(repo)}/issues/${issue.number}`;
  const web = `${view.webUrl}/${fullName(repo)}/pull/${issue.number}`;
  const side = (side: RepoRecord, ref: string, sha: string): Json => ({
    label: `${side.owner.login}:${ref}`,
    ref,
    sha,
    repo: repositoryView(view, side),
    user: userView(view, side.owner),
  });
  const link = (href: string): Json => ({ href });
  return {
    url: api,
    id: pull.id,
    node_id: nodeId('PR', pull.id),
    html_url: web,
    diff_url: `${web}.diff`,
    patch_url: `${web}.patch`,
    issue_url: issueApi,
    commits_url: `${api}/commits`,
    review_comments_url: `${api}/comments`,
    review_comment_url: `${view.apiUrl}/repos/${fullName(repo)}/pulls/comments{/number}`,
    comments_url: `${issueApi}/comments`,
    statuses_url: `${view.apiUrl}/repos/${fullName(repo)}/statuses/${pull.headSha}`,
    number: issue.number,
    state: 'open',
    locked: false,
    title: issue.title,
    user: userView(view, issue.user),
    body: issue.body,
    labels: [],
    milestone: null,
    active_lock_reason: null,
    created_at: issue.createdAt,
    updated_at: issue.createdAt,
    closed_at: null,
    merged_at: null,
    merge_commit_sha: null,
    assignee: null,
    assignees: [],
    requested_reviewers: [],
    requested_teams: [],
    head: side(headRepo, pull.headRef, pull.headSha),
    base: side(repo, pull.baseRef, repo.branches.get(pull.baseRef) ?? pull.headSha),
    _links: {
      self: link(api),
      html: link(web),
      issue: link(issueApi),
      comments: link(`${issueApi}/comments`),
      review_comments: link(`${api}/comments`),
      review_comment: link(`${view.apiUrl}/repos/${fullName(repo)}/pulls/comments{/number}`),
      commits: link(`${api}/commits`),
      statuses: link(`${view.apiUrl}/repos/${fullName(repo)}/statuses/${pull.headSha}`),
    },
    author_association: authorAssociation(repo, issue.user),
    auto_merge: null,
    draft: false,
    merged: false,
    mergeable: true,
    rebaseable: true,
    mergeable_state: 'clean',
    merged_by: null,
    comments: 0,
    review_comments: 0,
    maintainer_can_modify: false,
    commits: 1,
    additions: 1,
    deletions: 0,
    changed_files: 1,
  };
}

/** `reaction`. */
export function reactionView(
  view: ViewContext,
  reaction: { id: number; user: UserRecord; content: string; createdAt: string },
): Json {
  return {
    id: reaction.id,
    node_id: nodeId('REA', reaction.id),
    user: userView(view, reaction.user),
    content: reaction.content,
    created_at: reaction.createdAt,
  };
}
