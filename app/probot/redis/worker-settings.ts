/** The queue workers' settings from the environment (defaults suit a production replica). */
import type { WorkerSettings } from './webhook-queue.js';

/**
 * `QUEUE_CONCURRENCY` (jobs one replica runs at once, default 4) and `QUEUE_LOCK_MS` (how long a
 * job stays with a worker that stopped answering before another replica takes it, default 30000).
 */
export function queueWorkerSettings(env: NodeJS.ProcessEnv): WorkerSettings {
  return {
    concurrency: positive(env.QUEUE_CONCURRENCY, 4),
    lockMs: positive(env.QUEUE_LOCK_MS, 30_000),
  };
}

/** `CATCH_UP_MS`: how often failed deliveries are looked for (default 5 minutes). */
export function catchUpInterval(env: NodeJS.ProcessEnv): number {
  return positive(env.CATCH_UP_MS, 5 * 60 * 1000);
}

function positive(text: string | undefined, fallback: number): number {
  const value = Number(text);
  return Number.isSafeInteger(value) && value > 0 ? value : fallback;
}
