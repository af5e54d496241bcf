/**
 * The App behind Redis (`REDIS_URL`), measured on replicas started from source against a real
 * `redis-server` and the GitHub emulator, all on loopback: GitHub requests per
 * `workflow_run.completed` for a gh-retry run and for an unrelated run (counted from the
 * emulator's request log once the queue has run the job), and the throughput of signed deliveries
 * through the queue (first POST to last job completed) beside the same deliveries handled in
 * process by a replica without Redis.
 */
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import { QUEUE_NAME } from '../app/probot/redis/webhook-queue.js';
import { startEmulator, type GitHubEmulator } from '../test/emulator/index.js';
import type { DeliveryRecord } from '../test/emulator/webhooks.js';
import { recordFiles, recordFor } from '../test/support/app/records.js';
import { retryWorkflow } from '../test/support/app/workflows.js';
import { startReplica, type Replica } from '../test/support/app-redis/replica.js';
import { readManifest } from '../test/support/e2e/loop.js';
import { startRedisServer } from '../test/support/redis-server.js';

/** Deliveries posted to one replica and how long they took to be handled. */
export interface QueueThroughput {
  readonly deliveries: number;
  readonly accepted: number;
  readonly seconds: number;
  readonly perSecond: number;
}

/** The queue figures. */
export interface AppQueueCost {
  /** The App's requests (installation tokens aside) per completed run, by operation. */
  readonly completed: {
    readonly retryRun: { readonly requests: number; readonly operations: readonly string[] };
    readonly unrelatedRun: { readonly requests: number; readonly operations: readonly string[] };
  };
  readonly concurrency: number;
  readonly redis: QueueThroughput;
  readonly inProcess: QueueThroughput;
  /** Deliveries a second through Redis ÷ in process. */
  readonly ratio: number;
}

const REPO = 'bench/queue';
const WORKFLOW = 'nightly.yml';

/** Poll (bounded, every 5 ms) until the queue has nothing waiting or running. */
async function drained(queue: Queue): Promise<void> {
  for (let attempt = 0; attempt < 12_000; attempt++) {
    const counts = await queue.getJobCounts('waiting', 'active', 'prioritized');
    if ((counts.waiting ?? 0) + (counts.active ?? 0) + (counts.prioritized ?? 0) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error('the queue did not drain within 60 s');
}

/** Push to main, finish the run (with a failed record for a gh-retry run), and count the App's requests. */
async function completedRunCost(
  gh: GitHubEmulator,
  queue: Queue,
  botLogin: string,
  withRecord: boolean,
): Promise<{ requests: number; operations: string[] }> {
  const fired = await gh.fire({
    kind: 'push',
    repo: REPO,
    branch: 'main',
    files: { 'models/orders.sql': `select ${Date.now()} as id\n` },
  });
  await gh.idle();
  await drained(queue);
  const runId = fired.runs[0];
  if (runId === undefined) throw new Error('the push started no run');
  if (withRecord) {
    const record = recordFor({ repository: REPO, runId, shape: { status: 'failed' } });
    gh.addArtifact({ runId, name: 'gh-retry-nightly-1', files: recordFiles(record) });
  }
  const before = gh.requests().length;
  gh.completeRun(runId, 'failure');
  await gh.idle();
  await drained(queue);
  await gh.idle();
  const operations = gh
    .requests()
    .slice(before)
    .filter((r) => r.actor === botLogin)
    .map((r) => r.operationId ?? `${r.method} ${r.path}`);
  return { requests: operations.length, operations };
}

/** POST `count` copies of `model` (each with its own delivery GUID), `concurrency` at a time. */
async function postAll(
  model: DeliveryRecord,
  replica: Replica,
  count: number,
  concurrency: number,
): Promise<number> {
  let next = 0;
  let accepted = 0;
  const worker = async () => {
    while (next < count) {
      next += 1;
      const response = await fetch(replica.webhookUrl, {
        method: 'POST',
        headers: { ...model.headers, 'x-github-delivery': randomUUID() },
        body: model.body,
      });
      await response.text();
      if (response.ok) accepted += 1;
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return accepted;
}

async function throughput(
  deliveries: number,
  run: () => Promise<number>,
): Promise<QueueThroughput> {
  const started = performance.now();
  const accepted = await run();
  const seconds = (performance.now() - started) / 1000;
  return { deliveries, accepted, seconds, perSecond: deliveries / seconds };
}

/** Capture one `issue_comment` delivery that is no command, without handing it to the App. */
async function commentDelivery(gh: GitHubEmulator, appId: number): Promise<DeliveryRecord> {
  const pull = gh.addPullRequest({ repo: REPO, head: 'feature' });
  const before = gh.deliveries().length;
  gh.setWebhookTarget(appId, { kind: 'handler', handler: () => 200 });
  await gh.fire({
    kind: 'issue_comment',
    repo: REPO,
    issue: pull.number,
    body: 'Thanks, looks good to me.',
    user: 'mona',
  });
  await gh.idle();
  const model = gh
    .deliveries()
    .slice(before)
    .find((d) => d.event === 'issue_comment');
  if (model === undefined) throw new Error('no issue_comment delivery to model the load on');
  return model;
}

/** Measure the requests per completed run and `deliveries` deliveries through Redis and in process. */
export async function measureAppQueue(params: {
  readonly deliveries: number;
  readonly concurrency: number;
}): Promise<AppQueueCost> {
  const redis = await startRedisServer();
  const gh = await startEmulator();
  const connection = new Redis(redis.url, { maxRetriesPerRequest: null });
  const queue = new Queue(QUEUE_NAME, { connection });
  const replicas: Replica[] = [];
  try {
    gh.seedRepo({
      repo: REPO,
      files: { [`.github/workflows/${WORKFLOW}`]: retryWorkflow('Nightly') },
      collaborators: { mona: 'write' },
    });
    const app = gh.installApp({ slug: 'gh-retry', ...readManifest() });
    const queued = await startReplica({ gh, app, redisUrl: redis.url });
    replicas.push(queued);
    gh.setWebhookTarget(app.appId, { kind: 'url', url: queued.webhookUrl });
    const unrelatedRun = await completedRunCost(gh, queue, app.botLogin, false);
    const retryRun = await completedRunCost(gh, queue, app.botLogin, true);
    const model = await commentDelivery(gh, app.appId);
    const { deliveries, concurrency } = params;
    const viaRedis = await throughput(deliveries, async () => {
      const accepted = await postAll(model, queued, deliveries, concurrency);
      await drained(queue);
      return accepted;
    });
    const local = await startReplica({ gh, app, redisUrl: '' });
    replicas.push(local);
    const inProcess = await throughput(deliveries, async () => {
      const accepted = await postAll(model, local, deliveries, concurrency);
      await gh.idle();
      return accepted;
    });
    return {
      completed: { retryRun, unrelatedRun },
      concurrency,
      redis: viaRedis,
      inProcess,
      ratio: viaRedis.perSecond / inProcess.perSecond,
    };
  } finally {
    for (const replica of replicas) await replica.stop();
    await queue.close();
    connection.disconnect();
    await gh.stop();
    await redis.stop();
  }
}
