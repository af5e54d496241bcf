/**
 * REST representations of Actions objects (`workflow`, `workflow-run`, `pull-request-minimal`,
 * `artifact`), built on the shared user and repository views (views.ts) so every endpoint and
 * webhook returns the same, complete objects that validate against GitHub's schemas.
 */
import { parseWorkflowFileIfValid } from './workflow-file.js';
import { fullName } from './state.js';
import type {
  ArtifactRecord,
  IssueRecord,
  RepoRecord,
  RunRecord,
  WorkflowRecord,
} from './records.js';
import {
  nodeId,
  repositoryView,
  requireRepo,
  simpleCommitView,
  userView,
  type Json,
  type ViewContext,
} from './views.js';

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
