/**
 * The GitHub operations the bot needs beyond reading a run's record (`github-runs.ts`): runs,
 * dispatch and native re-runs, pull requests, permissions, comments and reactions, check runs,
 * files and the configuration. Shared by the Probot App and the bot hosted in a workflow;
 * adapter: `adapters/github/bot.ts`.
 */
import type { CheckRunFields } from '../core/report/check-run.js';
import type { PermissionLookup } from '../core/bot/authorize.js';
import type { RunArtifactReader, RepoRef, WorkflowRunInfo } from './github-runs.js';

/** A workflow run with what the bot decides on beyond the Action's view of it. */
export interface BotWorkflowRun extends WorkflowRunInfo {
  readonly workflowId: number;
  /** The workflow's name (`name:` of the file), else its path. */
  readonly workflowName: string;
  /** `owner/name` of the repository the head commit came from; differs for fork pull requests. */
  readonly headRepository: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** Pull requests GitHub associates with the run (empty for forks). */
  readonly pullRequests: readonly number[];
}

/** Filters of a run listing; every run matches every filter that is given. */
export interface RunFilter {
  readonly headSha?: string;
  /** Workflow id or file name (`nightly.yml`). */
  readonly workflow?: number | string;
  readonly event?: string;
  readonly branch?: string;
  /** Only runs created at or after this ISO time. */
  readonly createdSince?: string;
}

/** What a `workflow_dispatch` request did. */
export type DispatchOutcome =
  | {
      readonly kind: 'dispatched';
      /** The new run, when GitHub returned its details (github.com; GHES 3.21+). */
      readonly runId: number | null;
    }
  | { readonly kind: 'no-dispatch-trigger'; readonly message: string }
  | { readonly kind: 'rejected'; readonly status: number; readonly message: string };

/** What a request to re-run a run's failed jobs did. */
export type RerunOutcome =
  | { readonly kind: 'rerun' }
  | { readonly kind: 'refused'; readonly status: number; readonly message: string };

/** A pull request, reduced to what a retry needs. */
export interface PullRequestInfo {
  readonly number: number;
  readonly headSha: string;
  readonly headRef: string;
  /** `owner/name` of the head repository; null when the fork was deleted. */
  readonly headRepository: string | null;
  readonly baseRepository: string;
}

/** A comment on an issue or pull request. */
export interface CommentInfo {
  readonly id: number;
  readonly body: string;
  readonly author: string;
  /** The App that posted it, if any. */
  readonly appId: number | null;
}

/** Reactions the bot uses. */
export type ReactionContent = 'eyes' | 'rocket' | 'confused';

export type { CheckRunFields };

/** A check run as read back. */
export interface CheckRunInfo {
  readonly id: number;
  readonly name: string;
  readonly headSha: string;
  readonly externalId: string | null;
  readonly appId: number | null;
  readonly conclusion: string | null;
  readonly output: { readonly title: string; readonly summary: string; readonly text: string };
}

/**
 * A workflow run of a pull request's head commit, as one read of the commit's check suites gives
 * it: what choosing and retrying a `/retry` target needs, without the REST run's detail.
 */
export interface CommitRun {
  readonly id: number;
  readonly runNumber: number;
  readonly workflowId: number;
  /** The workflow's name (`name:` of the file), else its path. */
  readonly workflowName: string;
  /** Path of the workflow file (`.github/workflows/nightly.yml`). */
  readonly workflowPath: string;
  /** `queued`, `in_progress`, `completed`, … (lower case, as the REST API says it). */
  readonly status: string;
  /** `failure`, `success`, `cancelled`, … (lower case); null until completed. */
  readonly conclusion: string | null;
  readonly headSha: string;
  readonly headBranch: string | null;
  readonly event: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** Which pull request, check runs and configuration file {@link PullRequestChecks} are about. */
export interface PullRequestChecksQuery extends RepoRef {
  readonly number: number;
  /** The bot's check-run name. */
  readonly checkName: string;
  /** The bot's App; null: check runs of that name from any App. */
  readonly appId: number | null;
  readonly configPath: string;
  /** Workflow runs read at most. */
  readonly limit: number;
}

/** A pull request with its head commit's workflow runs and the bot's check runs on that commit. */
export interface PullRequestChecks {
  readonly pull: PullRequestInfo;
  /** Every workflow run of the head commit (at most `limit`; `truncated` says when there were more). */
  readonly runs: readonly CommitRun[];
  readonly truncated: boolean;
  /** The bot's check runs (its App's, with its check-run name) on the head commit. */
  readonly checkRuns: readonly CheckRunInfo[];
  /**
   * The configuration files read on the default branch along the way, by `owner/repo`: their
   * text, or null when absent. {@link BotRuns.readConfig} answers from them instead of reading again.
   */
  readonly configFiles: ReadonlyMap<string, string | null>;
}

/** Configuration read with Probot's loader (`_extends` resolved), or why it could not be read. */
export type ConfigRead =
  | { readonly kind: 'found'; readonly value: Readonly<Record<string, unknown>> | null }
  | { readonly kind: 'failed'; readonly message: string };

/** Workflow runs: read, dispatch, re-run; and the files they are made of. */
export interface BotRuns {
  /** A run with the bot's extra fields, or null when it does not exist. */
  getRun(params: RepoRef & { readonly runId: number }): Promise<BotWorkflowRun | null>;
  /** Runs matching the filter, newest first, at most `limit` (bounded paging). */
  listRuns(params: RepoRef & RunFilter & { readonly limit: number }): Promise<BotWorkflowRun[]>;
  /** Dispatch a workflow on a branch, asking for the new run's id. */
  dispatchWorkflow(
    params: RepoRef & {
      readonly workflowId: number;
      readonly ref: string;
      readonly inputs: Readonly<Record<string, string>>;
    },
  ): Promise<DispatchOutcome>;
  /** GitHub's "Re-run failed jobs" of a run (a new attempt of the same run). */
  rerunFailedJobs(params: RepoRef & { readonly runId: number }): Promise<RerunOutcome>;
  /** A file's text at a ref; null when it does not exist there. */
  readFile(
    params: RepoRef & { readonly path: string; readonly ref: string },
  ): Promise<string | null>;
  /**
   * The configuration file, read with Probot's config loader (`_extends` works); the loader's
   * reads of files in `known` (by `owner/repo`, default branch) are answered from it.
   */
  readConfig(
    params: RepoRef & {
      readonly path: string;
      readonly known?: ReadonlyMap<string, string | null>;
    },
  ): Promise<ConfigRead>;
}

/** Pull requests, who may do what, and the conversation on them. */
export interface BotConversation {
  /**
   * In one read: the pull request, its head commit's workflow runs, the bot's check runs there,
   * and the configuration file `configPath` of the repository and of the owner's `.github`
   * repository (where Probot's loader looks); null when the pull request does not exist.
   */
  getPullRequestChecks(params: PullRequestChecksQuery): Promise<PullRequestChecks | null>;
  /** The pull request, or null when it does not exist. */
  getPullRequest(params: RepoRef & { readonly number: number }): Promise<PullRequestInfo | null>;
  /** Open pull requests whose head is `owner:branch`. */
  listPullRequestsByHead(params: RepoRef & { readonly head: string }): Promise<PullRequestInfo[]>;
  /** The user's permission on the repository; any error is a `failed` lookup. */
  getPermission(params: RepoRef & { readonly username: string }): Promise<PermissionLookup>;
  /** Post a comment on an issue or pull request. */
  createComment(
    params: RepoRef & { readonly issueNumber: number; readonly body: string },
  ): Promise<{ readonly id: number }>;
  /** Replace a comment's body. */
  updateComment(
    params: RepoRef & { readonly commentId: number; readonly body: string },
  ): Promise<void>;
  /** Comments of an issue or pull request, oldest first, at most `limit`. */
  listComments(
    params: RepoRef & { readonly issueNumber: number; readonly limit: number },
  ): Promise<CommentInfo[]>;
  /**
   * React to a comment (GitHub keeps one reaction of a kind per user); `created` is false when
   * this user had already reacted so (GitHub answers 200 instead of 201).
   */
  addReaction(
    params: RepoRef & { readonly commentId: number; readonly content: ReactionContent },
  ): Promise<{ readonly created: boolean }>;
}

/** The bot's check runs. */
export interface BotChecks {
  /** Create a completed check run on a commit. */
  createCheckRun(
    params: RepoRef & CheckRunFields & { readonly headSha: string },
  ): Promise<{ readonly id: number }>;
  /** Change some fields of a check run. */
  updateCheckRun(
    params: RepoRef & Partial<CheckRunFields> & { readonly checkRunId: number },
  ): Promise<void>;
  /** The check run, or null when it does not exist. */
  getCheckRun(params: RepoRef & { readonly checkRunId: number }): Promise<CheckRunInfo | null>;
  /** Check runs of a commit with this name (newest first), optionally of one App only. */
  listCheckRuns(
    params: RepoRef & { readonly headSha: string; readonly name: string; readonly appId?: number },
  ): Promise<CheckRunInfo[]>;
}

/** Everything the bot does on GitHub. */
export interface GitHubBot extends RunArtifactReader, BotRuns, BotConversation, BotChecks {}
