import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';

/*
 * What every GitHub adapter shares: the REST client, the one reader of an HTTP failure, and the
 * one mapping of a REST workflow run.
 */

const ResilientOctokit = Octokit.plugin(retry, throttling);

/** An Octokit with GitHub's retry and rate-limit plugins, as gh-retry uses it. */
export type GitHubClient = Octokit;

/** Options of {@link createGitHubClient}. */
export interface GitHubClientOptions {
  readonly token: string;
  /** REST base, e.g. `GITHUB_API_URL` (`https://api.github.com`, a GHES `/api/v3`, or an emulator). */
  readonly baseUrl: string;
  readonly userAgent?: string;
  /** Rate-limit retries before giving up (primary and secondary limits). */
  readonly maxRateLimitRetries?: number;
}

/** Build the REST client: retries transient errors with backoff and waits out rate limits a bounded number of times. */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const maxRetries = options.maxRateLimitRetries ?? 2;
  return new ResilientOctokit({
    auth: options.token,
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    userAgent: options.userAgent ?? 'gh-retry',
    log: {
      debug: () => undefined,
      info: () => undefined,
      warn: () => undefined,
      error: () => undefined,
    },
    throttle: {
      onRateLimit: (_after, _options, _octokit, retryCount) => retryCount < maxRetries,
      onSecondaryRateLimit: (_after, _options, _octokit, retryCount) => retryCount < maxRetries,
    },
  });
}

/** An HTTP error answer of the REST API: its status and GitHub's message. */
export interface HttpFailure {
  readonly status: number;
  readonly message: string;
}

/** Read an Octokit `RequestError` (status and GitHub's `message`); null for anything else. */
export function readHttpFailure(error: unknown): HttpFailure | null {
  if (typeof error !== 'object' || error === null || !('status' in error)) return null;
  const { status } = error;
  if (typeof status !== 'number') return null;
  const data = (error as { response?: { data?: unknown } }).response?.data;
  const fromBody =
    typeof data === 'object' &&
    data !== null &&
    'message' in data &&
    typeof data.message === 'string'
      ? data.message
      : null;
  return {
    status,
    message: fromBody ?? (error instanceof Error ? error.message : `HTTP ${status}`),
  };
}

/** Run a read that answers null on 404 (missing, or not visible to the token). */
export async function orNullOn404<T>(read: () => Promise<T>): Promise<T | null> {
  try {
    return await read();
  } catch (error) {
    if (readHttpFailure(error)?.status === 404) return null;
    throw error;
  }
}
