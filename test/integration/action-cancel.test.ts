/**
 * Cancelling a run of the bundled Action: the runner signals the entry process only (SIGINT, then
 * SIGTERM, then a kill); the Action stops the running step, records it `cancelled` and uploads the
 * record itself, or leaves it for its post step when it is killed first.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  nightlyStatuses,
  nightlyWorkflow,
  startActionHarness,
  statuses,
  type ActionHarness,
} from '../support/action/harness.js';

describe('cancelling a run of the Action', () => {
  let h: ActionHarness | undefined;

  afterEach(async () => {
    await h?.gh.stop();
    h = undefined;
  });

  it('stops the running step, records it cancelled and uploads the record from the main step', async () => {
    h = await startActionHarness();
    h.scenario.failing = [];
    h.scenario.sleepMs = 1_000;
    const runId = await h.start();
    await h.gh.waitForOutput(runId, /START sql (view|table) model/);
    h.gh.cancelRun(runId);
    const run = await h.complete(runId);

    expect(run.conclusion).toBe('cancelled');
    expect(run.record?.status).toBe('cancelled');
    expect(statuses(run.record)).toEqual(
      nightlyStatuses('success', 'success', 'cancelled', 'skipped'),
    );
    expect(run.job.main?.stdout).toContain('Received SIGINT: cancelling the running step');
    expect(run.job.main?.stdout).toContain(
      'Uploaded the run record as artifact "gh-retry-nightly-1"',
    );
    expect(run.job.main?.stdout).toContain('::error::The schedule was cancelled at step "dbt-run"');
    // The runner did not need to escalate: the Action exited on the first signal.
    expect(run.job.main?.signal).toBeNull();
    expect(run.job.post?.stdout).toContain('The run record was uploaded by the main step');
  });

  it('leaves a truthful record that the post step uploads when the main step is killed first', async () => {
    // A step that ignores SIGINT and SIGTERM holds the Action past the runner's (shortened) timeouts.
    const commands = "echo ready\ntrap '' INT TERM; echo holding $((6 * 7)); sleep 10\necho never";
    h = await startActionHarness({
      workflow: nightlyWorkflow({ commands }),
      cancelTimings: { sigintTimeoutMs: 300, sigtermTimeoutMs: 300 },
    });
    const runId = await h.start();
    // The log shows each command before it runs; only the shell prints the evaluated number.
    await h.gh.waitForOutput(runId, 'holding 42');
    h.gh.cancelRun(runId);
    const run = await h.complete(runId);

    expect(run.conclusion).toBe('cancelled');
    expect(
      run.job.main?.signal,
      `main: ${run.job.main?.stdout}\n${run.job.main?.stderr}\npost: ${run.job.post?.stdout}`,
    ).toBe('SIGKILL');
    expect(run.job.post?.stdout).toContain('Uploading the run record');
    expect(run.record?.status).toBe('cancelled');
    expect(statuses(run.record)).toEqual([
      ['echo-ready', 'success'],
      ['trap', 'cancelled'],
      ['echo-never', 'skipped'],
    ]);
  });
});
