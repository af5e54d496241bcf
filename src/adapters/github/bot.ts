import type { GitHubBot } from '../../ports/github-bot.js';
import { restBotChecks } from './bot-checks.js';
import { restBotConversation } from './bot-conversation.js';
import { restBotRuns } from './bot-runs.js';
import type { GitHubClient } from './client.js';
import { createRestRunReader } from './runs.js';

/*
 * The bot's GitHub operations over the REST API, one file per port group (`bot-runs.ts`,
 * `bot-conversation.ts`, `bot-checks.ts`), assembled here on the same client as the Action's reads.
 */

/**
 * {@link GitHubBot} over GitHub's REST API: the Action's run and artifact reads
 * ({@link createRestRunReader}) plus the bot's runs, conversation and check runs, on one client.
 */
export function createRestGitHubBot(octokit: GitHubClient): GitHubBot {
  return {
    ...createRestRunReader(octokit),
    ...restBotRuns(octokit),
    ...restBotConversation(octokit),
    ...restBotChecks(octokit),
  };
}
