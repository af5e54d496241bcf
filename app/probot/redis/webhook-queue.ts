/**
 * The App's work queue (BullMQ on Redis): verified webhook deliveries and delayed policy
 * retries. A job a worker took and never finished (the process died) is stalled; BullMQ hands
 * it to another worker. Any replica may process any job; the retry claims keep one dispatch.
 */
import { Queue, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Probot } from 'probot';
import type { BotLogger, ScheduledPolicyRetry } from '../../context.js';

export const QUEUE_NAME = 'gh-retry';

/** A verified delivery, as Probot receives it. */
export interface WebhookJob {
  readonly kind: 'webhook';
  readonly id: string;
  readonly name: string;
  readonly payload: unknown;
}

/** A policy retry to start when its delay is over. */
export interface PolicyRetryJob extends ScheduledPolicyRetry {
  readonly installationId: number;
  readonly repo: { readonly owner: string; readonly repo: string };
  readonly serverUrl: string;
}

export type AppJob = WebhookJob | PolicyRetryJob;

/** How the queue's workers behave; tests shorten the lock to see stalled jobs sooner. */
export interface WorkerSettings {
  readonly concurrency: number;
  /** How long a worker's lock on a job lasts without renewal (a dead worker's job stalls after it). */
  readonly lockMs: number;
}

/** The queue, for adding jobs (fails at once while Redis is away). */
export function createAppQueue(connection: Redis): Queue<AppJob> {
  return new Queue<AppJob>(QUEUE_NAME, {
    connection,
    defaultJobOptions: {
      attempts: 5,
      backoff: { type: 'exponential', delay: 2_000 },
      removeOnComplete: true,
      removeOnFail: true,
    },
  });
}

/** Add a verified delivery; a delivery already waiting or running (same GUID) is added once. */
export async function enqueueDelivery(queue: Queue<AppJob>, job: WebhookJob): Promise<void> {
  await queue.add('webhook', job, { jobId: `delivery-${job.id}` });
}

/** Add a policy retry that starts after `delaySeconds`; one per parent run. */
export async function enqueuePolicyRetry(
  queue: Queue<AppJob>,
  job: PolicyRetryJob,
  delaySeconds: number,
): Promise<void> {
  await queue.add('policy-retry', job, {
    jobId: `policy-retry-${job.installationId}-${job.run.id}`,
    delay: delaySeconds * 1000,
  });
}

/** Start a worker: deliveries go to Probot, policy retries to `runPolicyRetry`. */
export function startWorker(params: {
  connection: Redis;
  probot: Probot;
  settings: WorkerSettings;
  runPolicyRetry: (job: PolicyRetryJob) => Promise<void>;
  log: BotLogger;
}): Worker<AppJob> {
  const worker = new Worker<AppJob>(
    QUEUE_NAME,
    async (job: Job<AppJob>) => {
      const data = job.data;
      if (data.kind === 'policy-retry') {
        await params.runPolicyRetry(data);
        return;
      }
      await params.probot.receive({
        id: data.id,
        name: data.name as 'issue_comment',
        payload: data.payload as never,
      });
    },
    {
      connection: params.connection,
      concurrency: params.settings.concurrency,
      lockDuration: params.settings.lockMs,
      stalledInterval: params.settings.lockMs,
      maxStalledCount: 2,
    },
  );
  worker.on('failed', (job, error) => {
    params.log.error(`job ${job?.id ?? '(unknown)'} failed`, error);
  });
  worker.on('error', () => {
    // Connection errors are logged once by the connection's watcher.
  });
  return worker;
}
