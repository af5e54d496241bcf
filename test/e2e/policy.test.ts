/**
 * The loop end to end (issue scenario 3): a retry policy in `.github/gh-retry.yml` retries an
 * "exit 137" failure (a step killed for memory) automatically, twice at most, then stops and
 * says so on the check run; a failure the policy does not cover is not retried. The real Action
 * and App bundles run as processes; webhooks are signed and delivered over HTTP.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statuses } from '../support/action/harness.js';
import { startLoop, type Loop } from '../support/e2e/loop.js';
import { chooseFailingModels, dbtJob, type DbtScenario } from '../support/e2e/projects.js';
import { DBT_WORKFLOW, dbtWorkflow } from '../support/e2e/workflows.js';

const CONFIG = `retry-policies:
  - name: out of memory
    workflows: [dbt-nightly.yml]
    mode: from-failure
    max-attempts: 3
    conditions:
      exit-codes: [137]
`;

/** A load step killed by the kernel: its shell reports 128 + SIGKILL. */
const OOM_SCRIPT = `echo "loading 4,000,000 events"\nsh -c 'kill -KILL $$'\n`;

// Several real processes per step on a busy 2-core machine: minutes, not the default minute.
describe('a retry policy retries exit 137 automatically, twice at most', () => {
  const scenario: DbtScenario = { failing: [], files: { 'load-events.sh': OOM_SCRIPT } };
  let loop: Loop;

  beforeAll(async () => {
    loop = await startLoop({
      config: CONFIG,
      workflows: {
        [DBT_WORKFLOW]: { yaml: dbtWorkflow(['sh load-events.sh']), job: dbtJob(scenario) },
      },
    });
  });
  afterAll(async () => {
    await loop.stop();
  });

  it('retries the killed step twice from failure, then stops and reports why', async () => {
    const known = loop.runIds();
    await loop.gh.fire({ kind: 'schedule', repo: 'acme/warehouse' });
    await loop.settle();
    const runs = loop.runsAfter(known);
    expect(runs.map((r) => [r.event, r.conclusion])).toEqual([
      ['schedule', 'failure'],
      ['workflow_dispatch', 'failure'],
      ['workflow_dispatch', 'failure'],
    ]);
    const [first, second, third] = runs.map((run) => loop.record(run.id).record);
    const loadStep = first?.steps.at(-1);
    expect(loadStep).toMatchObject({ status: 'failed', exitCode: 137 });
    expect(statuses(second ?? null)).toEqual([
      ['dbt-deps', 'success'],
      ['dbt-seed', 'reused'],
      ['dbt-run', 'reused'],
      ['dbt-test', 'reused'],
      [loadStep?.id ?? '', 'failed'],
    ]);
    expect(second?.lineage).toMatchObject({ parent: first?.id, root: first?.id, retryNumber: 1 });
    expect(third?.lineage).toMatchObject({ parent: second?.id, root: first?.id, retryNumber: 2 });

    const [firstCheck, secondCheck, thirdCheck] = runs.map((run) => loop.checkRunOf(run.id));
    expect(firstCheck?.output.text).toContain('attempt 2 of at most 3');
    expect(firstCheck?.output.text).toContain(`trigger=policy`);
    expect(secondCheck?.output.summary).toContain('trigger policy');
    expect(secondCheck?.output.text).toContain('attempt 3 of at most 3');
    expect(thirdCheck?.output.text).toContain(
      'Automatic retries stopped: this run was attempt 3 of at most 3',
    );
    expect(thirdCheck?.conclusion).toBe('failure');
  });

  it('does not retry a failure the policy does not cover (a dbt model error, exit 1)', async () => {
    scenario.failing = chooseFailingModels().failing;
    const known = loop.runIds();
    await loop.gh.fire({ kind: 'schedule', repo: 'acme/warehouse' });
    await loop.settle();
    const runs = loop.runsAfter(known);
    expect(runs.map((r) => [r.event, r.conclusion])).toEqual([['schedule', 'failure']]);
    expect(loop.checkRunOf(runs[0]!.id)?.output.text).toContain('No retry policy matches this run');
  });
});
