import { describe, expect, it } from 'vitest';
import { parseComment, renderCommandHelp } from './comment-command.js';
import { formatRetryMode, parseRetryMode } from '../retry/mode.js';

describe('parseComment: valid commands', () => {
  it.each([
    ['/retry', null, { kind: 'from-failure' }],
    ['/retry all', null, { kind: 'all' }],
    ['/retry from-failure', null, { kind: 'from-failure' }],
    ['/retry ci.yml From-Failure', 'ci.yml', { kind: 'from-failure' }],
    ['/retry from dbt-run', null, { kind: 'from', step: 'dbt-run' }],
    ['/retry only dbt-test', null, { kind: 'only', steps: ['dbt-test'] }],
    ['/retry only dbt-test,pytest', null, { kind: 'only', steps: ['dbt-test', 'pytest'] }],
    ['/retry only a, b ,c', null, { kind: 'only', steps: ['a', 'b', 'c'] }],
    ['/retry only a,a', null, { kind: 'only', steps: ['a'] }],
    ['/retry nightly.yml', 'nightly.yml', { kind: 'from-failure' }],
    ['/retry Nightly-DBT.yaml all', 'Nightly-DBT.yaml', { kind: 'all' }],
    ['/retry nightly.yml from dbt-seed', 'nightly.yml', { kind: 'from', step: 'dbt-seed' }],
    [
      '/retry ci.yml only pytest,playwright-test',
      'ci.yml',
      { kind: 'only', steps: ['pytest', 'playwright-test'] },
    ],
    ['/retry .github/workflows/nightly.yml', 'nightly.yml', { kind: 'from-failure' }],
    ['   /retry all   ', null, { kind: 'all' }],
    ['/retry\tall', null, { kind: 'all' }],
    ['/Retry ALL', null, { kind: 'all' }],
    ['/RETRY From dbt-run', null, { kind: 'from', step: 'dbt-run' }],
    ['/retry all\r\n/retry from x', null, { kind: 'all' }],
    ['/retry\nplease rerun everything', null, { kind: 'from-failure' }],
    ['/retry from step.with_dots-1', null, { kind: 'from', step: 'step.with_dots-1' }],
  ])('%j', (body, workflow, mode) => {
    expect(parseComment(body)).toEqual({ kind: 'retry', workflow, mode });
    // The App dispatches `retry-mode: formatRetryMode(mode)`; the Action must read back the same mode.
    expect(parseRetryMode(formatRetryMode(mode as Parameters<typeof formatRetryMode>[0]))).toEqual(
      mode,
    );
  });

  it.each(['/retry help', '/retry HELP', ' /retry help \r\nmore'])('%j is help', (body) => {
    expect(parseComment(body)).toEqual({ kind: 'help' });
  });
});

describe('parseComment: not a command', () => {
  it.each([
    '',
    'LGTM',
    'please /retry',
    '> /retry',
    'thanks!\n/retry all',
    'retry',
    '`/retry`',
    '\n/retry',
  ])('%j is none', (body) => {
    expect(parseComment(body)).toEqual({ kind: 'none' });
  });
});

describe('parseComment: invalid commands', () => {
  it.each([
    ['/retryall', 'put a space after `/retry`'],
    ['/retry-all', 'put a space after `/retry`'],
    ['/retry from', '`/retry from STEP` needs a step id'],
    ['/retry from a b', 'takes one step id'],
    ['/retry only', 'needs step ids'],
    ['/retry only a,,b', 'empty step id'],
    ['/retry only a,', 'empty step id'],
    ['/retry only ,a', 'empty step id'],
    ['/retry only a b', 'Separate step ids with commas'],
    ['/retry from $(rm -rf)', 'takes one step id, but found `$(rm -rf)`'],
    ['/retry from $(rm)', '`$(rm)` is not a step id'],
    ['/retry from ;rm', '`;rm` is not a step id'],
    ['/retry only a,`b`', "`'b'` is not a step id"],
    ['/retry from DBT-RUN', 'did you mean `dbt-run`'],
    ['/retry from -x', '`-x` is not a step id'],
    [`/retry from ${'a'.repeat(65)}`, 'is not a step id'],
    ['/retry all please', '`/retry all` takes nothing after it'],
    ['/retry from-failure now', '`/retry` takes nothing after it'],
    ['/retry alll', '`alll` is neither a retry mode'],
    ['/retry nightly', '`nightly` is neither a retry mode'],
    ['/retry ../x.yml', 'is not a workflow file name'],
    ['/retry $(x).yml', 'is not a workflow file name'],
    ['/retry a.yml b.yml', '`b.yml` is neither a retry mode'],
    ['/retry help me', '`/retry help` takes nothing after it'],
    [`/retry ${'x'.repeat(1000)}`, 'longer than 1000 characters'],
    [
      `/retry only ${Array.from({ length: 51 }, (_, i) => `s${i}`).join(',')}`,
      'at most 50 step ids',
    ],
  ])('%j', (body, problem) => {
    const result = parseComment(body);
    expect(result.kind).toBe('invalid');
    if (result.kind !== 'invalid') return;
    expect(result.message).toContain(problem);
    expect(result.message).toContain(renderCommandHelp());
  });

  it('shortens and defuses echoed tokens', () => {
    const result = parseComment(`/retry from @${'x'.repeat(80)}`);
    expect(result.kind === 'invalid' && result.message.split('\n')[0]).toBe(
      `\`@${'x'.repeat(39)}…\` is not a step id: step ids are up to 64 lowercase letters, digits, \`.\`, \`_\` and \`-\`, as shown in the run summary.`,
    );
  });
});

describe('renderCommandHelp', () => {
  it('lists every form of the grammar', () => {
    expect(renderCommandHelp()).toMatchInlineSnapshot(`
      "**gh-retry commands** (only the first line of a comment counts):

      | Command | What it does |
      | --- | --- |
      | \`/retry\` | Retry from failure: reuse the steps that succeeded, re-run only what failed (failed dbt models, failed tests). Also \`/retry from-failure\`. |
      | \`/retry all\` | Run every step again, as written. |
      | \`/retry from STEP\` | Reuse the steps before STEP (they must have succeeded); run STEP and every later step. |
      | \`/retry only STEP[,STEP…]\` | Run the setup steps and the named steps only. |
      | \`/retry WORKFLOW [MODE]\` | Retry one workflow only. WORKFLOW is its file name and MODE any form above without \`/retry\`, e.g. \`/retry nightly.yml\` or \`/retry nightly.yml from dbt-run\`. |
      | \`/retry help\` | Show this help. |

      STEP is a step id as shown in the run summary (lowercase letters, digits, \`.\`, \`_\`, \`-\`). Without WORKFLOW, the latest failed run of each workflow on the pull request’s head commit is retried."
    `);
  });
});
