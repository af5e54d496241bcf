import { composeConfigGet } from '@probot/octokit-plugin-config';
import type { PermissionLookup } from '../core/authorize.js';
import type { ArtifactDownload, ArtifactInfo, RepoRef, WorkflowRunInfo } from '../ports-github.js';
import type {
  BotWorkflowRun,
  CheckRunFields,
  CheckRunInfo,
  CommentInfo,
  ConfigRead,
  DispatchOutcome,
  GitHubBot,
  PullRequestInfo,
  ReactionContent,
  RerunOutcome,
  RunFilter,
} from '../ports-github-bot.js';
import { OctokitGitHub, type GitHubClient } from './octokit-github.js';

/** An HTTP error answer of the REST API: its status and GitHub's message. */
interface HttpFailure {
  readonly status: number;
  readonly message: string;
}

/** Read an Octokit `RequestError` (status and GitHub's `message`); null for anything else. */
function readHttpFailure(error: unknown): HttpFailure | null {
  if (typeof error !== 'object' || error === null || !('status' in error)) return null;
  const { status } = error;
  if (typeof status !== 'number') return null;
  const data = (error as { response?: { data?: unknown } }).response?.data;
  const fromBody =
    typeof data === 'object' &&
    data !== null &&
    'message' in data &&
    typeof data.message === 'string'
      ? data.message
      : null;
  return {
    status,
    message: fromBody ?? (error instanceof Error ? error.message : `HTTP ${status}`),
  };
}

/** Run a read that answers null on 404 (missing, or not visible to the token). */
async function orNullOn404<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (readHttpFailure(error)?.status === 404) return null;
    throw error;
  }
}

type RestRun = Awaited<ReturnType<GitHubClient['rest']['actions']['getWorkflowRun']>>['data'];
type RestCheckRun = Awaited<ReturnType<GitHubClient['rest']['checks']['get']>>['data'];
/** The fields of a pull request (full or listed) that a retry needs. */
interface RestPull {
  readonly number: number;
  readonly head: { readonly sha: string; readonly ref: string; readonly repo: unknown };
  readonly base: { readonly repo: { readonly full_name: string } };
}

function toRun(data: RestRun): BotWorkflowRun {
  return {
    id: data.id,
    attempt: data.run_attempt ?? 1,
    runNumber: data.run_number,
    repository: data.repository.full_name,
    // GitHub may append the ref the file was read at (`.github/workflows/x.yml@refs/heads/main`).
    workflowPath: data.path.replace(/@.*$/, ''),
    status: data.status,
    conclusion: data.conclusion,
    htmlUrl: data.html_url,
    displayTitle: data.display_title,
    headSha: data.head_sha,
    headBranch: data.head_branch,
    event: data.event,
    workflowId: data.workflow_id,
    workflowName: data.name ?? data.path,
    headRepository: (data.head_repository as { full_name?: string } | null)?.full_name ?? null,
    createdAt: data.created_at,
    updatedAt: data.updated_at,
    pullRequests: (data.pull_requests ?? []).map((pull) => pull.number),
  };
}

function toCheckRun(data: RestCheckRun): CheckRunInfo {
  return {
    id: data.id,
    name: data.name,
    headSha: data.head_sha,
    externalId: data.external_id,
    appId: data.app?.id ?? null,
    conclusion: data.conclusion,
    output: {
      title: data.output.title ?? '',
      summary: data.output.summary ?? '',
      text: data.output.text ?? '',
    },
  };
}

function toPull(data: RestPull): PullRequestInfo {
  return {
    number: data.number,
    headSha: data.head.sha,
    headRef: data.head.ref,
    // The schema says non-null, but a deleted fork leaves `head.repo` null.
    headRepository: (data.head.repo as { full_name: string } | null)?.full_name ?? null,
    baseRepository: data.base.repo.full_name,
  };
}

/** The dispatch error that means the workflow at that ref cannot be dispatched at all. */
const NO_DISPATCH_TRIGGER = /workflow_dispatch/i;
/** A GitHub that predates `return_run_details` (GHES ≤ 3.20) refuses the field. */
const UNKNOWN_RUN_DETAILS = /return_run_details/i;

/** {@link GitHubBot} over GitHub's REST API, on the same client as {@link OctokitGitHub}. */
export class OctokitGitHubBot implements GitHubBot {
  private readonly actions: OctokitGitHub;

  constructor(private readonly octokit: GitHubClient) {
    this.actions = new OctokitGitHub(octokit);
  }

  async getWorkflowRun(params: RepoRef & { runId: number }): Promise<WorkflowRunInfo | null> {
    return await this.actions.getWorkflowRun(params);
  }

  async listRunArtifacts(
    params: RepoRef & { runId: number; namePrefix?: string },
  ): Promise<ArtifactInfo[]> {
    return await this.actions.listRunArtifacts(params);
  }

  async downloadArtifactZip(
    params: RepoRef & { artifactId: number; maxBytes: number },
  ): Promise<ArtifactDownload> {
    return await this.actions.downloadArtifactZip(params);
  }

  async getRun(params: RepoRef & { runId: number }): Promise<BotWorkflowRun | null> {
    const { owner, repo, runId } = params;
    const response = await orNullOn404(
      async () => await this.octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: runId }),
    );
    return response === null ? null : toRun(response.data);
  }

  async listRuns(params: RepoRef & RunFilter & { limit: number }): Promise<BotWorkflowRun[]> {
    const query = {
      owner: params.owner,
      repo: params.repo,
      per_page: Math.min(100, Math.max(1, params.limit)),
      ...(params.headSha === undefined ? {} : { head_sha: params.headSha }),
      ...(params.event === undefined ? {} : { event: params.event }),
      ...(params.branch === undefined ? {} : { branch: params.branch }),
    };
    const iterator =
      params.workflow === undefined
        ? this.octokit.paginate.iterator(this.octokit.rest.actions.listWorkflowRunsForRepo, query)
        : this.octokit.paginate.iterator(this.octokit.rest.actions.listWorkflowRuns, {
            ...query,
            workflow_id: params.workflow,
          });
    const runs: BotWorkflowRun[] = [];
    for await (const page of iterator) {
      for (const run of page.data) {
        // Runs come newest first: the `created` filter is done here, as every GitHub version can.
        const tooOld = params.createdSince !== undefined && run.created_at < params.createdSince;
        if (runs.length >= params.limit || tooOld) return runs;
        runs.push(toRun(run));
      }
    }
    return runs;
  }

  async dispatchWorkflow(
    params: RepoRef & { workflowId: number; ref: string; inputs: Readonly<Record<string, string>> },
  ): Promise<DispatchOutcome> {
    const request = {
      owner: params.owner,
      repo: params.repo,
      workflow_id: params.workflowId,
      ref: params.ref,
      inputs: { ...params.inputs },
    };
    try {
      const response = await this.octokit.rest.actions.createWorkflowDispatch({
        ...request,
        return_run_details: true,
      });
      const data = response.data as { workflow_run_id?: unknown } | undefined;
      const runId = typeof data?.workflow_run_id === 'number' ? data.workflow_run_id : null;
      return { kind: 'dispatched', runId };
    } catch (error) {
      const failure = readHttpFailure(error);
      if (failure === null || failure.status >= 500) throw error;
      if (UNKNOWN_RUN_DETAILS.test(failure.message)) {
        await this.octokit.rest.actions.createWorkflowDispatch(request);
        return { kind: 'dispatched', runId: null };
      }
      if (failure.status === 422 && NO_DISPATCH_TRIGGER.test(failure.message))
        return { kind: 'no-dispatch-trigger', message: failure.message };
      return { kind: 'rejected', status: failure.status, message: failure.message };
    }
  }

  async rerunFailedJobs(params: RepoRef & { runId: number }): Promise<RerunOutcome> {
    try {
      await this.octokit.rest.actions.reRunWorkflowFailedJobs({
        owner: params.owner,
        repo: params.repo,
        run_id: params.runId,
      });
      return { kind: 'rerun' };
    } catch (error) {
      const failure = readHttpFailure(error);
      // 403 "already running" / "cannot be retried", 404: answers to show, not errors of the bot.
      if (failure === null || failure.status >= 500) throw error;
      return { kind: 'refused', status: failure.status, message: failure.message };
    }
  }

  async getPullRequest(params: RepoRef & { number: number }): Promise<PullRequestInfo | null> {
    const { owner, repo } = params;
    const response = await orNullOn404(
      async () => await this.octokit.rest.pulls.get({ owner, repo, pull_number: params.number }),
    );
    return response === null ? null : toPull(response.data);
  }

  async listPullRequestsByHead(params: RepoRef & { head: string }): Promise<PullRequestInfo[]> {
    const { data } = await this.octokit.rest.pulls.list({
      owner: params.owner,
      repo: params.repo,
      head: params.head,
      state: 'open',
      per_page: 10,
    });
    return data.map(toPull);
  }

  async getPermission(params: RepoRef & { username: string }): Promise<PermissionLookup> {
    try {
      const { data } = await this.octokit.rest.repos.getCollaboratorPermissionLevel({
        owner: params.owner,
        repo: params.repo,
        username: params.username,
      });
      return { kind: 'found', permission: data.permission, roleName: data.role_name };
    } catch (error) {
      const failure = readHttpFailure(error);
      // 404: not a user GitHub knows on this repository, so no access; anything else is a failed lookup.
      if (failure?.status === 404) return { kind: 'found', permission: 'none', roleName: null };
      return {
        kind: 'failed',
        reason: failure === null ? 'the lookup failed' : `GitHub answered HTTP ${failure.status}`,
      };
    }
  }

  async createComment(
    params: RepoRef & { issueNumber: number; body: string },
  ): Promise<{ id: number }> {
    const { data } = await this.octokit.rest.issues.createComment({
      owner: params.owner,
      repo: params.repo,
      issue_number: params.issueNumber,
      body: params.body,
    });
    return { id: data.id };
  }

  async updateComment(params: RepoRef & { commentId: number; body: string }): Promise<void> {
    await this.octokit.rest.issues.updateComment({
      owner: params.owner,
      repo: params.repo,
      comment_id: params.commentId,
      body: params.body,
    });
  }

  async listComments(
    params: RepoRef & { issueNumber: number; limit: number },
  ): Promise<CommentInfo[]> {
    const comments: CommentInfo[] = [];
    const iterator = this.octokit.paginate.iterator(this.octokit.rest.issues.listComments, {
      owner: params.owner,
      repo: params.repo,
      issue_number: params.issueNumber,
      per_page: 100,
    });
    for await (const page of iterator) {
      for (const comment of page.data) {
        if (comments.length >= params.limit) return comments;
        comments.push({
          id: comment.id,
          body: comment.body ?? '',
          author: comment.user?.login ?? '',
          appId: comment.performed_via_github_app?.id ?? null,
        });
      }
    }
    return comments;
  }

  async addReaction(
    params: RepoRef & { commentId: number; content: ReactionContent },
  ): Promise<void> {
    await this.octokit.rest.reactions.createForIssueComment({
      owner: params.owner,
      repo: params.repo,
      comment_id: params.commentId,
      content: params.content,
    });
  }

  async createCheckRun(
    params: RepoRef & CheckRunFields & { headSha: string },
  ): Promise<{ id: number }> {
    const { data } = await this.octokit.rest.checks.create({
      ...checkRunBody(params),
      owner: params.owner,
      repo: params.repo,
      name: params.name,
      head_sha: params.headSha,
    });
    return { id: data.id };
  }

  async updateCheckRun(
    params: RepoRef & Partial<CheckRunFields> & { checkRunId: number },
  ): Promise<void> {
    await this.octokit.rest.checks.update({
      owner: params.owner,
      repo: params.repo,
      check_run_id: params.checkRunId,
      ...checkRunBody(params),
    });
  }

  async getCheckRun(params: RepoRef & { checkRunId: number }): Promise<CheckRunInfo | null> {
    const { owner, repo } = params;
    const response = await orNullOn404(
      async () =>
        await this.octokit.rest.checks.get({ owner, repo, check_run_id: params.checkRunId }),
    );
    return response === null ? null : toCheckRun(response.data);
  }

  async listCheckRuns(
    params: RepoRef & { headSha: string; name: string; appId?: number },
  ): Promise<CheckRunInfo[]> {
    const { data } = await this.octokit.rest.checks.listForRef({
      owner: params.owner,
      repo: params.repo,
      ref: params.headSha,
      check_name: params.name,
      filter: 'all',
      per_page: 100,
      ...(params.appId === undefined ? {} : { app_id: params.appId }),
    });
    return data.check_runs.map(toCheckRun);
  }

  async readFile(params: RepoRef & { path: string; ref: string }): Promise<string | null> {
    const response = await orNullOn404(
      async () =>
        await this.octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
          owner: params.owner,
          repo: params.repo,
          path: params.path,
          ref: params.ref,
          headers: { accept: 'application/vnd.github.raw' },
        }),
    );
    if (response === null) return null;
    const data: unknown = response.data;
    if (typeof data !== 'string') throw new Error(`${params.path} is not a file`);
    return data;
  }

  async readConfig(params: RepoRef & { path: string }): Promise<ConfigRead> {
    try {
      const { files, config } = await composeConfigGet(this.octokit, {
        owner: params.owner,
        repo: params.repo,
        path: params.path,
      });
      const found = files.some((file) => file.config !== null);
      return { kind: 'found', value: found ? config : null };
    } catch (error) {
      const failure = readHttpFailure(error);
      const message =
        failure === null
          ? error instanceof Error
            ? error.message
            : String(error)
          : `GitHub answered HTTP ${failure.status}: ${failure.message}`;
      return { kind: 'failed', message };
    }
  }
}

function checkRunBody(fields: Partial<CheckRunFields>) {
  return {
    ...(fields.name === undefined ? {} : { name: fields.name }),
    ...(fields.externalId === undefined ? {} : { external_id: fields.externalId }),
    ...(fields.detailsUrl === undefined ? {} : { details_url: fields.detailsUrl }),
    ...(fields.conclusion === undefined
      ? {}
      : { status: 'completed' as const, conclusion: fields.conclusion }),
    ...(fields.output === undefined ? {} : { output: { ...fields.output } }),
    ...(fields.actions === undefined ? {} : { actions: fields.actions.map((a) => ({ ...a })) }),
  };
}
