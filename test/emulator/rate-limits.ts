/**
 * GitHub's rate-limit answers, for tests to inject (GitHub's docs, "Rate limits for the REST
 * API"): a primary limit is 403 or 429 with `x-ratelimit-remaining: 0` and the reset time in
 * `x-ratelimit-reset` (epoch seconds); a secondary limit is 403 or 429 with GitHub's message and,
 * usually, `retry-after` in seconds. Octokit's throttling plugin tells them apart by these.
 */
import { randomUUID } from 'node:crypto';
import type { Fault } from './hub.js';

/** A rate limit to answer the next requests of an operation with. */
export interface RateLimitFault {
  readonly kind: 'primary' | 'secondary';
  /** 403 (GitHub's usual answer) or 429. */
  readonly status?: 403 | 429;
  /** Seconds until the limit resets (`x-ratelimit-reset`) or `retry-after`; default 1. */
  readonly waitSeconds?: number;
  /** A secondary limit without `retry-after` (GitHub then asks to wait at least a minute). */
  readonly omitRetryAfter?: boolean;
  /** How many requests in a row get it; default 1. */
  readonly times?: number;
}

/** The fault GitHub's answer to a rate-limited request is. */
export function rateLimitFault(operationId: string, limit: RateLimitFault): Fault {
  const wait = limit.waitSeconds ?? 1;
  const reset = String(Math.floor(Date.now() / 1000) + wait);
  const base = { operationId, status: limit.status ?? 403, remaining: limit.times ?? 1 };
  if (limit.kind === 'primary')
    return {
      ...base,
      message: 'API rate limit exceeded for installation.',
      headers: {
        'x-ratelimit-limit': '5000',
        'x-ratelimit-remaining': '0',
        'x-ratelimit-used': '5000',
        'x-ratelimit-reset': reset,
      },
    };
  return {
    ...base,
    message: `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${randomUUID().toUpperCase()}.`,
    headers: limit.omitRetryAfter === true ? {} : { 'retry-after': String(wait) },
  };
}
