/**
 * The handler context of a delayed policy retry, rebuilt from its job by whichever replica
 * takes it: the installation's Octokit, the App's identity, and the shared retry claims.
 */
import type { Probot } from 'probot';
import { createRestGitHubBot } from '../../../src/adapters/github/bot.js';
import type { GitHubClient } from '../../../src/adapters/github/client.js';
import type { BotContext, BotIdentity, BotLogger } from '../../context.js';
import type { RecentRetries } from '../../../src/retry-service/recent.js';
import type { RetryClaims } from '../../../src/retry-service/claim.js';
import type { PolicyRetryJob } from './webhook-queue.js';

/** The context `runPlannedRetry` needs for `job`. */
export async function policyRetryContext(params: {
  probot: Probot;
  job: PolicyRetryJob;
  identity: BotIdentity;
  claims: RetryClaims;
  recentRetries: RecentRetries;
  maxDelaySeconds: number;
  log: BotLogger;
}): Promise<BotContext> {
  const octokit = await params.probot.auth(params.job.installationId);
  return {
    github: createRestGitHubBot(octokit as unknown as GitHubClient),
    identity: params.identity,
    log: params.log,
    // The delay is over: the retry runs now.
    schedule: async ({ task }) => {
      await task();
    },
    maxDelaySeconds: params.maxDelaySeconds,
    checkRunButtons: true,
    recentRetries: params.recentRetries,
    claims: params.claims,
    repo: params.job.repo,
    serverUrl: params.job.serverUrl,
  };
}
