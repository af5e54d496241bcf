/**
 * `npm start` with `REDIS_URL`: any number of replicas behind one Redis. Each one verifies and
 * queues deliveries, runs workers on the shared queue, keeps delayed policy retries as delayed
 * jobs, and takes a retry's claim in Redis before dispatching it.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Probot } from 'probot';
import { runPlannedRetry } from '../../retry/auto.js';
import type { BotLogger, Scheduler } from '../../context.js';
import { createRetryApp } from '../index.js';
import { appIdentityReader } from '../deps.js';
import { RecentRetries } from '../../../src/retry-service/recent.js';
import type { WebhookServer } from '../webhook-server.js';
import { commandConnection, workerConnection } from './connection.js';
import { startCatchUp } from './catch-up.js';
import { receiveDelivery } from './queue-endpoint.js';
import { redisClaims } from './redis-claims.js';
import { policyRetryContext } from './replica-deps.js';
import {
  createAppQueue,
  enqueuePolicyRetry,
  startWorker,
  type AppJob,
  type WorkerSettings,
} from './webhook-queue.js';
import type { Queue } from 'bullmq';

/** The longest policy delay (the configuration's own limit): a delayed job waits it out. */
export const QUEUE_MAX_DELAY_SECONDS = 3600;

/** Start a replica: the webhook endpoint, a worker and the queue on `redisUrl`. */
export async function startReplicaServer(params: {
  probot: Probot;
  redisUrl: string;
  port: number;
  host: string;
  webhookPath: string;
  worker: WorkerSettings;
  /** How often failed deliveries are looked for and redelivered. */
  catchUpMs: number;
  log: BotLogger;
}): Promise<WebhookServer> {
  const { probot, log } = params;
  const commands = commandConnection(params.redisUrl, log);
  const blocking = workerConnection(params.redisUrl, log);
  const queue = createAppQueue(commands);
  const claims = redisClaims(commands);
  const identity = appIdentityReader(probot);
  const recentRetries = new RecentRetries();
  await probot.load(
    createRetryApp({
      schedule: async ({ task }) => {
        await task();
      },
      scheduleFor: (context) =>
        queueScheduler(queue, {
          installationId: (context.payload as { installation?: { id: number } }).installation?.id,
          serverUrl: new URL(
            (context.payload as { repository: { html_url: string } }).repository.html_url,
          ).origin,
        }),
      maxDelaySeconds: QUEUE_MAX_DELAY_SECONDS,
      claims,
    }),
  );
  const worker = startWorker({
    connection: blocking,
    probot,
    settings: params.worker,
    log,
    runPolicyRetry: async (job) => {
      const ctx = await policyRetryContext({
        probot,
        job,
        identity: await identity(),
        claims,
        recentRetries,
        maxDelaySeconds: QUEUE_MAX_DELAY_SECONDS,
        log,
      });
      await runPlannedRetry(ctx, { run: job.run, retry: job.retry });
    },
  });
  const catchUp = startCatchUp({ probot, redis: commands, log, intervalMs: params.catchUpMs });
  const server = createServer((request, response) => {
    const path = (request.url ?? '').split('?')[0];
    if (request.method === 'GET' && path === '/healthz') {
      const ready = commands.status === 'ready';
      response
        .writeHead(ready ? 200 : 503, { 'content-type': 'text/plain' })
        .end(ready ? 'ok\n' : 'redis unavailable\n');
      return;
    }
    if (request.method === 'POST' && path === params.webhookPath) {
      void receiveDelivery({ probot, queue, log }, request, response);
      return;
    }
    response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(params.port, params.host, resolve);
  });
  const { address, port } = server.address() as AddressInfo;
  return {
    url: `http://${address.includes(':') ? `[${address}]` : address}:${port}`,
    webhookPath: params.webhookPath,
    close: async () => {
      catchUp.stop();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await worker.close();
      await queue.close();
      commands.disconnect();
      blocking.disconnect();
    },
  };
}

/** The scheduler of one event: a delayed policy retry becomes a delayed job of the queue. */
function queueScheduler(
  queue: Queue<AppJob>,
  event: { installationId: number | undefined; serverUrl: string },
): Scheduler {
  return async ({ delaySeconds, task, job }) => {
    if (delaySeconds <= 0 || job === undefined || event.installationId === undefined) {
      await task();
      return;
    }
    const [owner = '', repo = ''] = job.run.repository.split('/');
    await enqueuePolicyRetry(
      queue,
      {
        ...job,
        installationId: event.installationId,
        repo: { owner, repo },
        serverUrl: event.serverUrl,
      },
      delaySeconds,
    );
  };
}
