/**
 * Webhook (and Actions event) payloads built from the model, shaped like GitHub's and valid
 * against `@octokit/openapi-webhooks`. `installation` is added per delivery by the webhook service.
 */
import { suiteState } from './check-suites.js';
import type { Hub } from './hub.js';
import { checkRunView, issueCommentView, issueView, pullRequestView } from './issue-views.js';
import type {
  CheckRunRecord,
  CommentRecord,
  IssueRecord,
  RepoRecord,
  RunRecord,
  UserRecord,
} from './records.js';
import {
  repositoryView,
  requireRepo,
  simpleCommitView,
  userView,
  type ViewContext,
} from './views.js';
import { workflowRunView, workflowView } from './run-views.js';

type Json = Record<string, unknown>;

function base(view: ViewContext, repo: RepoRecord, sender: UserRecord): Json {
  return { repository: repositoryView(view, repo), sender: userView(view, sender) };
}

/** `issue_comment` (`created`, `edited`, `deleted`). */
export function issueCommentPayload(
  view: ViewContext,
  action: string,
  comment: CommentRecord,
  sender: UserRecord,
): Json {
  const repo = requireRepo(view, comment.repoId);
  const issue = view.state.issues.get(view.state.issueKey(repo.id, comment.issueNumber));
  if (!issue) throw new Error(`unknown issue #${comment.issueNumber}`);
  return {
    action,
    issue: issueView(view, issue),
    comment: issueCommentView(view, comment),
    ...base(view, repo, sender),
  };
}

/** `workflow_run` (`requested`, `in_progress`, `completed`). */
export function workflowRunPayload(view: ViewContext, action: string, run: RunRecord): Json {
  const repo = requireRepo(view, run.repoId);
  const workflow = view.state.workflows.get(run.workflowId);
  if (!workflow) throw new Error(`run ${run.id} has no workflow`);
  const sender = view.state.latestAttempt(run).triggeringActor;
  return {
    action,
    workflow: workflowView(view, workflow),
    workflow_run: workflowRunView(view, run),
    ...base(view, repo, sender),
  };
}

/** `check_run` (`created`, `completed`, `rerequested`, `requested_action`). */
export function checkRunPayload(
  hub: Hub,
  params: { action: string; check: CheckRunRecord; sender: UserRecord; identifier?: string },
): Json {
  const { view } = hub;
  const repo = requireRepo(view, params.check.repoId);
  const checkRun = checkRunView(view, params.check);
  const suite = {
    id: params.check.checkSuiteId,
    node_id: `CS_${params.check.checkSuiteId}`,
    head_branch: [...repo.branches].find(([, sha]) => sha === params.check.headSha)?.[0] ?? null,
    head_sha: params.check.headSha,
    ...suiteState(hub, params.check.checkSuiteId),
    url: `${view.apiUrl}/repos/${repo.owner.login}/${repo.name}/check-suites/${params.check.checkSuiteId}`,
    before: null,
    after: params.check.headSha,
    pull_requests: checkRun.pull_requests,
    app: checkRun.app,
    created_at: params.check.startedAt,
    updated_at: params.check.completedAt ?? params.check.startedAt,
  };
  return {
    action: params.action,
    check_run: { ...checkRun, check_suite: suite },
    ...(params.identifier === undefined
      ? {}
      : { requested_action: { identifier: params.identifier } }),
    ...base(view, repo, params.sender),
  };
}

/** `pull_request` (`opened`, `reopened`, or `synchronize` with the previous head as `before`). */
export function pullRequestPayload(
  view: ViewContext,
  params: { action: string; issue: IssueRecord; sender: UserRecord; before?: string },
): Json {
  const { issue } = params;
  const repo = requireRepo(view, issue.repoId);
  const moved =
    params.before === undefined ? {} : { before: params.before, after: issue.pull?.headSha };
  return {
    action: params.action,
    number: issue.number,
    ...moved,
    pull_request: pullRequestView(view, issue),
    ...base(view, repo, params.sender),
  };
}

/** `push` of one commit onto a branch. */
export function pushPayload(
  view: ViewContext,
  params: { repo: RepoRecord; branch: string; before: string; after: string; sender: UserRecord },
): Json {
  const { repo, sender } = params;
  const commit = simpleCommitView(view, params.after);
  const person = {
    name: sender.login,
    email: `${sender.id}+${sender.login}@users.noreply.github.com`,
    username: sender.login,
  };
  const headCommit = commit
    ? {
        id: params.after,
        tree_id: commit.tree_id,
        distinct: true,
        message: commit.message,
        timestamp: commit.timestamp,
        url: `${view.webUrl}/${repo.owner.login}/${repo.name}/commit/${params.after}`,
        author: person,
        committer: person,
        added: [],
        removed: [],
        modified: [],
      }
    : null;
  return {
    ref: `refs/heads/${params.branch}`,
    before: params.before,
    after: params.after,
    created: params.before === '0'.repeat(40),
    deleted: false,
    forced: false,
    base_ref: null,
    compare: `${view.webUrl}/${repo.owner.login}/${repo.name}/compare/${params.before.slice(0, 12)}...${params.after.slice(0, 12)}`,
    commits: headCommit ? [headCommit] : [],
    head_commit: headCommit,
    pusher: { name: sender.login, email: person.email },
    ...base(view, repo, sender),
  };
}

/** `workflow_dispatch`: `inputs` are strings, `ref` is fully qualified, `workflow` is the path. */
export function workflowDispatchPayload(
  view: ViewContext,
  params: {
    repo: RepoRecord;
    ref: string;
    workflowPath: string;
    inputs: Readonly<Record<string, string>>;
    sender: UserRecord;
  },
): Json {
  return {
    inputs: { ...params.inputs },
    ref: params.ref,
    workflow: params.workflowPath,
    ...base(view, params.repo, params.sender),
  };
}

/** The event of a `schedule` run (not a webhook; Actions only). */
export function schedulePayload(params: { cron: string; workflowPath: string }): Json {
  return { schedule: params.cron, workflow: params.workflowPath };
}
