/**
 * A workflow run as GitHub describes it (the REST API and the `workflow_run` webhook payload share
 * the shape), mapped once to what the Action and the bot read, with the one workflow-path
 * normaliser.
 */
import { workflowPathOf } from '../../core/workflow-path.js';
import type { BotWorkflowRun } from '../../ports/github-bot.js';
import type { WorkflowRunInfo } from '../../ports/github-runs.js';

/** The fields of GitHub's workflow run object that gh-retry reads. */
export interface GitHubRunFields {
  readonly id: number;
  readonly run_attempt?: number | null | undefined;
  readonly run_number: number;
  readonly repository: { readonly full_name: string };
  readonly path: string;
  readonly status: string | null;
  readonly conclusion: string | null;
  readonly html_url: string;
  readonly display_title: string;
  readonly head_sha: string;
  readonly head_branch: string | null;
  readonly event: string;
  readonly workflow_id: number;
  readonly name?: string | null | undefined;
  readonly head_repository?: unknown;
  readonly created_at: string;
  readonly updated_at: string;
  readonly pull_requests?: readonly { readonly number: number }[] | null | undefined;
}

/** A run as the Action's reads need it. */
export function toWorkflowRunInfo(data: GitHubRunFields): WorkflowRunInfo {
  return {
    id: data.id,
    attempt: data.run_attempt ?? 1,
    runNumber: data.run_number,
    repository: data.repository.full_name,
    workflowPath: workflowPathOf(data.path, data.repository.full_name),
    status: data.status,
    conclusion: data.conclusion,
    htmlUrl: data.html_url,
    displayTitle: data.display_title,
    headSha: data.head_sha,
    headBranch: data.head_branch,
    event: data.event,
  };
}

/** A run as the bot needs it: {@link toWorkflowRunInfo} and what the bot decides on besides. */
export function toBotWorkflowRun(data: GitHubRunFields): BotWorkflowRun {
  return {
    ...toWorkflowRunInfo(data),
    workflowId: data.workflow_id,
    workflowName: data.name ?? data.path,
    headRepository: (data.head_repository as { full_name?: string } | null)?.full_name ?? null,
    createdAt: data.created_at,
    updatedAt: data.updated_at,
    pullRequests: (data.pull_requests ?? []).map((pull) => pull.number),
  };
}
