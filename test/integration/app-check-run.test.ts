import { describe, expect, it } from 'vitest';
import { eachAppHarness, type AppHarness } from '../support/app/harness.js';
import {
  FAILED,
  REPO,
  checkRunOf,
  comment,
  forkWithFailedRun,
  named,
  openPullRequest,
  pushAndFinish,
  readable,
  requestsFromHere,
} from '../support/app/scenario.js';
import { nightlyRepo, untitledRetryWorkflow } from '../support/app/workflows.js';

describe('the buttons of the App’s check run', () => {
  let h: AppHarness;
  eachAppHarness(
    {
      repo: nightlyRepo(REPO, {
        files: { '.github/workflows/untitled.yml': untitledRetryWorkflow('Untitled') },
        collaborators: { mona: 'write', rita: 'read' },
      }),
    },
    (started) => (h = started),
  );

  async function click(runId: number, identifier: string | null, user = 'mona'): Promise<void> {
    const checkRunId = Number(checkRunOf(h, runId)!.id);
    await h.gh.fire(
      identifier === null
        ? { kind: 'check_run.rerequested', checkRunId, user }
        : { kind: 'check_run.requested_action', checkRunId, identifier, user },
    );
    await h.gh.idle();
  }

  it.each([
    { button: 'retry-failed', mode: 'from-failure' },
    { button: 'retry-all', mode: 'all' },
    { button: null, mode: 'from-failure' },
  ])('$button dispatches a retry with retry-mode "$mode"', async ({ button, mode }) => {
    const { runId } = await pushAndFinish(h, { workflow: 'nightly.yml', ending: FAILED });
    await click(runId, button);
    expect(
      h.gh.dispatches().map((d) => ({ ref: d.ref, inputs: d.inputs, actor: d.actor })),
    ).toEqual([
      {
        ref: 'refs/heads/main',
        inputs: { 'retry-of': String(runId), 'retry-mode': mode },
        actor: h.app.botLogin,
      },
    ]);
    const check = checkRunOf(h, runId)!;
    expect(check.status).toBe('completed');
    expect(check.conclusion).toBe('failure');
  });

  it('notes each request on the check run, and never starts a second retry', async () => {
    const { runId } = await pushAndFinish(h, { workflow: 'nightly.yml', ending: FAILED });
    await click(runId, 'retry-failed');
    await click(runId, 'retry-all');
    const retry = h.gh.dispatches()[0]!.runId;
    expect(h.gh.dispatches()).toHaveLength(1);
    expect(named(checkRunOf(h, runId)!.output.text ?? '', { run: runId, retry }))
      .toMatchInlineSnapshot(`
        "### Automatic retry

        No retry policies are configured in .github/gh-retry.yml.

        ### Retries

        - [#<retry>](https://github.com/acme/warehouse/actions/runs/<retry>) started by @mona with a check-run button. <!-- gh-retry:retry run=<retry> trigger=check by=mona -->

        - 🔁 Retrying every step, as @mona asked:

          **Nightly** (\`nightly.yml\`): [#<run>](https://github.com/acme/warehouse/actions/runs/<run>) already has a retry, [#<retry>](https://github.com/acme/warehouse/actions/runs/<retry>); no second run was started."
      `);
  });

  it('finds the retry a /retry comment started, noted in its reply, and starts no second one', async () => {
    // No `run-name` here, so only the reply's note tells that the new run retries the parent.
    const pr = await openPullRequest(h, { head: 'feature', endings: { 'untitled.yml': FAILED } });
    const parent = pr.runs['untitled.yml']!;
    await comment(h, { pr: pr.number, body: '/retry untitled.yml' });
    const retry = h.gh.dispatches()[0]!.runId;
    await click(parent, 'retry-failed');
    expect(h.gh.dispatches()).toHaveLength(1);
    expect(named(readable(checkRunOf(h, parent)!.output.text), { parent, retry })).toContain(
      '[#<parent>](https://github.com/acme/warehouse/actions/runs/<parent>) already has a retry, [#<retry>]',
    );
  });

  it('refuses someone without write access, on the check run', async () => {
    const { runId } = await pushAndFinish(h, { workflow: 'nightly.yml', ending: FAILED });
    await click(runId, 'retry-failed', 'rita');
    expect(h.gh.dispatches()).toEqual([]);
    expect(readable(checkRunOf(h, runId)!.output.text)).toContain(
      '🚫 @rita has read access, and /retry needs write access or higher on this repository.',
    );
  });

  it('re-runs the failed jobs of a fork’s run', async () => {
    const { runId } = await forkWithFailedRun(h);
    await click(runId, 'retry-failed');
    expect(h.gh.dispatches()).toEqual([]);
    expect(h.gh.run(runId).run_attempt).toBe(2);
    expect(readable(checkRunOf(h, runId)!.output.text)).toContain(
      'this pull request comes from a fork',
    );
  });

  it('ignores requests on check runs of other Apps', async () => {
    const { runId } = await pushAndFinish(h, { workflow: 'nightly.yml', ending: FAILED });
    await click(runId, 'retry-failed');
    const delivery = h.gh
      .deliveries()
      .find((d) => d.event === 'check_run' && d.action === 'requested_action')!;
    const payload = structuredClone(delivery.payload) as { check_run: { app: { id: number } } };
    payload.check_run.app.id = 15368;
    const since = requestsFromHere(h);
    await h.probot.receive({ id: 'other-app', name: 'check_run', payload: payload as never });
    expect(since().filter((r) => r.operationId !== 'apps/get-authenticated')).toEqual([]);
    expect(h.gh.dispatches()).toHaveLength(1);
  });
});
