import { composeConfigGet } from '@probot/octokit-plugin-config';
import type { RepoRef } from '../../ports/github-runs.js';
import type {
  BotChecks,
  BotConversation,
  BotRuns,
  BotWorkflowRun,
  CheckRunFields,
  CheckRunInfo,
  CommentInfo,
  ConfigRead,
  DispatchOutcome,
  GitHubBot,
  PullRequestInfo,
  RerunOutcome,
  RunFilter,
} from '../../ports/github-bot.js';
import { OctokitGitHub, type GitHubClient } from './runs.js';
import { readPullRequestChecks } from './pull-request-checks.js';

/*
 * The bot's GitHub operations over the REST API, in three groups (runs, conversation, check
 * runs) assembled by createOctokitGitHubBot at the end, on the same client as the Action's reads.
 */

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

/**
 * The dispatch error that means the workflow at that ref cannot be dispatched at all ("Workflow
 * does not have 'workflow_dispatch' trigger"), not that it is disabled ("Cannot trigger a
 * 'workflow_dispatch' on a disabled workflow"), which a native re-run would not fix either.
 */
const NO_DISPATCH_TRIGGER = /does not have 'workflow_dispatch' trigger/i;
/** A GitHub that predates `return_run_details` (GHES ≤ 3.20) refuses the field. */
const UNKNOWN_RUN_DETAILS = /return_run_details/i;

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

/** {@link BotRuns} over GitHub's REST API. */
function octokitBotRuns(octokit: GitHubClient): BotRuns {
  return {
    async getRun({ owner, repo, runId }) {
      const response = await orNullOn404(
        async () => await octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: runId }),
      );
      return response === null ? null : toRun(response.data);
    },

    async listRuns(params: RepoRef & RunFilter & { limit: number }) {
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
          ? octokit.paginate.iterator(octokit.rest.actions.listWorkflowRunsForRepo, query)
          : octokit.paginate.iterator(octokit.rest.actions.listWorkflowRuns, {
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
    },

    async dispatchWorkflow(params): Promise<DispatchOutcome> {
      const request = {
        owner: params.owner,
        repo: params.repo,
        workflow_id: params.workflowId,
        ref: params.ref,
        inputs: { ...params.inputs },
      };
      try {
        const response = await octokit.rest.actions.createWorkflowDispatch({
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
          await octokit.rest.actions.createWorkflowDispatch(request);
          return { kind: 'dispatched', runId: null };
        }
        if (failure.status === 422 && NO_DISPATCH_TRIGGER.test(failure.message))
          return { kind: 'no-dispatch-trigger', message: failure.message };
        return { kind: 'rejected', status: failure.status, message: failure.message };
      }
    },

    async rerunFailedJobs({ owner, repo, runId }): Promise<RerunOutcome> {
      try {
        await octokit.rest.actions.reRunWorkflowFailedJobs({ owner, repo, run_id: runId });
        return { kind: 'rerun' };
      } catch (error) {
        const failure = readHttpFailure(error);
        // 403 "already running" / "cannot be retried", 404: answers to show, not errors of the bot.
        if (failure === null || failure.status >= 500) throw error;
        return { kind: 'refused', status: failure.status, message: failure.message };
      }
    },

    async readFile({ owner, repo, path, ref }) {
      const response = await orNullOn404(
        async () =>
          await octokit.request('GET /repos/{owner}/{repo}/contents/{path}', {
            owner,
            repo,
            path,
            ref,
            headers: { accept: 'application/vnd.github.raw' },
          }),
      );
      if (response === null) return null;
      const data: unknown = response.data;
      if (typeof data !== 'string') throw new Error(`${path} is not a file`);
      return data;
    },

    async readConfig({ owner, repo, path, known }): Promise<ConfigRead> {
      try {
        const loader = known === undefined ? octokit : answeringFrom(octokit, { path, known });
        const { files, config } = await composeConfigGet(loader, { owner, repo, path });
        const found = files.some((file) => file.config !== null);
        return { kind: 'found', value: found ? config : null };
      } catch (error) {
        const failure = readHttpFailure(error);
        const message =
          failure !== null
            ? `GitHub answered HTTP ${failure.status}: ${failure.message}`
            : error instanceof Error
              ? error.message
              : String(error);
        return { kind: 'failed', message };
      }
    },
  };
}

/**
 * The client Probot's config loader is given: its reads of `path` on the default branch of a
 * repository in `known` are answered from there (the loader treats a 404 as "no file"); every
 * other request goes to GitHub.
 */
function answeringFrom(
  octokit: GitHubClient,
  params: { path: string; known: ReadonlyMap<string, string | null> },
): GitHubClient {
  type Endpoint = Parameters<GitHubClient['request']>[0] & Record<string, unknown>;
  const request = async (endpoint: Endpoint) => {
    const { owner, repo, path, ref } = endpoint;
    const text =
      path === params.path && ref === undefined
        ? params.known.get(`${String(owner)}/${String(repo)}`)
        : undefined;
    if (text === undefined) return await octokit.request(endpoint);
    if (text === null) throw Object.assign(new Error('Not Found'), { status: 404 });
    return { status: 200, url: '', headers: { 'content-type': 'text/plain' }, data: text };
  };
  return {
    request: Object.assign(request, { endpoint: octokit.request.endpoint }),
  } as unknown as GitHubClient;
}

/** The fields of a pull request (full or listed) that a retry needs. */
interface RestPull {
  readonly number: number;
  readonly head: { readonly sha: string; readonly ref: string; readonly repo: unknown };
  readonly base: { readonly repo: { readonly full_name: string } };
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

/** {@link BotConversation} over GitHub's REST API. */
function octokitBotConversation(octokit: GitHubClient): BotConversation {
  return {
    async getPullRequestChecks(params) {
      return await readPullRequestChecks(octokit, params);
    },

    async getPullRequest({ owner, repo, number }) {
      const response = await orNullOn404(
        async () => await octokit.rest.pulls.get({ owner, repo, pull_number: number }),
      );
      return response === null ? null : toPull(response.data);
    },

    async listPullRequestsByHead({ owner, repo, head }) {
      const { data } = await octokit.rest.pulls.list({
        owner,
        repo,
        head,
        state: 'open',
        per_page: 10,
      });
      return data.map(toPull);
    },

    async getPermission({ owner, repo, username }) {
      try {
        const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({
          owner,
          repo,
          username,
        });
        return { kind: 'found', permission: data.permission, roleName: data.role_name };
      } catch (error) {
        const failure = readHttpFailure(error);
        // 404: not a user GitHub knows on this repository, so no access; anything else is a failed lookup.
        if (failure?.status === 404) return { kind: 'found', permission: 'none', roleName: null };
        const reason =
          failure === null ? 'the lookup failed' : `GitHub answered HTTP ${failure.status}`;
        return { kind: 'failed', reason };
      }
    },

    async createComment({ owner, repo, issueNumber, body }) {
      const { data } = await octokit.rest.issues.createComment({
        owner,
        repo,
        issue_number: issueNumber,
        body,
      });
      return { id: data.id };
    },

    async updateComment({ owner, repo, commentId, body }) {
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: commentId, body });
    },

    async listComments({ owner, repo, issueNumber, limit }) {
      const comments: CommentInfo[] = [];
      const iterator = octokit.paginate.iterator(octokit.rest.issues.listComments, {
        owner,
        repo,
        issue_number: issueNumber,
        per_page: 100,
      });
      for await (const page of iterator) {
        for (const comment of page.data) {
          if (comments.length >= limit) return comments;
          comments.push({
            id: comment.id,
            body: comment.body ?? '',
            author: comment.user?.login ?? '',
            appId: comment.performed_via_github_app?.id ?? null,
          });
        }
      }
      return comments;
    },

    async addReaction({ owner, repo, commentId, content }) {
      const response = await octokit.rest.reactions.createForIssueComment({
        owner,
        repo,
        comment_id: commentId,
        content,
      });
      return { created: response.status === 201 };
    },
  };
}

type RestCheckRun = Awaited<ReturnType<GitHubClient['rest']['checks']['get']>>['data'];

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

/** The request fields for what is given; a conclusion completes the check run. */
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

/** {@link BotChecks} over GitHub's REST API (a GitHub App or a `GITHUB_TOKEN` with `checks: write`). */
function octokitBotChecks(octokit: GitHubClient): BotChecks {
  return {
    async createCheckRun(params) {
      const { data } = await octokit.rest.checks.create({
        ...checkRunBody(params),
        owner: params.owner,
        repo: params.repo,
        name: params.name,
        head_sha: params.headSha,
      });
      return { id: data.id };
    },

    async updateCheckRun(params) {
      await octokit.rest.checks.update({
        owner: params.owner,
        repo: params.repo,
        check_run_id: params.checkRunId,
        ...checkRunBody(params),
      });
    },

    async getCheckRun({ owner, repo, checkRunId }) {
      const response = await orNullOn404(
        async () => await octokit.rest.checks.get({ owner, repo, check_run_id: checkRunId }),
      );
      return response === null ? null : toCheckRun(response.data);
    },

    async listCheckRuns({ owner, repo, headSha, name, appId }) {
      const { data } = await octokit.rest.checks.listForRef({
        owner,
        repo,
        ref: headSha,
        check_name: name,
        filter: 'all',
        per_page: 100,
        ...(appId === undefined ? {} : { app_id: appId }),
      });
      return data.check_runs.map(toCheckRun);
    },
  };
}

/**
 * {@link GitHubBot} over GitHub's REST API: the Action's run and artifact reads
 * ({@link OctokitGitHub}) plus the bot's runs, conversation and check runs, on one client.
 */
export function createOctokitGitHubBot(octokit: GitHubClient): GitHubBot {
  const actions = new OctokitGitHub(octokit);
  return {
    getWorkflowRun: async (params) => await actions.getWorkflowRun(params),
    listRunArtifacts: async (params) => await actions.listRunArtifacts(params),
    downloadArtifactZip: async (params) => await actions.downloadArtifactZip(params),
    ...octokitBotRuns(octokit),
    ...octokitBotConversation(octokit),
    ...octokitBotChecks(octokit),
  };
}
