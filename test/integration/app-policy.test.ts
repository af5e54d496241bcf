import { describe, expect, it } from 'vitest';
import { eachAppHarness, type AppHarness } from '../support/app/harness.js';
import { failedDbtSteps } from '../support/app/records.js';
import {
  FAILED,
  REPO,
  checkRunOf,
  comment,
  finishRun,
  forkWithFailedRun,
  named,
  openPullRequest,
  pushAndFinish,
  readable,
} from '../support/app/scenario.js';
import { nightlyRepo } from '../support/app/workflows.js';

function policy(lines: string): string {
  return `retry-policies:\n  - name: flaky warehouse\n${lines
    .trim()
    .split('\n')
    .map((line) => `    ${line}`)
    .join('\n')}\n`;
}

describe('the App on a completed gh-retry run', () => {
  let h: AppHarness;
  eachAppHarness(
    {
      repo: nightlyRepo(REPO),
    },
    (started) => (h = started),
  );

  function configure(text: string): void {
    h.gh.commitFiles(REPO, { '.github/gh-retry.yml': text });
  }

  function dispatched() {
    return h.gh.dispatches().map((d) => ({ ref: d.ref, inputs: d.inputs, actor: d.actor }));
  }

  it('creates its check run with the summary and the buttons', async () => {
    const { runId, headSha } = await pushAndFinish(h, { workflow: 'nightly.yml', ending: FAILED });
    const check = checkRunOf(h, runId)!;
    expect(check.head_sha).toBe(headSha);
    expect({
      name: check.name,
      status: check.status,
      conclusion: check.conclusion,
      details_url: named(check.details_url ?? '', { run: runId }),
      title: check.output.title,
      actions: check.actions,
    }).toMatchInlineSnapshot(`
      {
        "actions": [
          {
            "description": "Reuse what succeeded, re-run the rest",
            "identifier": "retry-failed",
            "label": "Retry from failure",
          },
          {
            "description": "Run every step again",
            "identifier": "retry-all",
            "label": "Retry all",
          },
        ],
        "conclusion": "failure",
        "details_url": "https://github.com/acme/warehouse/actions/runs/<run>",
        "name": "gh-retry",
        "status": "completed",
        "title": "nightly failed at dbt-run",
      }
    `);
    // The note at the end says when the record artifact expires (the artifact's own date).
    const [artifact] = h.gh.artifacts(runId);
    expect(check.output.summary).toContain(
      `<!-- gh-retry:records expires=${new Date(artifact!.expires_at!).toISOString()} -->`,
    );
    const summary = (check.output.summary ?? '').replace(/expires=\S+/, 'expires=<date>');
    expect(named(summary, { run: runId })).toMatchInlineSnapshot(`
      "## ❌ nightly failed in 1m 00s

      Run [#<run>](https://github.com/acme/warehouse/actions/runs/<run>)

      | Step | Status | Duration | What ran |
      | --- | --- | --- | --- |
      | \`dbt-deps\` | ✅ success | 1.0s | as written (setup) |
      | \`dbt-run\` | ❌ failed | 1.0s | as written (1 failed, 2 skipped nodes) |
      | \`dbt-test\` | ⏭️ skipped | — | not run |

      ### Failed dbt nodes

      **\`dbt-run\`**: 1 failed, 2 skipped nodes
      - \`model.shop.orders\` (error): \`deadlock detected\`

      ### How to retry

      - Comment \`/retry\` on the pull request to retry from failure: steps that succeeded are reused and only what failed runs again. \`/retry all\` runs every step again; \`/retry help\` lists every form.
      - Or, in the Actions tab, open this workflow, choose **Run workflow** and set \`retry-of\` to \`<run>\` (\`retry-mode\`: \`from-failure\`, \`all\`, \`from STEP\` or \`only STEP[,STEP…]\`).
      - Or choose **Re-run failed jobs** on this run: the gh-retry Action resumes it from failure.

      <!-- gh-retry:records expires=<date> -->"
    `);
    expect(check.output.text).toMatchInlineSnapshot(`
      "### Automatic retry

      No retry policies are configured in .github/gh-retry.yml."
    `);
    expect(dispatched()).toEqual([]);
  });

  it('offers only "Retry all" on a run that succeeded', async () => {
    const { runId } = await pushAndFinish(h, {
      workflow: 'nightly.yml',
      ending: { conclusion: 'success', record: { status: 'success' } },
    });
    const check = checkRunOf(h, runId)!;
    expect(check.conclusion).toBe('success');
    expect(check.actions.map((a) => a.identifier)).toEqual(['retry-all']);
  });

  it('does nothing for a run without a gh-retry record', async () => {
    const { runId } = await pushAndFinish(h, {
      workflow: 'nightly.yml',
      ending: { conclusion: 'failure' },
    });
    expect(checkRunOf(h, runId)).toBeUndefined();
  });

  it('reports configuration problems on the check run instead of ignoring them', async () => {
    configure(
      'permission: everyone\nretry-policy: []\nretry-policies:\n  - max-attempts: 12\n    modes: all\n',
    );
    const { runId } = await pushAndFinish(h, { workflow: 'nightly.yml', ending: FAILED });
    expect(checkRunOf(h, runId)!.output.text).toMatchInlineSnapshot(`
      "### Automatic retry

      No retry policies are configured in .github/gh-retry.yml.

      ### Configuration problems

      - .github/gh-retry.yml: permission: must be one of read, triage, write, maintain, admin; using write
      - .github/gh-retry.yml: retry-policy: unknown key; allowed: permission, retry-policies
      - .github/gh-retry.yml: retry-policies\\[0\\].max-attempts: must be at most 10 \\(the hard cap\\)
      - .github/gh-retry.yml: retry-policies\\[0\\]: unknown key "modes"; allowed: name, workflows, branches, mode, max-attempts, conditions, delay, stop-on-same-failure
      - .github/gh-retry.yml: retry-policies\\[0\\]: this policy is disabled until the problems above are fixed

      Fix \`.github/gh-retry.yml\`; a policy with a problem is off, and a bad \`permission\` means \`write\`."
    `);
    expect(dispatched()).toEqual([]);
  });

  it.each([
    { when: 'the exit code matches', conditions: 'exit-codes: [1]' },
    { when: 'a dbt error message matches', conditions: 'dbt-errors: [deadlock]' },
    { when: 'the output matches', conditions: "output-patterns: ['/DEADLOCK/i']" },
    { when: 'any failure counts', conditions: null },
  ])('dispatches an automatic retry when $when', async ({ conditions }) => {
    configure(
      policy(`max-attempts: 3${conditions === null ? '' : `\nconditions:\n  ${conditions}`}`),
    );
    const { runId } = await pushAndFinish(h, { workflow: 'nightly.yml', ending: FAILED });
    expect(dispatched()).toEqual([
      {
        ref: 'refs/heads/main',
        inputs: { 'retry-of': String(runId), 'retry-mode': 'from-failure' },
        actor: h.app.botLogin,
      },
    ]);
    expect(h.delays).toEqual([0]);
  });

  it('notes the automatic retry on the check run', async () => {
    configure(policy('mode: all\nconditions:\n  exit-codes: [1]'));
    const { runId } = await pushAndFinish(h, { workflow: 'nightly.yml', ending: FAILED });
    const retry = h.gh.dispatches()[0]!.runId;
    expect(dispatched()[0]!.inputs['retry-mode']).toBe('all');
    expect(named(checkRunOf(h, runId)!.output.text ?? '', { run: runId, retry }))
      .toMatchInlineSnapshot(`
      "### Automatic retry

      "flaky warehouse" \\(retry-policies\\[0\\]\\) matched \\(step dbt-run exited 1\\); attempt 2 of at most 2.

      Retrying automatically now.

      ### Retries

      - [#<retry>](https://github.com/acme/warehouse/actions/runs/<retry>) started by a retry policy. <!-- gh-retry:retry run=<retry> trigger=policy by=gh-retry[bot] -->"
    `);
  });

  it.each([
    { when: 'the exit code differs', conditions: 'exit-codes: [2]' },
    { when: 'no dbt message matches', conditions: 'dbt-errors: [could not serialize]' },
    { when: 'the output does not match', conditions: "output-patterns: ['Connection reset']" },
  ])('does not retry when $when', async ({ conditions }) => {
    configure(policy(`conditions:\n  ${conditions}`));
    const { runId } = await pushAndFinish(h, { workflow: 'nightly.yml', ending: FAILED });
    expect(dispatched()).toEqual([]);
    expect(readable(checkRunOf(h, runId)!.output.text)).toContain(
      'No retry policy matches this run: "flaky warehouse" (retry-policies[0]): no failed step matches its conditions.',
    );
  });

  it('reads policies inherited with _extends', async () => {
    h.gh.seedRepo({
      repo: 'acme/policies',
      files: { '.github/gh-retry.yml': policy('conditions:\n  dbt-errors: [deadlock]') },
    });
    configure('_extends: policies\n');
    const { runId } = await pushAndFinish(h, { workflow: 'nightly.yml', ending: FAILED });
    expect(dispatched().map((d) => d.inputs['retry-of'])).toEqual([String(runId)]);
    expect(readable(checkRunOf(h, runId)!.output.text)).toContain(
      'dbt node model.shop.orders in step dbt-run failed with a message matching deadlock',
    );
  });

  it('does not retry a workflow or branch the policy does not name', async () => {
    configure(policy('workflows: [deploy.yml]\nbranches: [main]'));
    const { runId } = await pushAndFinish(h, { workflow: 'nightly.yml', ending: FAILED });
    expect(dispatched()).toEqual([]);
    expect(checkRunOf(h, runId)!.output.text).toContain(
      'workflow nightly.yml is not in deploy.yml',
    );
  });

  it('counts the chain from the lineage and stops at max-attempts', async () => {
    configure(policy('max-attempts: 3'));
    const first = await pushAndFinish(h, { workflow: 'nightly.yml', ending: FAILED });
    const retry1 = h.gh.dispatches()[0]!.runId;
    // The Action records every dispatched retry as `dispatch`; the App knows this one was its policy's.
    const lineage = (parent: number, retryNumber: number) => ({
      parent: `${parent}-1`,
      root: `${first.runId}-1`,
      retryNumber,
      mode: { kind: 'from-failure' } as const,
      trigger: 'dispatch' as const,
      requestedBy: h.app.botLogin,
    });
    await finishRun(h, retry1, {
      conclusion: 'failure',
      record: { status: 'failed', lineage: lineage(first.runId, 1) },
    });
    const retry2 = h.gh.dispatches()[1]?.runId;
    expect(h.gh.dispatches().map((d) => d.inputs['retry-of'])).toEqual([
      String(first.runId),
      String(retry1),
    ]);
    expect(checkRunOf(h, retry1)!.output.summary).toContain('trigger policy');
    await finishRun(h, retry2!, {
      conclusion: 'failure',
      record: { status: 'failed', lineage: lineage(retry1, 2) },
    });
    expect(h.gh.dispatches()).toHaveLength(2);
    expect(checkRunOf(h, retry2!)!.output.text).toMatchInlineSnapshot(`
      "### Automatic retry

      Automatic retries stopped: this run was attempt 3 of at most 3 under "flaky warehouse" \\(retry-policies\\[0\\]\\). Fix the cause, then comment /retry or retry from the Actions tab."
    `);
  });

  it('never follows a manual retry', async () => {
    configure(policy('conditions:\n  exit-codes: [2]'));
    const pr = await openPullRequest(h, { head: 'feature', endings: { 'nightly.yml': FAILED } });
    await comment(h, { pr: pr.number, body: '/retry' });
    const parent = pr.runs['nightly.yml']!;
    const retry = h.gh.dispatches()[0]!.runId;
    const exit2 = [{ ...failedDbtSteps()[1]!, exitCode: 2 }];
    await finishRun(h, retry, {
      conclusion: 'failure',
      record: {
        status: 'failed',
        steps: exit2,
        lineage: {
          parent: `${parent}-1`,
          root: `${parent}-1`,
          retryNumber: 1,
          trigger: 'dispatch',
          requestedBy: h.app.botLogin,
        },
      },
    });
    expect(h.gh.dispatches()).toHaveLength(1);
    expect(readable(checkRunOf(h, retry)!.output.text)).toContain(
      'The run is a manual retry (trigger: comment requested by @mona); automatic retries never follow a manual retry.',
    );
  });

  it('dispatches once when the completion is delivered again', async () => {
    configure(policy('max-attempts: 2'));
    const { runId } = await pushAndFinish(h, { workflow: 'nightly.yml', ending: FAILED });
    const delivery = h.gh
      .deliveries()
      .find(
        (d) =>
          d.event === 'workflow_run' &&
          d.action === 'completed' &&
          (d.payload.workflow_run as { id: number }).id === runId,
      );
    await h.gh.redeliver(delivery!.guid);
    await h.gh.idle();
    expect(h.gh.dispatches()).toHaveLength(1);
    expect(checkRunOf(h, runId)!.output.text).toContain('trigger=policy');
  });

  it('waits the policy’s delay before dispatching', async () => {
    configure(policy('delay: 5m'));
    const { runId } = await pushAndFinish(h, { workflow: 'nightly.yml', ending: FAILED });
    expect(h.delays).toEqual([300]);
    expect(checkRunOf(h, runId)!.output.text).toContain('Retrying automatically in 300s.');
    expect(h.gh.dispatches()).toHaveLength(1);
  });

  it('never dispatches for a fork’s run', async () => {
    configure(policy('max-attempts: 2'));
    const { runId } = await forkWithFailedRun(h);
    expect(h.gh.dispatches()).toEqual([]);
    expect(h.gh.run(runId).run_attempt).toBe(1);
    expect(checkRunOf(h, runId)!.output.text).toContain('the run comes from a fork');
  });
});
