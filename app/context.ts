/**
 * What every handler is given, whichever shell runs it (the Probot server or the bot in a
 * workflow): GitHub operations, who the bot is, a logger and a way to run work after a delay.
 */
import type { RetryRoute } from '../src/core/bot/route.js';
import type { BotWorkflowRun } from '../src/ports/github-bot.js';
import type { GitHubRetryContext } from '../src/retry-service/context.js';

export type { BotIdentity } from '../src/retry-service/context.js';
export { runUrlOf } from '../src/retry-service/context.js';

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

/** A policy retry ready to start: where to dispatch and after how long. */
export interface PlannedAutoRetry {
  readonly route: Extract<RetryRoute, { kind: 'dispatch' }>;
  readonly delaySeconds: number;
}

/** A policy retry planned for later: the parent run and where to dispatch. */
export interface ScheduledPolicyRetry {
  readonly kind: 'policy-retry';
  readonly run: BotWorkflowRun;
  readonly retry: PlannedAutoRetry;
}

/** What a shell provides; the same for every event. */
export interface BotDeps extends Omit<GitHubRetryContext, 'repo' | 'serverUrl'> {
  readonly log: BotLogger;
  readonly schedule: Scheduler;
  /** The longest delay the shell waits in process; a longer policy delay is shortened to it. */
  readonly maxDelaySeconds: number;
  /** Whether check runs get buttons: only a GitHub App receives `check_run.requested_action`. */
  readonly checkRunButtons: boolean;
}

/** The deps plus the repository an event is about (all that retrying a run needs, and more). */
export interface BotContext extends BotDeps, GitHubRetryContext {}
