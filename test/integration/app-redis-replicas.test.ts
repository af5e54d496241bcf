/**
 * Two App replicas behind one real Redis: the same `/retry` delivery, its redelivery and a
 * button click for the same parent run, all at the same moment, end in exactly one dispatch,
 * counted in the GitHub emulator's request log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FAILED, checkRunOf, openPullRequest, type AppScene } from '../support/app/scenario.js';
import { nightlyRepo } from '../support/app/workflows.js';
import { eventually, post, startCluster, type Cluster } from '../support/app-redis/cluster.js';
import { commentRetry } from '../support/emulator.js';

const REPO = 'acme/warehouse';
const ROUNDS = 10;

describe('two App replicas behind one Redis', () => {
  let c: Cluster;
  let h: AppScene;

  beforeAll(async () => {
    c = await startCluster({
      repo: nightlyRepo(REPO),
      replicas: 2,
    });
    h = { gh: c.gh, app: c.app, repo: REPO };
  });

  afterAll(async () => {
    await c.stop();
  });

  it(`start one retry when a comment, its redelivery and a button race (${ROUNDS} rounds)`, async () => {
    const [a, b] = c.replicas as [
      NonNullable<(typeof c.replicas)[0]>,
      NonNullable<(typeof c.replicas)[0]>,
    ];
    for (let round = 0; round < ROUNDS; round++) {
      const pull = await openPullRequest(h, {
        head: `feature-${round}`,
        endings: { 'nightly.yml': FAILED },
      });
      const parent = pull.runs['nightly.yml']!;
      await eventually(
        `run ${parent} has its check run`,
        () => checkRunOf(h, parent) !== undefined,
      );
      const checkRunId = Number(checkRunOf(h, parent)!.id);
      const [comment] = await c.capture(async () => {
        await commentRetry(c.gh, { repo: REPO, issue: pull.number });
      });
      const [button] = await c.capture(async () => {
        await c.gh.fire({
          kind: 'check_run.requested_action',
          checkRunId,
          identifier: 'retry-failed',
          user: 'mona',
        });
      });
      const statuses = await Promise.all([
        post(comment!, a),
        post(comment!, b),
        post(button!, b),
        post(button!, a),
        post(comment!, b), // the redelivery: same GUID, same body
      ]);
      expect(statuses).toEqual([202, 202, 202, 202, 202]);
      await c.drained();
      const retries = c.gh
        .requests()
        .filter((r) => r.operationId === 'actions/create-workflow-dispatch' && r.status < 300);
      const ofParent = c.gh.dispatches().filter((d) => d.inputs['retry-of'] === String(parent));
      expect({ round, dispatches: ofParent.length }).toEqual({ round, dispatches: 1 });
      expect(retries).toHaveLength(round + 1);
    }
    c.gh.expectNoViolations();
    for (const replica of c.replicas) expect(replica.output()).not.toMatch(/"level":(50|60)/);
  }, 300_000);
});
