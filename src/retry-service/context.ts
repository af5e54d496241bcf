/**
 * What retrying a GitHub run needs, whichever shell asks (the bot's handlers or the remote CLI):
 * the GitHub operations, who the bot is (its notes are found by it), the repository, and the
 * memory and claims that keep one retry per parent run.
 */
import type { GitHubBot } from '../ports/github-bot.js';
import type { RepoRef } from '../ports/github-runs.js';
import type { RetryClaims } from './claim.js';
import type { RecentRetries } from './recent.js';

/** Who the bot is on GitHub; its own comments and check runs are recognised by these. */
export interface BotIdentity {
  /** `gh-retry[bot]` for the App, `github-actions[bot]` for the bot in a workflow. */
  readonly login: string;
  /** The App's id; null when the shell cannot know it (then check-run events are not handled). */
  readonly appId: number | null;
}

/** The context of retrying one repository's runs. */
export interface GitHubRetryContext {
  readonly github: GitHubBot;
  readonly identity: BotIdentity;
  /** The retries this process started lately; one for the life of the shell, not per event. */
  readonly recentRetries: RecentRetries;
  /** Claims shared by every process of the App (Redis); without them, this process's lock. */
  readonly claims?: RetryClaims;
  readonly repo: RepoRef;
  /** Web address of the GitHub server (`https://github.com`), for run links. */
  readonly serverUrl: string;
}

/** The web URL of a run of the context's repository. */
export function runUrlOf(
  ctx: Pick<GitHubRetryContext, 'repo' | 'serverUrl'>,
): (runId: number) => string {
  return (runId) => `${ctx.serverUrl}/${ctx.repo.owner}/${ctx.repo.repo}/actions/runs/${runId}`;
}
