/**
 * The loop end to end (issue scenario 4): on a pull request from a fork, `/retry` never
 * dispatches a new run (it would run the fork's code with the repository's secrets); the App
 * re-runs the failed jobs instead, and attempt 2 of the same run resumes from failure.
 */
import { describe, expect, it } from 'vitest';
import { RETRIED_STATUSES, retryLineage, statuses } from '../support/action/harness.js';
import { dbtNightlySuite } from '../support/e2e/dbt-nightly.js';
import { executedNodes } from '../support/e2e/loop.js';
import { chooseFailingModels } from '../support/e2e/projects.js';
import { DBT_WORKFLOW } from '../support/e2e/workflows.js';

const models = chooseFailingModels();

// Several real processes per step on a busy 2-core machine: minutes, not the default minute.
describe('/retry on a fork pull request falls back to re-running the failed jobs', () => {
  const nightly = dbtNightlySuite();
  const scenario = nightly.scenario;

  it('re-runs the failed jobs; attempt 2 resumes from failure inside the same run', async () => {
    scenario.failing = [...models.failing];
    const pr = await nightly.loop.openPullRequest({ head: 'fix-orders', fork: 'outsider' });
    const runId = pr.runs[DBT_WORKFLOW]!;
    expect(nightly.loop.gh.run(runId)).toMatchObject({ conclusion: 'failure', run_attempt: 1 });

    scenario.failing = [];
    const known = nightly.loop.runIds();
    const commentId = await nightly.loop.comment(pr.number, '/retry');
    expect(nightly.loop.runsAfter(known)).toEqual([]);
    expect(nightly.loop.gh.dispatches()).toEqual([]);
    expect(nightly.loop.gh.run(runId)).toMatchObject({ conclusion: 'success', run_attempt: 2 });

    const attempt2 = nightly.loop.record(runId, 2);
    expect(attempt2.record?.lineage).toMatchObject(retryLineage(runId, runId, 1, 'rerun'));
    expect(statuses(attempt2.record)).toEqual(RETRIED_STATUSES);
    expect(executedNodes(attempt2.files, 'dbt-run')).toEqual(models.retried);

    expect(nightly.loop.gh.reactions(commentId).map((r) => r.content)).toEqual(['eyes', 'rocket']);
    const [reply] = nightly.loop.replies(pr.number);
    expect(reply).toContain('this pull request comes from a fork');
    expect(reply).toContain('the gh-retry Action resumes them from failure');
    expect(reply).toMatch(/✅ .*succeeded/);
  });
});
