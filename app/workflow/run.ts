/**
 * The bot hosted in a workflow (`on: issue_comment`, `on: workflow_run`) for teams without a
 * server: the same handlers as the App, with the repository's `GITHUB_TOKEN`. Reads the runner's
 * environment itself (no `@actions/*` in the App) and writes workflow commands to stdout.
 */
import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { createGitHubClient } from '../../src/adapters/github/client.js';
import { createRestGitHubBot } from '../../src/adapters/github/bot.js';
import type { BotDeps, BotLogger, Scheduler } from '../context.js';
import { handleIssueComment } from '../handlers/issue-comment.js';
import { handleWorkflowRun } from '../handlers/workflow-run.js';
import { RecentRetries } from '../../src/retry-service/recent.js';
import { contextFor, readPayload, workflowRunEvent } from '../payloads.js';
import { errorMessage } from '../../src/core/errors.js';
import { noteUnreportedRetries } from './unreported.js';

/** The longest policy delay the bot sleeps for inside its job (runner minutes are billed). */
export const BOT_MAX_DELAY_SECONDS = 600;

/** Comments and check runs made with a `GITHUB_TOKEN` belong to this user. */
export const ACTIONS_BOT_LOGIN = 'github-actions[bot]';

const HANDLERS: Readonly<Record<string, (deps: BotDeps, payload: unknown) => Promise<void>>> = {
  issue_comment: handleIssueComment,
  workflow_run: handleWorkflowRun,
};

/** Run the bot for the event of this job; resolves to the process exit code. */
export async function runWorkflowBot(
  env: Readonly<Record<string, string | undefined>>,
  out: (line: string) => void,
): Promise<number> {
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const eventPath = env.GITHUB_EVENT_PATH ?? '';
  const token = (env['INPUT_GITHUB-TOKEN'] ?? '') || (env.GITHUB_TOKEN ?? '');
  if (eventPath === '' || token === '') {
    out(
      command(
        'error',
        'gh-retry bot: run it as a workflow step; it needs GITHUB_EVENT_PATH and the github-token input.',
      ),
    );
    return 1;
  }
  const handler = HANDLERS[eventName];
  if (handler === undefined) {
    out(
      command(
        'notice',
        `gh-retry bot: nothing to do for the ${eventName} event; use it on issue_comment and workflow_run.`,
      ),
    );
    return 0;
  }
  const payload: unknown = JSON.parse(await readFile(eventPath, 'utf8'));
  let errors = 0;
  const log: BotLogger = {
    info: (message) => {
      out(message);
    },
    warn: (message) => {
      out(command('warning', message));
    },
    error: (message, error) => {
      errors += 1;
      const reason = error instanceof Error ? `: ${error.message}` : '';
      out(command('error', `${message}${reason}`));
      if (error instanceof Error && error.stack !== undefined) out(error.stack);
    },
  };
  const client = createGitHubClient({
    token,
    baseUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
  });
  const deps: BotDeps = {
    github: createRestGitHubBot(client),
    identity: { login: ACTIONS_BOT_LOGIN, appId: null },
    log,
    schedule: sleepScheduler(log),
    maxDelaySeconds: BOT_MAX_DELAY_SECONDS,
    checkRunButtons: false,
    recentRetries: new RecentRetries(),
  };
  await handler(deps, payload);
  await checkReported(deps, payload);
  return errors === 0 ? 0 : 1;
}

/**
 * After the event: say loudly, on the retry's checks, when a retry this workflow dispatched was
 * never reported (what it assumes of GitHub did not hold; `unreported.ts`). A failure to look is
 * a warning: the event itself was handled.
 */
async function checkReported(deps: BotDeps, payload: unknown): Promise<void> {
  try {
    const event = readPayload(workflowRunEvent.pick({ repository: true }), payload, 'event');
    await noteUnreportedRetries(contextFor(deps, event), new Date());
  } catch (error) {
    deps.log.warn(
      `gh-retry bot: could not check that earlier retries were reported: ${errorMessage(error)}`,
    );
  }
}

/** A workflow job cannot leave work behind: it waits for a delayed retry, then runs it. */
function sleepScheduler(log: BotLogger): Scheduler {
  return async ({ delaySeconds, task }) => {
    if (delaySeconds > 0) {
      log.info(`waiting ${delaySeconds}s before retrying, as the retry policy asks`);
      await sleep(delaySeconds * 1000);
    }
    await task();
  };
}

/** A workflow command line (`::error::…`), with its data escaped as the runner expects. */
function command(name: 'error' | 'warning' | 'notice', message: string): string {
  const data = message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  return `::${name}::${data}`;
}
