import { describe, expect, it } from 'vitest';
import { NOT_RUN } from '../../../test/support/run-record.js';
import { aRecord, aStep, nodes, runUrl } from '../../../test/support/report-records.js';
import { aFirstRetryOf } from '../../../test/support/retry-lineage.js';
import { MARKDOWN_LIMIT, renderRunSummary } from './run-summary.js';

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
      lineage: aFirstRetryOf('120-1', { trigger: 'policy' }),
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
