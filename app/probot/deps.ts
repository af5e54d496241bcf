/**
 * The Probot shell's side of the handlers: the bot's identity (read once with the App's JWT),
 * and the handler deps for one event (its installation's Octokit, its logger).
 */
import type { Context, Logger, Probot } from 'probot';
import { createRestGitHubBot } from '../../src/adapters/github/bot.js';
import type { GitHubClient } from '../../src/adapters/github/client.js';
import type { BotDeps, BotIdentity, BotLogger, Scheduler } from '../context.js';
import type { RecentRetries } from '../../src/retry-service/recent.js';
import type { RetryClaims } from '../../src/retry-service/claim.js';

/** What the Probot app is built with; tests pass their own scheduler and logger. */
export interface RetryAppOptions {
  readonly schedule: Scheduler;
  readonly maxDelaySeconds: number;
  /** Where handlers log; default: the event's Probot logger. */
  readonly log?: BotLogger;
  /** A scheduler for one event (the App with Redis keeps delayed retries in its queue). */
  readonly scheduleFor?: (context: Context) => Scheduler;
  /** Retry claims shared by every replica (Redis); default: this process's lock only. */
  readonly claims?: RetryClaims;
}

/** Read the App's identity once (its slug names its bot user); a failure is retried next time. */
export function appIdentityReader(app: Probot): () => Promise<BotIdentity> {
  let identity: Promise<BotIdentity> | null = null;
  return async () => {
    identity ??= (async () => {
      const octokit = await app.auth();
      const { data } = await octokit.rest.apps.getAuthenticated();
      if (data === null) throw new Error('GitHub did not say which App this is');
      return { login: `${data.slug ?? 'gh-retry'}[bot]`, appId: data.id };
    })();
    try {
      return await identity;
    } catch (error) {
      identity = null;
      throw error;
    }
  };
}

/** The handler deps for one event. */
export function probotDeps(params: {
  context: Context;
  identity: BotIdentity;
  options: RetryAppOptions;
  recentRetries: RecentRetries;
}): BotDeps {
  const { context, options } = params;
  return {
    // Probot's Octokit is an @octokit/core with the REST methods, paginate, retry and throttling.
    github: createRestGitHubBot(context.octokit as unknown as GitHubClient),
    identity: params.identity,
    log: options.log ?? botLoggerOf(context.log),
    schedule: options.scheduleFor?.(context) ?? options.schedule,
    maxDelaySeconds: options.maxDelaySeconds,
    checkRunButtons: true,
    recentRetries: params.recentRetries,
    ...(options.claims === undefined ? {} : { claims: options.claims }),
  };
}

/** A Probot (pino) logger as the handlers' logger; errors keep their stack under `err`. */
export function botLoggerOf(log: Logger): BotLogger {
  return {
    info: (message) => {
      log.info(message);
    },
    warn: (message) => {
      log.warn(message);
    },
    error: (message, error) => {
      log.error({ err: error }, message);
    },
  };
}
