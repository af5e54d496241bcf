/**
 * Two App replicas behind one real Redis, against the GitHub emulator: helpers to capture a
 * delivery without handing it to the App, send it to replicas at the same moment, and wait
 * until the shared queue has no work left.
 */
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { DeliveryRecord } from '../../emulator/webhooks.js';
import type { AppCredentials, GitHubEmulator, SeedRepoOptions } from '../../emulator/index.js';
import { startEmulator } from '../../emulator/index.js';
import { startRedisServer, type RedisServer } from '../redis-server.js';
import { readManifest } from '../app/harness.js';
import { startReplica, type Replica } from './replica.js';
import { QUEUE_NAME } from '../../../app/probot/redis/webhook-queue.js';

/** The emulator, Redis and replicas of one test. */
export interface Cluster {
  readonly gh: GitHubEmulator;
  readonly app: AppCredentials;
  readonly redis: RedisServer;
  readonly repo: string;
  readonly replicas: Replica[];
  /** Start one more replica (it joins the same queue). */
  addReplica(env?: Readonly<Record<string, string>>): Promise<Replica>;
  /** Send GitHub's deliveries to `replica`. */
  target(replica: Replica): void;
  /** Fire events without delivering them; returns the deliveries GitHub would have sent. */
  capture(fire: () => Promise<unknown>): Promise<DeliveryRecord[]>;
  /** Wait (bounded) until the queue has nothing waiting, running or delayed. */
  drained(options?: { includeDelayed?: boolean }): Promise<void>;
  stop(): Promise<void>;
}

/** Start Redis, the emulator with the App installed on `repo`, and `replicas` replicas. */
export async function startCluster(params: {
  repo: SeedRepoOptions;
  replicas: number;
  env?: Readonly<Record<string, string>>;
}): Promise<Cluster> {
  const redis = await startRedisServer();
  const gh = await startEmulator();
  gh.seedRepo(params.repo);
  const app = gh.installApp({ slug: 'gh-retry', ...readManifest() });
  const replicas: Replica[] = [];
  const addReplica = async (env?: Readonly<Record<string, string>>) => {
    const replica = await startReplica({
      gh,
      app,
      redisUrl: redis.url,
      env: { ...params.env, ...env },
    });
    replicas.push(replica);
    return replica;
  };
  for (let i = 0; i < params.replicas; i++) await addReplica();
  const target = (replica: Replica) => {
    gh.setWebhookTarget(app.appId, { kind: 'url', url: replica.webhookUrl });
  };
  target(replicas[0]!);
  const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
  const queue = new Queue(QUEUE_NAME, { connection });
  return {
    gh,
    app,
    redis,
    repo: params.repo.repo,
    replicas,
    addReplica,
    target,
    capture: async (fire) => {
      const before = gh.deliveries().length;
      gh.setWebhookTarget(app.appId, { kind: 'handler', handler: () => 200 });
      try {
        await fire();
        await gh.idle();
      } finally {
        target(replicas[0]!);
      }
      return gh.deliveries().slice(before);
    },
    drained: async (options = {}) => {
      for (let attempt = 0; attempt < 1200; attempt++) {
        const counts = await queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
        const left =
          (counts.waiting ?? 0) +
          (counts.active ?? 0) +
          (counts.prioritized ?? 0) +
          (options.includeDelayed === true ? (counts.delayed ?? 0) : 0);
        if (left === 0) return;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('the queue did not drain within 60 s');
    },
    stop: async () => {
      await Promise.all(
        replicas.map(async (replica) => {
          await replica.stop();
        }),
      );
      await queue.close();
      connection.disconnect();
      await gh.stop();
      await redis.stop();
    },
  };
}

/** Post a captured delivery to a replica, as GitHub would (same body, headers and GUID). */
export async function post(delivery: DeliveryRecord, replica: Replica): Promise<number> {
  const response = await fetch(replica.webhookUrl, {
    method: 'POST',
    headers: delivery.headers,
    body: delivery.body,
  });
  await response.text();
  return response.status;
}

/** Poll `check` (bounded) until it holds. */
export async function eventually(what: string, check: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 1200; attempt++) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`timed out waiting until ${what}`);
}
