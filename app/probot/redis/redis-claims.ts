/**
 * Retry claims in Redis: `SET key pending NX PX` before the dispatch, then the new run's id
 * (kept as long as a record can be retried). A pending claim of a process that died expires,
 * and the check on GitHub before the dispatch still finds a retry it may have started.
 */
import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { RetryClaim, RetryClaims } from '../../../src/retry-service/claim.js';
import { RedisUnavailableError } from './connection.js';

/** How long a claim waits for its dispatch before another process may try. */
const PENDING_MS = 10 * 60 * 1000;
/** How long a started retry is remembered: GitHub keeps artifacts (records) at most 90 days. */
const SETTLED_MS = 90 * 24 * 60 * 60 * 1000;
const PREFIX = 'gh-retry:retry-claim:';
/** Marks a settled claim whose run id GitHub did not return. */
const UNKNOWN_RUN = 'started';

const RELEASE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;
const SETTLE = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3]) end return 0`;

/** Claims kept in Redis, shared by every replica of the App. */
export function redisClaims(redis: Redis): RetryClaims {
  return {
    claim: async (key) => {
      try {
        return await claim(redis, PREFIX + key);
      } catch (error) {
        throw new RedisUnavailableError('no retry is started without its claim', error);
      }
    },
    forget: async (key, runId) => {
      try {
        await redis.eval(RELEASE, 1, PREFIX + key, String(runId));
      } catch (error) {
        throw new RedisUnavailableError("a cancelled retry's claim could not be dropped", error);
      }
    },
  };
}

async function claim(redis: Redis, key: string): Promise<RetryClaim> {
  const token = `pending:${randomUUID()}`;
  const taken = await redis.set(key, token, 'PX', PENDING_MS, 'NX');
  if (taken === 'OK')
    return {
      kind: 'claimed',
      settle: async (runId) => {
        const value = runId === null ? UNKNOWN_RUN : String(runId);
        await redis.eval(SETTLE, 1, key, token, value, String(SETTLED_MS));
      },
      release: async () => {
        await redis.eval(RELEASE, 1, key, token);
      },
    };
  const value = await redis.get(key);
  if (value === null) return await claim(redis, key); // it expired or was released meanwhile
  if (value.startsWith('pending:')) return { kind: 'taken', runId: null, settled: false };
  const runId = Number(value);
  return Number.isSafeInteger(runId) && runId > 0
    ? { kind: 'taken', runId, settled: true }
    : { kind: 'taken', runId: null, settled: true };
}
