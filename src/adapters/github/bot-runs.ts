import type { RepoRef } from '../../ports/github-runs.js';
import type {
  BotRuns,
  BotWorkflowRun,
  DispatchOutcome,
  RerunOutcome,
  RunFilter,
} from '../../ports/github-bot.js';
import { readConfig } from './bot-config.js';
import { orNullOn404, readHttpFailure, type GitHubClient } from './client.js';
import { toBotWorkflowRun } from './workflow-run.js';

/**
 * The dispatch error that means the workflow at that ref cannot be dispatched at all ("Workflow
 * does not have 'workflow_dispatch' trigger"), not that it is disabled ("Cannot trigger a
 * 'workflow_dispatch' on a disabled workflow"), which a native re-run would not fix either.
 */
const NO_DISPATCH_TRIGGER = /does not have 'workflow_dispatch' trigger/i;
/** A GitHub that predates `return_run_details` (GHES ≤ 3.20) refuses the field. */
const UNKNOWN_RUN_DETAILS = /return_run_details/i;

/** {@link BotRuns} over GitHub's REST API. */
export function restBotRuns(octokit: GitHubClient): BotRuns {
  return {
    async getRun({ owner, repo, runId }) {
      const response = await orNullOn404(
        async () => await octokit.rest.actions.getWorkflowRun({ owner, repo, run_id: runId }),
      );
      return response === null ? null : toBotWorkflowRun(response.data);
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
          runs.push(toBotWorkflowRun(run));
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

    readConfig: async (params) => await readConfig(octokit, params),
  };
}
