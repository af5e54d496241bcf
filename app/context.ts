/**
 * What every handler is given, whichever shell runs it (the Probot server or the bot in a
 * workflow): GitHub operations, who the bot is, a logger and a way to run work after a delay.
 */
import type { RepoRef } from '../src/ports/github-runs.js';
import type { BotWorkflowRun, GitHubBot } from '../src/ports/github-bot.js';
import type { PlannedAutoRetry } from './retry/auto.js';
import type { RecentRetries } from './retry/recent.js';
import type { RetryClaims } from './retry/claim.js';

/** Who the bot is on GitHub; its own comments and check runs are recognised by these. */
export interface BotIdentity {
  /** `gh-retry[bot]` for the App, `github-actions[bot]` for the bot in a workflow. */
  readonly login: string;
  /** The App's id; null when the shell cannot know it (then check-run events are not handled). */
  readonly appId: number | null;
}

/** Where handlers report; never given tokens or comment text beyond ids. */
export interface BotLogger {
  info(message: string): void;
  warn(message: string): void;
  error(message: string, error?: unknown): void;
}

/** Run a task now (delay 0) or later; resolves once the task ran (or, in a server, was scheduled). */
export type Scheduler = (params: {
  readonly delaySeconds: number;
  readonly task: () => Promise<void>;
  /** The task as data, for a shell that keeps delayed work outside the process (a queue). */
  readonly job?: ScheduledPolicyRetry;
}) => Promise<void>;

/** A policy retry planned for later: the parent run and where to dispatch. */
export interface ScheduledPolicyRetry {
  readonly kind: 'policy-retry';
  readonly run: BotWorkflowRun;
  readonly retry: PlannedAutoRetry;
}

/** What a shell provides; the same for every event. */
export interface BotDeps {
  readonly github: GitHubBot;
  readonly identity: BotIdentity;
  readonly log: BotLogger;
  readonly schedule: Scheduler;
  /** The longest delay the shell waits in process; a longer policy delay is shortened to it. */
  readonly maxDelaySeconds: number;
  /** Whether check runs get buttons: only a GitHub App receives `check_run.requested_action`. */
  readonly checkRunButtons: boolean;
  /** The retries this process started lately; one for the life of the shell, not per event. */
  readonly recentRetries: RecentRetries;
  /** Claims shared by every process of the App (Redis); without them, this process's lock. */
  readonly claims?: RetryClaims;
}

/** The deps plus the repository an event is about. */
export interface BotContext extends BotDeps {
  readonly repo: RepoRef;
  /** Web address of the GitHub server (`https://github.com`), for run links. */
  readonly serverUrl: string;
}

/** The web URL of a run of the context's repository. */
export function runUrlOf(ctx: BotContext): (runId: number) => string {
  return (runId) => `${ctx.serverUrl}/${ctx.repo.owner}/${ctx.repo.repo}/actions/runs/${runId}`;
}
