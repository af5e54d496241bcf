/**
 * The run a dispatch started, when GitHub did not say which (GitHub Enterprise Server before
 * 3.21): the parent workflow's newest dispatched run whose title names the parent (the
 * documented `run-name: Retry of #ID`), looked for a bounded number of times.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { findExistingRetry } from '../../src/core/bot/retry-title.js';
import type { BotWorkflowRun, GitHubBot } from '../../src/ports/github-bot.js';
import type { RunTarget } from './run-target.js';

const LOOKS = 5;
const RUNS_READ = 20;

/** The id of the retry of `parent`, or null when none shows up after a few looks. */
export async function locateRetry(params: {
  github: GitHubBot;
  target: RunTarget;
  parent: BotWorkflowRun;
  intervalSeconds: number;
}): Promise<number | null> {
  const { github, target, parent } = params;
  for (let look = 0; look < LOOKS; look += 1) {
    if (look > 0) await sleep(params.intervalSeconds * 1000);
    const runs = await github.listRuns({
      owner: target.owner,
      repo: target.repo,
      workflow: parent.workflowId,
      event: 'workflow_dispatch',
      createdSince: parent.createdAt,
      limit: RUNS_READ,
    });
    const candidates = runs.map((run) => ({ runId: run.id, displayTitle: run.displayTitle }));
    const found = findExistingRetry({ parentRunId: parent.id, candidates });
    if (found.kind === 'found') return found.runId;
  }
  return null;
}
