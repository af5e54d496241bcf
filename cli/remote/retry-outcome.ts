/**
 * What `gh-retry retry RUN` tells: the bot's result of a retry (`RetryTargetResult`) as one line
 * for a person, and as the `--json` object documented in the README ("CLI: remote runs").
 */
import type { RetryTargetResult } from '../../src/core/report/retry-reply.js';
import { formatRetryMode, type RetryMode } from '../../src/core/retry/mode.js';
import type { ShowJson } from '../json-output.js';

/** Why a retry was refused, or why GitHub's re-run of failed jobs was used instead. */
export type RetryReason =
  | 'fork'
  | 'no-dispatch-trigger'
  | 'not-gh-retry'
  | 'not-finished'
  | 'expired'
  | 'no-permission'
  | 'github-limit'
  | 'failed';

/** `gh-retry retry RUN --json`: the contract documented in the README. */
export interface RetryJson {
  readonly repository: string;
  readonly parent: { readonly id: number; readonly url: string };
  readonly mode: string;
  readonly outcome: 'dispatched' | 'rerun-failed-jobs' | 'already-retried' | 'refused';
  /** Why GitHub's re-run was used (`rerun-failed-jobs`) or why nothing started (`refused`). */
  readonly reason: RetryReason | null;
  readonly message: string;
  /** The run that retries the parent (for a re-run: the parent's next attempt); null if none. */
  readonly run: {
    readonly id: number;
    readonly attempt: number | null;
    readonly url: string;
  } | null;
  /** With `--follow`: how the run ended and the records it uploaded; otherwise null. */
  readonly result: FollowJson | null;
}

/** The `result` of `retry --follow --json`. */
export interface FollowJson {
  readonly conclusion: string | null;
  readonly records: readonly ShowJson[];
  /** Why a record could not be read (expired, invalid, too large). */
  readonly problems: readonly string[];
}

/** Where the retry is: a new run, the parent's next attempt, or nowhere. */
export interface RetryRun {
  readonly id: number;
  readonly attempt: number | null;
  readonly url: string;
}

const NATIVE_WHY: Readonly<Record<'fork' | 'no-dispatch-trigger' | 'not-gh-retry', string>> = {
  fork: 'the run comes from a fork, and a new run would run its code with this repository’s secrets',
  'no-dispatch-trigger':
    'its workflow has no workflow_dispatch trigger with a retry-of input (add it to retry with a new run: see docs/app.md)',
  'not-gh-retry': 'the run uploaded no gh-retry record',
};

/** The outcome, reason and one-line message of a result. */
export function describeResult(
  result: RetryTargetResult,
  params: { run: RetryRun | null; repository: string },
): { outcome: RetryJson['outcome']; reason: RetryReason | null; message: string } {
  const parent = `run ${result.parentRunId}`;
  const at = params.run === null ? '' : `: ${params.run.url}`;
  switch (result.kind) {
    case 'dispatched':
      return {
        outcome: 'dispatched',
        reason: null,
        message:
          params.run === null
            ? `started a retry of ${parent}; GitHub did not name the new run: look for "Retry of #${result.parentRunId}" among the workflow’s runs`
            : `started a retry of ${parent}${at}`,
      };
    case 'already-retried':
      return {
        outcome: 'already-retried',
        reason: null,
        message: `${parent} was already retried${at}; follow it with --follow, or retry that run`,
      };
    case 'native-rerun':
      return {
        outcome: 'rerun-failed-jobs',
        reason: result.why,
        message: `GitHub re-runs the failed jobs of ${parent}${at} (the gh-retry Action resumes them from failure), because ${NATIVE_WHY[result.why]}`,
      };
    case 'not-finished':
      return refused('not-finished', `${parent} has not finished: wait for it, then retry`);
    case 'expired':
      return refused(
        'expired',
        `the record of ${parent} expired on ${result.expiredAt.slice(0, 10)}: retry everything with --all`,
      );
    case 'refused':
      return refused('github-limit', `cannot retry ${parent}: ${result.reason}`);
    case 'failed':
      return /not accessible|must have|permission|\b403\b/i.test(result.message)
        ? refused('no-permission', noPermission(params.repository, result.message))
        : refused('failed', `could not retry ${parent}: ${result.message}`);
  }
}

/** The refusal of a token that may not start runs. */
export function noPermission(repository: string, detail: string): string {
  return `your token may not start runs in ${repository} (GitHub: ${detail}): use a token with Actions write access (gh auth refresh, or a fine-grained token with "Actions: read and write")`;
}

function refused(reason: RetryReason, message: string) {
  return { outcome: 'refused' as const, reason, message };
}

/** The `--json` object. */
export function toRetryJson(params: {
  repository: string;
  parent: { id: number; url: string };
  mode: RetryMode;
  described: ReturnType<typeof describeResult>;
  run: RetryRun | null;
  result: FollowJson | null;
}): RetryJson {
  return {
    repository: params.repository,
    parent: params.parent,
    mode: formatRetryMode(params.mode),
    outcome: params.described.outcome,
    reason: params.described.reason,
    message: params.described.message,
    run: params.run,
    result: params.result,
  };
}
