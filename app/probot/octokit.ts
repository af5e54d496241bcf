/**
 * The App's Octokit: Probot's (REST methods, paginate, retry, throttling shared through Redis with
 * `REDIS_URL`), except that a secondary rate limit is waited out too (Probot's default only logs
 * it): GitHub asks to wait `retry-after` seconds, and a request it limited did nothing, so sending
 * it again cannot dispatch twice. Two waits, as for a primary limit, then the error shows.
 */
import { ProbotOctokit } from 'probot';

const MAX_WAITS = 2;

type ThrottleOptions = Record<string, unknown>;

/** Probot's Octokit that also retries after a secondary rate limit. */
export const AppOctokit: typeof ProbotOctokit = ProbotOctokit.defaults(
  (instance: { throttle?: ThrottleOptions }) => ({
    ...instance,
    throttle: {
      ...instance.throttle,
      onSecondaryRateLimit: (
        _after: number,
        _options: unknown,
        _octokit: unknown,
        retryCount: number,
      ) => retryCount < MAX_WAITS,
    },
  }),
);
