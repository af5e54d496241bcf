import { describe, expect, it } from 'vitest';
import { NOT_RUN } from '../../../test/support/run-record.js';
import { aRecord, aStep, nodes, runUrl } from '../../../test/support/report-records.js';
import { aFirstRetryOf } from '../../../test/support/retry-lineage.js';
import { parseComment, renderCommandHelp } from '../bot/comment-command.js';
import { isReplyFor } from '../bot/markers.js';
import type { RetryMode } from '../retry/mode.js';
import type { RunRecord } from '../run-record/schema.js';
import {
  renderRetryOutcome,
  renderRetryReply,
  type RetryReply,
  type RetryTargetResult,
} from './retry-reply.js';

const nightly = { name: 'Nightly', path: '.github/workflows/nightly.yml' };
const ci = { name: 'CI', path: '.github/workflows/ci.yml' };

/** Alice's `/retry` (from failure unless `mode` says) and what it did to each target. */
function aliceRetried(
  results: RetryTargetResult[],
  mode: RetryMode = { kind: 'from-failure' },
): RetryReply {
  return { kind: 'results', mode, requestedBy: 'alice', results };
}

describe('renderRetryReply', () => {
  it('links each dispatched run', () => {
    const reply = aliceRetried([
      { kind: 'dispatched', workflow: nightly, parentRunId: 121, runId: 130 },
      { kind: 'dispatched', workflow: ci, parentRunId: 122, runId: null },
      {
        kind: 'already-retried',
        workflow: { name: 'Docs', path: '.github/workflows/docs.yml' },
        parentRunId: 90,
        runId: 95,
      },
    ]);
    expect(renderRetryReply({ reply, runUrl })).toMatchInlineSnapshot(`
      "🔁 Retrying from failure, as @alice asked:

      **Nightly** (\`nightly.yml\`): retrying [#121](https://github.com/acme/warehouse/actions/runs/121) as [#130](https://github.com/acme/warehouse/actions/runs/130). <!-- gh-retry:parent=121 -->⏳ queued

      **CI** (\`ci.yml\`): retrying [#122](https://github.com/acme/warehouse/actions/runs/122) as a new run (see the Actions tab). <!-- gh-retry:parent=122 -->⏳ queued

      **Docs** (\`docs.yml\`): [#90](https://github.com/acme/warehouse/actions/runs/90) already has a retry, [#95](https://github.com/acme/warehouse/actions/runs/95); no second run was started."
    `);
  });

  it.each<[string, RetryTargetResult, string]>([
    [
      'fork',
      { kind: 'native-rerun', why: 'fork', workflow: ci, parentRunId: 122 },
      `**CI** (\`ci.yml\`): this pull request comes from a fork, so gh-retry does not start a new run (it would run the fork’s code with this repository’s secrets). Re-ran the failed jobs of [#122](${runUrl(122)}) instead; the gh-retry Action resumes them from failure. Re-runs follow the workflow’s \`on-rerun\` setting, not \`all\`. <!-- gh-retry:parent=122 -->⏳ re-running`,
    ],
    [
      'not gh-retry',
      { kind: 'native-rerun', why: 'not-gh-retry', workflow: ci, parentRunId: 122 },
      `**CI** (\`ci.yml\`): [#122](${runUrl(122)}) does not use the gh-retry Action, so its failed jobs were re-run as they are. <!-- gh-retry:parent=122 -->⏳ re-running`,
    ],
    [
      'expired',
      { kind: 'expired', workflow: nightly, parentRunId: 121, expiredAt: '2026-08-20T02:00:00Z' },
      `**Nightly** (\`nightly.yml\`): the record of [#121](${runUrl(121)}) expired on 2026-08-20, so it cannot be retried from failure. Comment \`/retry nightly.yml all\` to run every step again.`,
    ],
    [
      'not finished',
      { kind: 'not-finished', workflow: nightly, parentRunId: 121 },
      `**Nightly** (\`nightly.yml\`): [#121](${runUrl(121)}) is still running. Comment \`/retry nightly.yml\` again when it has finished.`,
    ],
    [
      'failed',
      {
        kind: 'failed',
        workflow: nightly,
        parentRunId: 121,
        message: 'GitHub answered 422: No ref found for: feature/x',
      },
      `**Nightly** (\`nightly.yml\`): could not retry [#121](${runUrl(121)}): GitHub answered 422: No ref found for: feature/x. Try again; if it keeps failing, open the Actions tab, choose **Run workflow** on this workflow and set \`retry-of\` to \`121\`.`,
    ],
  ])('explains a %s target and what to do', (_name, result, line) => {
    const reply = aliceRetried([result], { kind: 'all' });
    expect(renderRetryReply({ reply, runUrl })).toBe(
      `🔁 Retrying every step, as @alice asked:\n\n${line}`,
    );
  });

  it('shows the lines to add when the workflow has no dispatch trigger', () => {
    const reply = aliceRetried(
      [{ kind: 'native-rerun', why: 'no-dispatch-trigger', workflow: nightly, parentRunId: 121 }],
      { kind: 'from', step: 'dbt-run' },
    );
    expect(renderRetryReply({ reply, runUrl })).toMatchInlineSnapshot(`
      "🔁 Retrying from step \`dbt-run\`, as @alice asked:

      **Nightly** (\`nightly.yml\`): this workflow has no \`workflow_dispatch\` trigger, so the failed jobs of [#121](https://github.com/acme/warehouse/actions/runs/121) were re-run instead; the gh-retry Action resumes them from failure. Re-runs follow the workflow’s \`on-rerun\` setting, not \`from dbt-run\`. <!-- gh-retry:parent=121 -->⏳ re-running

      To retry as a new run with any mode, add these lines to \`.github/workflows/nightly.yml\` (keep your other triggers under \`on:\`):

      \`\`\`yaml
      on:
        workflow_dispatch:
          inputs:
            retry-of:
              description: Run id or URL of the run to retry
              required: false
            retry-mode:
              description: 'from-failure, all, from STEP or only STEP[,STEP…]'
              required: false
              default: from-failure
      run-name: "\${{ inputs.retry-of && format('Retry of #{0}', inputs.retry-of) || '' }}"
      \`\`\`"
    `);
  });

  it.each<[string, RetryReply, string]>([
    [
      'no failed run',
      { kind: 'no-failed-run', workflow: null, headSha: 'abcdef0123456789' },
      '🤷 Nothing to retry: no workflow has a failed run on commit `abcdef0`, the head of this pull request. If a run is still in progress, comment `/retry` again when it has finished.',
    ],
    [
      'no failed run of a workflow',
      { kind: 'no-failed-run', workflow: 'nightly.yml', headSha: 'abcdef0123456789' },
      '🤷 Nothing to retry: `nightly.yml` has no failed run on commit `abcdef0`, the head of this pull request. Check the file name (`/retry help`), or comment `/retry nightly.yml` again when its run has finished.',
    ],
    [
      'denied',
      {
        kind: 'denied',
        reason: '@bob has read access, and /retry needs write access or higher on this repository.',
      },
      '🚫 @bob has read access, and /retry needs write access or higher on this repository.',
    ],
    ['help', { kind: 'help' }, renderCommandHelp()],
  ])('%s', (_name, reply, body) => {
    expect(renderRetryReply({ reply, runUrl })).toBe(body);
  });

  it('passes the parser’s message for an invalid command', () => {
    const command = parseComment('/retry from');
    if (command.kind !== 'invalid') throw new Error('expected invalid');
    const body = renderRetryReply({ reply: { kind: 'invalid', message: command.message }, runUrl });
    expect(body.split('\n')[0]).toBe(
      '😕 `/retry from STEP` needs a step id, for example `/retry from dbt-run`.',
    );
    expect(body).toContain('| `/retry all` | Run every step again, as written. |');
  });
});

describe('renderRetryOutcome', () => {
  const reply = aliceRetried([
    { kind: 'dispatched', workflow: nightly, parentRunId: 121, runId: 130 },
    { kind: 'native-rerun', why: 'fork', workflow: ci, parentRunId: 122 },
  ]);
  const body = renderRetryReply({ reply, runUrl });

  it('finds the reply of a parent run', () => {
    expect([isReplyFor(body, 121), isReplyFor(body, 122), isReplyFor(body, 12)]).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('edits only the line of the finished retry', () => {
    const record = aRecord({
      id: '130-1',
      status: 'success',
      lineage: aFirstRetryOf('121-1', { trigger: 'comment', requestedBy: 'alice' }),
      steps: [
        aStep({ id: 'dbt-deps', setup: true, action: 'setup' }),
        aStep({
          id: 'dbt-seed',
          status: 'reused',
          action: 'reuse',
          reusedFrom: '121-1',
          ...NOT_RUN,
        }),
        aStep({ id: 'dbt-run', action: 'retry', tool: 'dbt' }),
        aStep({ id: 'dbt-test' }),
      ],
    });
    const edited = renderRetryOutcome({
      body,
      outcome: { parentRunId: 121, runId: 130, status: 'success', record },
      runUrl,
    });
    expect(edited).toMatchInlineSnapshot(`
      "🔁 Retrying from failure, as @alice asked:

      **Nightly** (\`nightly.yml\`): retrying [#121](https://github.com/acme/warehouse/actions/runs/121) as [#130](https://github.com/acme/warehouse/actions/runs/130). <!-- gh-retry:parent=121 -->✅ [#130](https://github.com/acme/warehouse/actions/runs/130) succeeded (1 step reused, 1 step retried, 2 steps run).

      **CI** (\`ci.yml\`): this pull request comes from a fork, so gh-retry does not start a new run (it would run the fork’s code with this repository’s secrets). Re-ran the failed jobs of [#122](https://github.com/acme/warehouse/actions/runs/122) instead; the gh-retry Action resumes them from failure. <!-- gh-retry:parent=122 -->⏳ re-running"
    `);
    const again = renderRetryOutcome({
      body: edited,
      outcome: { parentRunId: 122, runId: 122, status: 'cancelled', record: null },
      runUrl,
    });
    expect(again.split('\n').at(-1)).toMatch(
      /<!-- gh-retry:parent=122 -->🚫 \[#122\]\(.+\) was cancelled\. Comment `\/retry` to retry it\.$/,
    );
    expect(again).toContain('<!-- gh-retry:parent=121 -->✅ [#130]');
  });

  it.each<[string, RunRecord | null, string]>([
    [
      'a failed retry with a record',
      aRecord({
        steps: [
          aStep({ id: 'dbt-run', status: 'failed', exitCode: 1, tool: 'dbt', nodes: nodes(2, 1) }),
        ],
      }),
      '❌ [#130](https://github.com/acme/warehouse/actions/runs/130) failed at `dbt-run` (2 failed, 1 skipped nodes). Comment `/retry` to retry from this failure.',
    ],
    [
      'a failed retry without a record',
      null,
      '❌ [#130](https://github.com/acme/warehouse/actions/runs/130) failed. Comment `/retry` to retry from this failure.',
    ],
  ])('reports %s', (_name, record, status) => {
    const edited = renderRetryOutcome({
      body,
      outcome: { parentRunId: 121, runId: 130, status: 'failed', record },
      runUrl,
    });
    expect(edited.split('\n').find((l) => l.includes('parent=121'))).toBe(
      `**Nightly** (\`nightly.yml\`): retrying [#121](${runUrl(121)}) as [#130](${runUrl(130)}). <!-- gh-retry:parent=121 -->${status}`,
    );
  });

  it('leaves a body without the parent’s line unchanged', () => {
    expect(
      renderRetryOutcome({
        body,
        outcome: { parentRunId: 999, runId: 1000, status: 'success', record: null },
        runUrl,
      }),
    ).toBe(body);
  });
});
