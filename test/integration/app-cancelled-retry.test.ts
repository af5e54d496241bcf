/**
 * A retry cancelled while it waited for its concurrency group retried nothing: it must not count
 * as "already retried", so a later `/retry` starts a new one.
 */
import { describe, expect, it } from 'vitest';
import { eachAppHarness, type AppHarness } from '../support/app/harness.js';
import { FAILED, REPO, comment, openPullRequest } from '../support/app/scenario.js';
import { retryWorkflow } from '../support/app/workflows.js';

/** The nightly with one shared group, as examples/dbt-nightly.yml had it: a newer run cancels a queued retry. */
const sharedGroup = retryWorkflow('Nightly').replace(
  'permissions:',
  'concurrency:\n  group: nightly\n  cancel-in-progress: false\npermissions:',
);

describe('a cancelled retry does not block a new one', () => {
  let h: AppHarness;
  eachAppHarness(
    {
      repo: {
        repo: REPO,
        private: true,
        files: { '.github/workflows/nightly.yml': sharedGroup },
        collaborators: { mona: 'write' },
      },
    },
    (started) => (h = started),
  );

  it('dispatches again after the first retry was cancelled by its concurrency group', async () => {
    const pr = await openPullRequest(h, { head: 'feature', endings: { 'nightly.yml': FAILED } });
    const parent = pr.runs['nightly.yml']!;
    // A nightly holds the group, so the retry waits; a newer nightly then cancels the waiting retry.
    await h.gh.startRun({ repo: REPO, workflow: 'nightly.yml' });
    await comment(h, { pr: pr.number, body: '/retry' });
    const first = h.gh.dispatches().at(-1)!.runId;
    expect(h.gh.run(first).status).toBe('pending');
    await h.gh.startRun({ repo: REPO, workflow: 'nightly.yml' });
    await h.gh.idle();
    expect(h.gh.run(first)).toMatchObject({ status: 'completed', conclusion: 'cancelled' });

    await comment(h, { pr: pr.number, body: '/retry' });
    const retries = h.gh.dispatches().filter((d) => d.inputs['retry-of'] === String(parent));
    expect(retries.map((d) => d.runId)).toEqual([first, expect.any(Number)]);
    expect(retries[1]!.runId).not.toBe(first);
  });
});
