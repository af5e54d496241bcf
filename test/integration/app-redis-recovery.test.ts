/**
 * The App with Redis when processes die and Redis goes away: a delayed policy retry survives a
 * crash of its replica, a job of a worker killed mid-way is finished by the other replica, and
 * without Redis the App refuses deliveries (never dispatching without a claim) until it is back.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  FAILED,
  checkRunOf,
  openPullRequest,
  pushAndFinish,
  replies,
  type AppScene,
} from '../support/app/scenario.js';
import { nightlyRepo } from '../support/app/workflows.js';
import { eventually, startCluster, type Cluster } from '../support/app-redis/cluster.js';
import { commentRetry } from '../support/emulator.js';

const REPO = 'acme/warehouse';

async function cluster(params: { replicas: number; policy?: string }): Promise<Cluster> {
  return await startCluster({
    repo: nightlyRepo(REPO, {
      files: params.policy === undefined ? {} : { '.github/gh-retry.yml': params.policy },
    }),
    replicas: params.replicas,
    // A worker that stops answering loses its job to another replica after 2 s; failed
    // deliveries are looked for every second.
    env: { QUEUE_LOCK_MS: '2000', CATCH_UP_MS: '1000' },
  });
}

function harness(c: Cluster): AppScene {
  return { gh: c.gh, app: c.app, repo: REPO };
}

/** A pull request whose Nightly run failed, once the App has shown the run and gone idle. */
async function failedPullRequest(c: Cluster): Promise<{ pr: number; parent: number }> {
  const h = harness(c);
  const pull = await openPullRequest(h, { head: 'feature', endings: { 'nightly.yml': FAILED } });
  const parent = pull.runs['nightly.yml']!;
  await eventually('the check run exists', () => checkRunOf(h, parent) !== undefined);
  await c.drained();
  return { pr: pull.number, parent };
}

function retriesOf(c: Cluster, parent: number) {
  return c.gh.dispatches().filter((d) => d.inputs['retry-of'] === String(parent));
}

describe('the App with Redis, through crashes and outages', () => {
  let c: Cluster | undefined;

  afterEach(async () => {
    await c?.stop();
    c = undefined;
  });

  it('starts a delayed policy retry once, after the delay, although its replica was killed (-9) during it', async () => {
    c = await cluster({
      replicas: 1,
      policy: 'retry-policies:\n  - max-attempts: 2\n    delay: 4s\n',
    });
    const { runId } = await pushAndFinish(harness(c), { workflow: 'nightly.yml', ending: FAILED });
    await eventually(
      'the check run plans the retry',
      () =>
        (checkRunOf(harness(c!), runId)?.output.summary ?? '').length > 0 &&
        JSON.stringify(checkRunOf(harness(c!), runId)!.output).includes(
          'Retrying automatically in 4s',
        ),
    );
    const planned = Date.now();
    await c.replicas[0]!.kill9();
    expect(retriesOf(c, runId)).toEqual([]);
    c.target(await c.addReplica());
    await eventually('the retry is dispatched', () => retriesOf(c!, runId).length > 0);
    await c.drained({ includeDelayed: true });
    expect(retriesOf(c, runId)).toHaveLength(1);
    const dispatchedAt = Date.parse(
      c.gh.requests().find((r) => r.operationId === 'actions/create-workflow-dispatch')!.at,
    );
    expect(dispatchedAt - planned).toBeGreaterThanOrEqual(3_000);
    c.gh.expectNoViolations();
  });

  it('finishes the job of a replica killed in the middle of it on the other replica: one dispatch', async () => {
    c = await cluster({ replicas: 1 });
    const { pr, parent } = await failedPullRequest(c);
    const held = c.gh.holdNext('reactions/create-for-issue-comment');
    await commentRetry(c.gh, { repo: REPO, issue: pr });
    await held.reached; // the first replica's worker is in the middle of the job
    const [first] = c.replicas as [NonNullable<(typeof c.replicas)[0]>];
    const other = await c.addReplica();
    c.target(other);
    await first.kill9();
    held.release();
    await eventually(
      'the other replica dispatched the retry',
      () => retriesOf(c!, parent).length > 0,
    );
    await c.drained();
    expect(retriesOf(c, parent)).toHaveLength(1);
    expect(replies(harness(c), pr)).toHaveLength(1);
  });

  it('refuses deliveries while Redis is away, says so, and takes work again when it is back', async () => {
    c = await cluster({ replicas: 1 });
    const { pr, parent } = await failedPullRequest(c);
    const replica = c.replicas[0]!;
    // Redis goes away with its data kept (Probot's shared rate limiter keeps its settings there).
    await c.redis.halt({ keepData: true });
    await eventually('the App notices', () => replica.output().includes('Redis is unavailable'));
    const { deliveries } = await commentRetry(c.gh, { repo: REPO, issue: pr });
    await c.gh.idle();
    expect(deliveries.map((d) => d.status)).toEqual([503]);
    await eventually('the App logs why it refused the delivery', () =>
      /Redis is unavailable: delivery \S+ \(issue_comment\) is refused/.test(replica.output()),
    );
    expect(retriesOf(c, parent)).toEqual([]);
    await c.redis.restart();
    await eventually('the App says Redis is back', () =>
      replica.output().includes('Redis is back'),
    );
    for (let attempt = 0; attempt < 100; attempt++) {
      const health = await fetch(replica.webhookUrl.replace('/api/github/webhooks', '/healthz'));
      if (health.status === 200) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    // The catch-up finds the failed delivery and asks GitHub to redeliver it.
    await eventually('the retry is dispatched', () => retriesOf(c!, parent).length > 0);
    await c.drained();
    expect(retriesOf(c, parent)).toHaveLength(1);
    const redelivery = c.gh.deliveries().filter((d) => d.guid === deliveries[0]!.guid);
    expect(redelivery.map((d) => [d.redelivery, d.status])).toEqual([
      [false, 503],
      [true, 202],
    ]);
    expect(
      c.gh.requests().filter((r) => r.operationId === 'apps/redeliver-webhook-delivery'),
    ).toHaveLength(1);
    c.gh.expectNoViolations();
  });
}, 180_000);
