/**
 * `--follow`: watch a run until it completes, within GitHub's guidance for polling: conditional
 * requests (`If-None-Match` with the last ETag; a 304 does not count against the rate limit), an
 * interval that grows while nothing changes, and a bounded wait. Then the run's records tell
 * what each step did.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { readRunRecords } from '../../src/retry-service/run-records.js';
import { UserError } from '../../src/core/errors.js';
import type { BotWorkflowRun } from '../../src/ports/github-bot.js';
import { toShowJson } from '../json-output.js';
import type { GitHubAccess } from './github-access.js';
import type { FollowJson, RetryRun } from './retry-outcome.js';
import { readJobChanges, watchJobs } from './follow-jobs.js';
import { describeRecords } from './record-summary.js';
import type { RunTarget } from './run-target.js';

/** The `--follow`/`--wait` flag and how long to wait. */
export interface FollowOptions {
  readonly follow?: boolean;
  /** Minutes to wait at most (default 360, GitHub's longest job). */
  readonly timeout?: string;
}

/** Seconds between polls at first (`GH_RETRY_POLL_SECONDS`), and at most while nothing changes. */
const FIRST_INTERVAL_S = 5;
const MAX_INTERVAL_S = 30;
const DEFAULT_TIMEOUT_MIN = 360;

interface RunState {
  readonly status: string;
  readonly conclusion: string | null;
  readonly attempt: number;
}

/** Follow `run` to its end; prints progress with `say`, returns how it ended. */
export async function followRun(params: {
  access: GitHubAccess;
  target: RunTarget;
  parent: BotWorkflowRun;
  run: RetryRun;
  options: FollowOptions & { readonly pollSeconds?: number };
  say: (text: string) => void;
}): Promise<{ json: FollowJson }> {
  const { access, target, run, say } = params;
  const last = await waitForCompletion(params);
  const records = await readRunRecords({
    github: access.github,
    repo: target,
    run: { id: run.id, attempt: last.attempt, repository: `${target.owner}/${target.repo}` },
  });
  const read =
    records.kind === 'read'
      ? records
      : { records: [], problems: ['the run uploaded no gh-retry record'] };
  say(describeRecords(read));
  return {
    json: {
      conclusion: last.conclusion,
      records: read.records.map(toShowJson),
      problems: read.problems,
    },
  };
}

/** Poll the run until it (its awaited attempt, for a re-run) completes; bounded by the timeout. */
async function waitForCompletion(params: {
  access: GitHubAccess;
  target: RunTarget;
  run: RetryRun;
  options: FollowOptions & { readonly pollSeconds?: number };
  say: (text: string) => void;
}): Promise<RunState> {
  const { access, target, run, say } = params;
  const timeoutMin = readTimeout(params.options.timeout);
  const deadline = Date.now() + timeoutMin * 60_000;
  const first = params.options.pollSeconds ?? FIRST_INTERVAL_S;
  let interval = first;
  let etag: string | null = null;
  let last: RunState | null = null;
  const watch = watchJobs();
  for (;;) {
    const read = await readRun(access, target, run.id, etag);
    etag = read.etag ?? etag;
    const state: RunState | null = read.state ?? last;
    const changed = read.state !== null && JSON.stringify(state) !== JSON.stringify(last);
    last = state;
    // A re-run's run reads as the previous attempt, completed, until GitHub starts the next one.
    if (state !== null && (run.attempt === null || state.attempt >= run.attempt)) {
      if (changed) say(`run ${run.id}: ${describe(state)}\n`);
      const jobs = await readJobChanges({
        ...params,
        runId: run.id,
        attempt: state.attempt,
        watch,
      });
      for (const line of jobs) say(`${line}\n`);
      if (state.status === 'completed') return state;
    }
    if (Date.now() + interval * 1000 > deadline)
      throw new UserError(
        `run ${run.id} is still running after ${timeoutMin} minutes: watch it with "gh run watch ${run.id}", or open ${run.url}`,
      );
    interval = changed ? first : Math.min(interval * 1.5, Math.max(first, MAX_INTERVAL_S));
    await sleep(interval * 1000);
  }
}

/** One conditional read of a run: its state, or null when unchanged since `etag` (304). */
async function readRun(
  access: GitHubAccess,
  target: RunTarget,
  runId: number,
  etag: string | null,
): Promise<{ state: RunState | null; etag: string | null }> {
  try {
    const response = await access.client.request(
      'GET /repos/{owner}/{repo}/actions/runs/{run_id}',
      {
        owner: target.owner,
        repo: target.repo,
        run_id: runId,
        headers: etag === null ? {} : { 'if-none-match': etag },
      },
    );
    const { data } = response;
    return {
      state: {
        status: data.status ?? 'unknown',
        conclusion: data.conclusion,
        attempt: data.run_attempt ?? 1,
      },
      etag: response.headers.etag ?? null,
    };
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'status' in error && error.status === 304)
      return { state: null, etag };
    throw error;
  }
}

function describe(state: RunState): string {
  const attempt = state.attempt > 1 ? ` (attempt ${state.attempt})` : '';
  const status = state.status.replace(/_/g, ' ');
  return state.status === 'completed'
    ? `completed, ${state.conclusion ?? 'no conclusion'}${attempt}`
    : `${status}${attempt}`;
}

function readTimeout(text: string | undefined): number {
  if (text === undefined) return DEFAULT_TIMEOUT_MIN;
  const minutes = Number(text);
  if (!Number.isFinite(minutes) || minutes <= 0)
    throw new UserError(`--timeout takes minutes (a positive number), not "${text}"`);
  return minutes;
}
