/**
 * What a completed run costs the App in GitHub requests: a run that is not a gh-retry run costs
 * one (its record artifacts are listed, and there are none); a gh-retry run is not read again,
 * since the payload holds it.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startAppHarness, type AppHarness } from '../support/app/harness.js';
import { pushAndFinish, requestsFromHere } from '../support/app/scenario.js';
import { nightlyRepo } from '../support/app/workflows.js';

const REPO = 'acme/warehouse';

describe('GitHub requests per workflow_run.completed', () => {
  let h: AppHarness;

  beforeEach(async () => {
    h = await startAppHarness({
      repo: nightlyRepo(REPO),
    });
  });

  afterEach(async () => {
    expect(h.log.errors).toEqual([]);
    await h.stop();
  });

  /** The App's requests while it handled one completed run. */
  async function requestsFor(ending: Parameters<typeof pushAndFinish>[1]['ending']) {
    const since = requestsFromHere(h);
    await pushAndFinish(h, { workflow: 'nightly.yml', ending });
    return since('bot').map((r) => r.operationId);
  }

  it('costs one request for a run that is not a gh-retry run', async () => {
    expect(await requestsFor({ conclusion: 'failure' })).toEqual([
      'actions/list-workflow-run-artifacts',
    ]);
  });

  it('does not read again the gh-retry run the payload holds', async () => {
    const operations = await requestsFor({ conclusion: 'failure', record: { status: 'failed' } });
    expect(operations).not.toContain('actions/get-workflow-run');
    expect(operations[0]).toBe('actions/list-workflow-run-artifacts');
    expect(operations).toContain('checks/create');
  });
});
