import { namesRepository, workflowPathOf } from '../src/core/workflow-path.js';
import { UserError } from '../src/core/errors.js';
import type { GitHubRunInfo } from '../src/core/run-record/schema.js';

/** Where this job runs, read from the runner's `GITHUB_*` / `RUNNER_*` environment. */
export interface GitHubContext {
  readonly owner: string;
  readonly repo: string;
  /** `owner/name`. */
  readonly repository: string;
  readonly runId: number;
  readonly attempt: number;
  readonly runNumber: number | null;
  /** The job id (`jobs.<id>` in the workflow). */
  readonly job: string;
  /** The workflow's name as shown in the UI. */
  readonly workflowName: string;
  /** `owner/repo/.github/workflows/x.yml@refs/heads/main`, when the runner gives it. */
  readonly workflowRef: string | null;
  /** `.github/workflows/x.yml`, the path the REST API reports for runs of this workflow. */
  readonly workflowPath: string | null;
  readonly eventName: string;
  readonly actor: string | null;
  /** Who started this attempt (differs from `actor` on re-runs). */
  readonly triggeringActor: string | null;
  readonly sha: string | null;
  readonly ref: string | null;
  readonly serverUrl: string;
  readonly apiUrl: string;
  readonly workspace: string;
  readonly runnerTemp: string | null;
}

/** Outside GitHub Actions (or with a broken runner environment). */
export class NotInActionsError extends UserError {
  override name = 'NotInActionsError';
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name]?.trim() ?? '';
  if (value === '') {
    throw new NotInActionsError(
      `${name} is not set: the gh-retry Action runs inside GitHub Actions (use the gh-retry CLI elsewhere)`,
    );
  }
  return value;
}

function positive(env: NodeJS.ProcessEnv, name: string): number {
  const value = Number(required(env, name));
  if (!Number.isSafeInteger(value) || value < 1)
    throw new NotInActionsError(`${name} is not a positive number`);
  return value;
}

function optional(env: NodeJS.ProcessEnv, name: string): string | null {
  const value = env[name]?.trim() ?? '';
  return value === '' ? null : value;
}

/** The workflow file path from `GITHUB_WORKFLOW_REF` (`o/r/.github/workflows/x.yml@ref` → `.github/workflows/x.yml`). */
export function parseWorkflowPath(workflowRef: string | null, repository: string): string | null {
  // A ref that does not carry this repository is not this job's workflow: the path is unknown.
  if (workflowRef === null || !namesRepository(workflowRef, repository)) return null;
  return workflowPathOf(workflowRef, repository);
}

/** Read the job's context from the runner environment. */
export function parseGitHubContext(env: NodeJS.ProcessEnv): GitHubContext {
  const repository = required(env, 'GITHUB_REPOSITORY');
  const [owner, repo] = repository.split('/');
  if (owner === undefined || repo === undefined)
    throw new NotInActionsError('GITHUB_REPOSITORY is not owner/name');
  const workflowRef = optional(env, 'GITHUB_WORKFLOW_REF');
  const runNumber = Number(env.GITHUB_RUN_NUMBER);
  return {
    owner,
    repo,
    repository,
    runId: positive(env, 'GITHUB_RUN_ID'),
    attempt: optional(env, 'GITHUB_RUN_ATTEMPT') === null ? 1 : positive(env, 'GITHUB_RUN_ATTEMPT'),
    runNumber: Number.isSafeInteger(runNumber) && runNumber > 0 ? runNumber : null,
    job: required(env, 'GITHUB_JOB'),
    workflowName: optional(env, 'GITHUB_WORKFLOW') ?? 'workflow',
    workflowRef,
    workflowPath: parseWorkflowPath(workflowRef, repository),
    eventName: optional(env, 'GITHUB_EVENT_NAME') ?? 'unknown',
    actor: optional(env, 'GITHUB_ACTOR'),
    triggeringActor: optional(env, 'GITHUB_TRIGGERING_ACTOR'),
    sha: optional(env, 'GITHUB_SHA'),
    ref: optional(env, 'GITHUB_REF'),
    serverUrl: optional(env, 'GITHUB_SERVER_URL') ?? 'https://github.com',
    apiUrl: optional(env, 'GITHUB_API_URL') ?? 'https://api.github.com',
    workspace: optional(env, 'GITHUB_WORKSPACE') ?? process.cwd(),
    runnerTemp: optional(env, 'RUNNER_TEMP'),
  };
}

/** The record's `github` block for this job. */
export function toGitHubRunInfo(context: GitHubContext): GitHubRunInfo {
  return {
    repository: context.repository,
    workflow: context.workflowPath ?? context.workflowName,
    workflowRef: context.workflowRef,
    job: context.job,
    runId: context.runId,
    runAttempt: context.attempt,
    runNumber: context.runNumber,
    serverUrl: context.serverUrl,
    actor: context.triggeringActor ?? context.actor,
  };
}
