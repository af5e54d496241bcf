import { describe, expect, it } from 'vitest';
import {
  aGitHubRun,
  aLineage,
  aNodeSummary,
  aRunRecord,
  aStepRecord,
  NOT_RUN,
} from '../../../test/support/run-record.js';
import { parseComment, renderCommandHelp } from '../bot/comment-command.js';
import { isReplyFor } from '../bot/markers.js';
import {
  MARKDOWN_LIMIT,
  renderRetryOutcome,
  renderRetryReply,
  renderRunSummary,
  type RetryReply,
  type RetryTargetResult,
} from './markdown-report.js';
import {
  runRecordSchema,
  type NodeSummary,
  type RunRecord,
  type StepRecord,
} from '../run-record/schema.js';

const runUrl = (runId: number) => `https://github.com/acme/warehouse/actions/runs/${runId}`;

/** A step named for its id (`dbt-run` runs `dbt run`), timed as the tests below expect. */
function aStep(overrides: Partial<StepRecord> = {}): StepRecord {
  const id = overrides.id ?? 'dbt-run';
  return aStepRecord({
    id,
    name: id,
    command: id.replace('-', ' '),
    startedAt: '2026-11-20T02:00:00Z',
    durationMs: 12_300,
    ...overrides,
  });
}

/** A failed first run of acme/warehouse run 121 on main, with no steps yet. */
function aRecord(overrides: Partial<RunRecord> = {}): RunRecord {
  return runRecordSchema.parse(
    aRunRecord({
      id: '121-1',
      name: 'nightly',
      status: 'failed',
      startedAt: '2026-11-20T02:00:00Z',
      finishedAt: '2026-11-20T02:04:05Z',
      durationMs: 245_000,
      git: { sha: '0123456789abcdef0123456789abcdef01234567', ref: 'refs/heads/main' },
      github: aGitHubRun({ runId: 121, actor: 'alice' }),
      lineage: aLineage({ root: '121-1', trigger: 'dispatch' }),
      steps: [],
      ...overrides,
    }),
  );
}

function nodes(failed: number, skipped: number, success = 12): NodeSummary {
  return aNodeSummary({
    counts: { success, error: failed, skipped },
    failed: Array.from({ length: failed }, (_, i) => ({
      id: `model.shop.m${i}`,
      status: 'error',
      message:
        i === 0
          ? 'Database Error in model m0\n  relation "raw.orders" does not exist | see `logs`'
          : null,
    })),
    skipped: Array.from({ length: skipped }, (_, i) => `model.shop.s${i}`),
  });
}

const failedFirstRun = aRecord({
  steps: [
    aStep({ id: 'dbt-deps', setup: true, action: 'setup', durationMs: 3_200 }),
    aStep({ id: 'dbt-seed', durationMs: 850 }),
    aStep({
      id: 'dbt-run',
      status: 'failed',
      exitCode: 1,
      tool: 'dbt',
      durationMs: 62_000,
      nodes: nodes(3, 5),
    }),
    aStep({ id: 'dbt-test', status: 'skipped', ...NOT_RUN }),
  ],
});

describe('renderRunSummary', () => {
  it('reports a failed first run with its failed nodes and how to retry', () => {
    expect(renderRunSummary({ record: failedFirstRun, runUrl })).toMatchInlineSnapshot(`
      "## ❌ nightly failed in 4m 05s

      Run [#121](https://github.com/acme/warehouse/actions/runs/121) · commit \`0123456\` · \`main\`

      | Step | Status | Duration | What ran |
      | --- | --- | --- | --- |
      | \`dbt-deps\` | ✅ success | 3.2s | as written (setup) |
      | \`dbt-seed\` | ✅ success | 850ms | as written |
      | \`dbt-run\` | ❌ failed | 1m 02s | as written (3 failed, 5 skipped nodes) |
      | \`dbt-test\` | ⏭️ skipped | — | not run |

      ### Failed dbt nodes

      **\`dbt-run\`**: 3 failed, 5 skipped nodes
      - \`model.shop.m0\` (error): \`\` Database Error in model m0 relation "raw.orders" does not exist | see \`logs\` \`\`
      - \`model.shop.m1\` (error)
      - \`model.shop.m2\` (error)

      ### How to retry

      - Comment \`/retry\` on the pull request to retry from failure: steps that succeeded are reused and only what failed runs again. \`/retry all\` runs every step again; \`/retry help\` lists every form.
      - Or, in the Actions tab, open this workflow, choose **Run workflow** and set \`retry-of\` to \`121\` (\`retry-mode\`: \`from-failure\`, \`all\`, \`from STEP\` or \`only STEP[,STEP…]\`).
      - Or choose **Re-run failed jobs** on this run: the gh-retry Action resumes it from failure."
    `);
  });

  it('reports a successful retry with its lineage and no how-to', () => {
    const record = aRecord({
      id: '130-1',
      status: 'success',
      github: { ...failedFirstRun.github!, runId: 130 },
      lineage: {
        parent: '121-2',
        root: '118-1',
        retryNumber: 2,
        mode: { kind: 'from-failure' },
        trigger: 'comment',
        requestedBy: 'alice',
      },
      steps: [
        aStep({ id: 'dbt-deps', setup: true, action: 'setup', durationMs: 3_000 }),
        aStep({
          id: 'dbt-seed',
          status: 'reused',
          action: 'reuse',
          reusedFrom: '118-1',
          ...NOT_RUN,
        }),
        aStep({
          id: 'dbt-run',
          action: 'retry',
          tool: 'dbt',
          executed: 'dbt retry --state s',
          nodes: { ...nodes(0, 0, 20), merged: true },
        }),
        aStep({
          id: 'pytest',
          action: 'retry',
          tool: 'pytest',
          executed: 'pytest --last-failed',
          failedTests: [],
        }),
      ],
    });
    expect(renderRunSummary({ record, runUrl })).toMatchInlineSnapshot(`
      "## ✅ nightly succeeded in 4m 05s

      Run [#130](https://github.com/acme/warehouse/actions/runs/130) · commit \`0123456\` · \`main\`

      **Retry 2 of [#118](https://github.com/acme/warehouse/actions/runs/118), from [#121](https://github.com/acme/warehouse/actions/runs/121) (attempt 2)** · mode \`from-failure\` · trigger comment · requested by @alice

      | Step | Status | Duration | What ran |
      | --- | --- | --- | --- |
      | \`dbt-deps\` | ✅ success | 3.0s | as written (setup) |
      | \`dbt-seed\` | ♻️ reused | — | reused from [#118](https://github.com/acme/warehouse/actions/runs/118) |
      | \`dbt-run\` | ✅ success | 12.3s | dbt retry (20 nodes ok) |
      | \`pytest\` | ✅ success | 12.3s | pytest --last-failed |"
    `);
  });

  it('says when there was nothing to retry', () => {
    const record = aRecord({
      status: 'success',
      nothingToRetry: true,
      lineage: {
        parent: '120-1',
        root: '120-1',
        retryNumber: 1,
        mode: { kind: 'from-failure' },
        trigger: 'policy',
        requestedBy: null,
      },
      steps: [
        aStep({
          id: 'dbt-run',
          status: 'reused',
          action: 'reuse',
          reusedFrom: '120-1',
          ...NOT_RUN,
        }),
      ],
    });
    expect(renderRunSummary({ record, runUrl })).toMatchInlineSnapshot(`
      "## ✅ nightly: nothing to retry

      Run [#121](https://github.com/acme/warehouse/actions/runs/121) · commit \`0123456\` · \`main\`

      **Retry 1 of [#120](https://github.com/acme/warehouse/actions/runs/120)** · mode \`from-failure\` · trigger policy

      Nothing to retry: [#120](https://github.com/acme/warehouse/actions/runs/120) had succeeded, so every step was reused.

      | Step | Status | Duration | What ran |
      | --- | --- | --- | --- |
      | \`dbt-run\` | ♻️ reused | — | reused from [#120](https://github.com/acme/warehouse/actions/runs/120) |"
    `);
  });

  it('tells a local run to use the CLI and names runs without links', () => {
    const record = aRecord({
      id: '20261120-020000-ab12',
      github: null,
      git: { sha: null, ref: null },
      lineage: {
        parent: '20261119-010000-cd34',
        root: '20261119-010000-cd34',
        retryNumber: 1,
        mode: { kind: 'only', steps: ['pytest'] },
        trigger: 'local',
        requestedBy: null,
      },
      steps: [
        aStep({
          id: 'pytest',
          status: 'failed',
          exitCode: 1,
          tool: 'pytest',
          failedTests: ['tests/test_a.py::test_x', 'tests/test_b.py::test_y'],
        }),
      ],
    });
    expect(renderRunSummary({ record })).toMatchInlineSnapshot(`
      "## ❌ nightly failed in 4m 05s

      **Retry 1 of \`20261119-010000-cd34\`** · mode \`only pytest\` · trigger local

      | Step | Status | Duration | What ran |
      | --- | --- | --- | --- |
      | \`pytest\` | ❌ failed | 12.3s | as written (2 failed tests) |

      ### Failed tests

      **\`pytest\`**: 2 failed tests
      - \`tests/test_a.py::test_x\`
      - \`tests/test_b.py::test_y\`

      ### How to retry

      - Run \`gh-retry retry 20261120-020000-ab12\` to retry from failure, or \`gh-retry retry 20261120-020000-ab12 --all\` to run every step again."
    `);
  });

  it('says how long a cancelled run ran and how to retry it', () => {
    const record = aRecord({
      status: 'cancelled',
      steps: [aStep({ status: 'cancelled', exitCode: null, signal: 'SIGTERM' })],
    });
    const markdown = renderRunSummary({ record, runUrl });
    expect(markdown.split('\n')[0]).toBe('## 🚫 nightly was cancelled after 4m 05s');
    expect(markdown).toContain('| `dbt-run` | 🚫 cancelled | 12.3s | as written |');
    expect(markdown).toContain('### How to retry');
  });

  it('names the first 20 failed nodes and counts the rest', () => {
    const record = aRecord({
      steps: [aStep({ status: 'failed', exitCode: 1, tool: 'dbt', nodes: nodes(25, 0) })],
    });
    const markdown = renderRunSummary({ record, runUrl });
    expect(markdown).toContain('- `model.shop.m19` (error)');
    expect(markdown).not.toContain('model.shop.m20');
    expect(markdown).toContain('- +5 more');
  });

  it('defuses Markdown, mentions and links in recorded text', () => {
    const record = aRecord({
      name: '@everyone [click](https://evil.example) *now*',
      lineage: {
        parent: '1-1',
        root: '1-1',
        retryNumber: 1,
        mode: { kind: 'all' },
        trigger: 'comment',
        requestedBy: 'x](https://evil.example)',
      },
      steps: [
        aStep({ id: 'a', status: 'failed', exitCode: 1, tool: 'pytest', failedTests: ['t|`x`|y'] }),
      ],
    });
    const markdown = renderRunSummary({ record, runUrl });
    expect(markdown.split('\n')[0]).toBe(
      '## ❌ @\u2060everyone \\[click\\]\\(https://evil.example\\) \\*now\\* failed in 4m 05s',
    );
    expect(markdown).toContain('requested by `x](https://evil.example)`');
    expect(markdown).toContain('- `` t|`x`|y ``');
  });

  it('stays within the limit, keeping the header and the how-to', () => {
    const steps = Array.from({ length: 500 }, (_, i) =>
      aStep({
        id: `step-${i}`,
        status: 'failed',
        exitCode: 1,
        continueOnError: true,
        tool: 'dbt',
        nodes: nodes(30, 10),
      }),
    );
    const markdown = renderRunSummary({ record: aRecord({ steps }), runUrl });
    expect(markdown.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(markdown.startsWith('## ❌ nightly failed in 4m 05s')).toBe(true);
    expect(markdown).toContain(
      '_Shortened to fit GitHub’s size limit; the run record has every detail._',
    );
    expect(
      markdown.endsWith(
        '- Or choose **Re-run failed jobs** on this run: the gh-retry Action resumes it from failure.',
      ),
    ).toBe(true);

    const small = renderRunSummary({ record: failedFirstRun, runUrl, maxLength: 1500 });
    expect(small.length).toBeLessThanOrEqual(1500);
    expect(small).toContain('| `dbt-deps` |');
    expect(small).toContain('### How to retry');
  });
});

const nightly = { name: 'Nightly', path: '.github/workflows/nightly.yml' };
const ci = { name: 'CI', path: '.github/workflows/ci.yml' };

describe('renderRetryReply', () => {
  it('links each dispatched run', () => {
    const reply: RetryReply = {
      kind: 'results',
      mode: { kind: 'from-failure' },
      requestedBy: 'alice',
      results: [
        { kind: 'dispatched', workflow: nightly, parentRunId: 121, runId: 130 },
        { kind: 'dispatched', workflow: ci, parentRunId: 122, runId: null },
        {
          kind: 'already-retried',
          workflow: { name: 'Docs', path: '.github/workflows/docs.yml' },
          parentRunId: 90,
          runId: 95,
        },
      ],
    };
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
    const reply: RetryReply = {
      kind: 'results',
      mode: { kind: 'all' },
      requestedBy: 'alice',
      results: [result],
    };
    expect(renderRetryReply({ reply, runUrl })).toBe(
      `🔁 Retrying every step, as @alice asked:\n\n${line}`,
    );
  });

  it('shows the lines to add when the workflow has no dispatch trigger', () => {
    const reply: RetryReply = {
      kind: 'results',
      mode: { kind: 'from', step: 'dbt-run' },
      requestedBy: 'alice',
      results: [
        { kind: 'native-rerun', why: 'no-dispatch-trigger', workflow: nightly, parentRunId: 121 },
      ],
    };
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
  const reply: RetryReply = {
    kind: 'results',
    mode: { kind: 'from-failure' },
    requestedBy: 'alice',
    results: [
      { kind: 'dispatched', workflow: nightly, parentRunId: 121, runId: 130 },
      { kind: 'native-rerun', why: 'fork', workflow: ci, parentRunId: 122 },
    ],
  };
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
      lineage: {
        parent: '121-1',
        root: '121-1',
        retryNumber: 1,
        mode: { kind: 'from-failure' },
        trigger: 'comment',
        requestedBy: 'alice',
      },
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
