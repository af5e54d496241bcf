/**
 * The App's Redis connections (`REDIS_URL`). Commands whose answer decides something (claims,
 * adding a delivery to the queue) fail at once while Redis is away, so nothing goes on without
 * it; BullMQ's workers wait for Redis to come back and reconnect by themselves.
 */
import { Redis } from 'ioredis';
import type { BotLogger } from '../../context.js';
import { errorMessage } from '../../../src/core/errors.js';

/** Thrown when Redis cannot answer: the work is refused, never done without a claim. */
export class RedisUnavailableError extends Error {
  constructor(what: string, cause: unknown) {
    super(`Redis is unavailable, so ${what} (${errorMessage(cause)})`);
    this.name = 'RedisUnavailableError';
  }
}

/** A connection for commands that must not wait for Redis (claims, adding jobs). */
export function commandConnection(url: string, log: BotLogger): Redis {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    connectTimeout: 5_000,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
  watch(redis, log);
  return redis;
}

/** A connection for BullMQ's workers: blocking commands, retried until Redis is back. */
export function workerConnection(url: string, log: BotLogger): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: null,
    retryStrategy: (times) => Math.min(times * 200, 2_000),
  });
  watch(redis, log);
  return redis;
}

/** Log when Redis goes away and when it is back, once each. */
function watch(redis: Redis, log: BotLogger): void {
  let down = false;
  redis.on('error', (error: Error) => {
    if (down) return;
    down = true;
    log.error(`Redis is unavailable (${error.message}); new work is refused until it is back`);
  });
  redis.on('ready', () => {
    if (!down) return;
    down = false;
    log.info('Redis is back; the App takes work again');
  });
}
