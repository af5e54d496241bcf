/**
 * The loop end to end (issue scenarios 1 and 2): a dbt nightly (50 models with tests) fails at
 * `dbt run` with two failing models; the App's check run shows them with its buttons; `/retry`
 * on the pull request — or "Retry from failure" on the check run of a scheduled run — starts a
 * new run that re-executes only those models and their skipped descendants, then `dbt test`;
 * `/retry all` runs everything. The real Action and App bundles run as processes; webhooks are
 * signed and delivered over HTTP.
 */
import { describe, expect, it } from 'vitest';
import {
  ALL_PASSED_STATUSES,
  FAILED_SCHEDULE_STATUSES,
  RETRIED_STATUSES,
  retryLineage,
  statuses,
} from '../support/action/harness.js';
import { dbtNightlySuite } from '../support/e2e/dbt-nightly.js';
import { executedNodes } from '../support/e2e/loop.js';
import { chooseFailingModels, MODELS } from '../support/e2e/projects.js';
import { DBT_WORKFLOW } from '../support/e2e/workflows.js';

const models = chooseFailingModels();

// Several real processes per step on a busy 2-core machine: minutes, not the default minute.
describe('a failed dbt nightly is retried from failure through the App', () => {
  const nightly = dbtNightlySuite();
  const scenario = nightly.scenario;

  /** A run of the nightly that fails at `dbt run` with the two models, on a new pull request. */
  async function failingPullRequest(head: string) {
    scenario.failing = [...models.failing];
    const pr = await nightly.loop.openPullRequest({ head });
    const parent = pr.runs[DBT_WORKFLOW];
    if (parent === undefined) throw new Error('the pull request started no dbt run');
    expect(nightly.loop.gh.run(parent).conclusion).toBe('failure');
    scenario.failing = [];
    return { pr, parent };
  }

  it('shows the failed run on the App check run, with the failed models and its buttons; /retry re-runs only them, then dbt test', async () => {
    const { pr, parent } = await failingPullRequest('feature/orders');
    const first = nightly.loop.record(parent);
    expect(statuses(first.record)).toEqual(FAILED_SCHEDULE_STATUSES);
    const dbtRun = first.record?.steps[2];
    expect(dbtRun?.nodes?.failed.map((n) => n.id.split('.').pop()).sort()).toEqual(
      [...models.failing].sort(),
    );

    const check = nightly.loop.checkRunOf(parent);
    expect(check).toMatchObject({
      head_sha: pr.headSha,
      status: 'completed',
      conclusion: 'failure',
    });
    for (const model of models.failing) expect(check?.output.summary).toContain(model);
    expect(check?.actions.map((a) => a.identifier)).toEqual(['retry-failed', 'retry-all']);
    expect(check?.actions.map((a) => a.label)).toEqual(['Retry from failure', 'Retry all']);

    const known = nightly.loop.runIds();
    const commentId = await nightly.loop.comment(pr.number, '/retry');
    const [retry, ...more] = nightly.loop.runsAfter(known);
    expect(more).toEqual([]);
    expect(retry).toMatchObject({
      event: 'workflow_dispatch',
      conclusion: 'success',
      display_title: `Retry of #${parent}`,
    });
    const retried = nightly.loop.record(retry!.id);
    expect(statuses(retried.record)).toEqual(RETRIED_STATUSES);
    expect(retried.record?.steps[2]?.executed).toMatch(/^dbt retry --state \S+\/dbt-run\/target$/);
    // Exactly the two models and their skipped descendants: nothing that had succeeded ran again.
    expect(executedNodes(retried.files, 'dbt-run')).toEqual(models.retried);
    expect(models.retried.length).toBeLessThan(MODELS);
    expect(retried.record?.steps[3]?.nodes?.counts).toMatchObject({ pass: expect.any(Number) });
    // The Action records a dispatched retry as `dispatch`; the App knows (and shows) who asked how.
    expect(retried.record?.lineage).toMatchObject(
      retryLineage(parent, parent, 1, 'dispatch', { mode: { kind: 'from-failure' } }),
    );

    expect(nightly.loop.gh.reactions(commentId).map((r) => r.content)).toEqual(['eyes', 'rocket']);
    const [reply, ...otherReplies] = nightly.loop.replies(pr.number);
    expect(otherReplies).toEqual([]);
    expect(reply).toContain(`/actions/runs/${parent}`);
    expect(reply).toContain(`/actions/runs/${retry!.id}`);
    // Edited once the retry finished: the outcome replaces "queued".
    expect(reply).toMatch(/✅ .*succeeded/);
    expect(reply).not.toContain('queued');

    // The retry's check run shows the outcome and the lineage; the reply notes the retry (the
    // parent's check run lists only the retries its buttons and policies started).
    const retryCheck = nightly.loop.checkRunOf(retry!.id);
    expect(retryCheck).toMatchObject({ head_sha: pr.headSha, conclusion: 'success' });
    expect(retryCheck?.output.summary).toContain(`**Retry 1 of [#${parent}]`);
    expect(retryCheck?.output.summary).toContain('trigger comment · requested by @mona');
    expect(retryCheck?.output.summary).toMatch(/`dbt-seed` \| ♻️ reused/);
    expect(retryCheck?.actions.map((a) => a.identifier)).toEqual(['retry-all']);
    expect(reply).toContain(
      `<!-- gh-retry:retry run=${retry!.id} trigger=comment by=mona of=${parent} -->`,
    );
    expect(nightly.loop.checkRunOf(parent)?.output.text).not.toContain(`#${retry!.id}`);
  });

  it('"Retry from failure" on the check run of a failed scheduled run starts the same retry', async () => {
    scenario.failing = [...models.failing];
    const known = nightly.loop.runIds();
    await nightly.loop.gh.fire({ kind: 'schedule', repo: 'acme/warehouse' });
    await nightly.loop.settle();
    const [scheduled] = nightly.loop.runsAfter(known);
    expect(scheduled).toMatchObject({ event: 'schedule', conclusion: 'failure' });
    const check = nightly.loop.checkRunOf(scheduled!.id);
    expect(check?.actions.map((a) => a.identifier)).toContain('retry-failed');

    scenario.failing = [];
    const before = nightly.loop.runIds();
    await nightly.loop.gh.fire({
      kind: 'check_run.requested_action',
      checkRunId: Number(check!.id),
      identifier: 'retry-failed',
      user: 'mona',
    });
    await nightly.loop.settle();
    const [retry, ...more] = nightly.loop.runsAfter(before);
    expect(more).toEqual([]);
    expect(retry).toMatchObject({ event: 'workflow_dispatch', conclusion: 'success' });
    const retried = nightly.loop.record(retry!.id);
    expect(executedNodes(retried.files, 'dbt-run')).toEqual(models.retried);
    expect(retried.record?.lineage).toMatchObject({
      parent: `${scheduled!.id}-1`,
      retryNumber: 1,
    });
    expect(nightly.loop.checkRunOf(retry!.id)?.output.summary).toContain(
      'trigger check · requested by @mona',
    );
    expect(statuses(retried.record).at(-1)).toEqual(['dbt-test', 'success']);
  });

  it('/retry all runs every step and every model again', async () => {
    const { pr, parent } = await failingPullRequest('feature/all');
    const known = nightly.loop.runIds();
    await nightly.loop.comment(pr.number, '/retry all');
    const [retry, ...more] = nightly.loop.runsAfter(known);
    expect(more).toEqual([]);
    expect(retry).toMatchObject({ event: 'workflow_dispatch', conclusion: 'success' });
    const all = nightly.loop.record(retry!.id);
    expect(statuses(all.record)).toEqual(ALL_PASSED_STATUSES);
    expect(all.record?.steps.map((s) => s.executed)).toEqual([
      'dbt deps',
      'dbt seed',
      'dbt run',
      'dbt test',
    ]);
    expect(executedNodes(all.files, 'dbt-run')).toEqual(models.all);
    expect(all.record?.lineage).toMatchObject({ parent: `${parent}-1`, mode: { kind: 'all' } });
    expect(nightly.loop.checkRunOf(retry!.id)?.output.summary).toContain(
      'mode `all` · trigger comment',
    );
    expect(nightly.loop.replies(pr.number).at(-1)).toMatch(/✅ .*succeeded/);
  });
});
