import { describe, expect, it } from 'vitest';
import { eachAppHarness, type AppHarness } from '../support/app/harness.js';
import {
  FAILED,
  REPO,
  checkRunOf,
  finishRun,
  pushAndFinish,
  readable,
} from '../support/app/scenario.js';
import { nightlyRepo, retryWorkflow } from '../support/app/workflows.js';

describe('a re-run suite of the App’s check run', () => {
  let h: AppHarness;
  eachAppHarness(
    {
      repo: nightlyRepo(REPO, { files: { '.github/workflows/lint.yml': retryWorkflow('Lint') } }),
    },
    (started) => (h = started),
  );

  function suiteOf(runId: number): number {
    const id = checkRunOf(h, runId)?.check_suite?.id;
    if (id === undefined) throw new Error(`run ${runId} has no check run`);
    return id;
  }

  it('"Re-run all checks" retries each gh-retry run of the suite as its own Re-run would, and completes the suite', async () => {
    const { runId, headSha } = await pushAndFinish(h, { workflow: 'nightly.yml', ending: FAILED });
    const lint = Number(
      h.gh
        .runs(REPO)
        .find(
          (run) => run.path.replace(/@.*$/, '').endsWith('/lint.yml') && run.head_sha === headSha,
        )!.id,
    );
    await finishRun(h, lint, {
      conclusion: 'success',
      name: 'lint',
      record: { status: 'success' },
    });
    expect(checkRunOf(h, lint)?.check_suite?.id).toBe(suiteOf(runId));
    const suite = suiteOf(runId);
    await h.gh.fire({ kind: 'check_suite.rerequested', checkSuiteId: suite, user: 'mona' });
    await h.gh.idle();

    // Each gh-retry check run of the suite, as its own Re-run would: from failure.
    expect(
      h.gh
        .dispatches()
        .map((d) => ({ inputs: d.inputs, actor: d.actor }))
        .sort((x, y) => x.inputs['retry-of']!.localeCompare(y.inputs['retry-of']!)),
    ).toEqual(
      [runId, lint].sort().map((id) => ({
        inputs: { 'retry-of': String(id), 'retry-mode': 'from-failure' },
        actor: h.app.botLogin,
      })),
    );
    for (const id of [runId, lint])
      expect(readable(checkRunOf(h, id)!.output.text)).toContain(
        'started by @mona with a check-run button.',
      );
    expect(h.gh.checkSuite(suite)).toMatchObject({ status: 'completed', conclusion: 'failure' });
  });

  it('a Re-run that fails completes the check run with the reason, so the suite is not left queued', async () => {
    const { runId } = await pushAndFinish(h, { workflow: 'nightly.yml', ending: FAILED });
    const suite = suiteOf(runId);
    h.gh.failNext('actions/get-workflow-run', {
      status: 403,
      message: 'Resource not accessible by integration',
    });
    await h.gh.fire({
      kind: 'check_run.rerequested',
      checkRunId: Number(checkRunOf(h, runId)!.id),
      user: 'mona',
    });
    await h.gh.idle();

    expect(h.gh.dispatches()).toEqual([]);
    expect(h.gh.checkSuite(suite)).toMatchObject({ status: 'completed', conclusion: 'failure' });
    const check = checkRunOf(h, runId)!;
    expect(check.conclusion).toBe('failure');
    expect(readable(check.output.text)).toContain(
      '⚠️ gh-retry could not retry this run: Resource not accessible by integration. Comment `/retry` on its pull request or choose **Re-run** to try again.',
    );
    // The App logs the error too; the harness fails a test on unexpected ones.
    expect(h.log.errors.splice(0).map((e) => e.message)).toEqual([
      `could not retry run ${runId} from check run ${check.id}`,
    ]);
  });
});
