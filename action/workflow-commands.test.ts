import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as core from '@actions/core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as workflow from './workflow-commands.js';

// The module promises to say exactly what @actions/core says: each case runs both and compares
// what reaches the runner (stdout, and the files it names), random delimiters aside.

let dir: string;
const saved = { ...process.env };
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'gh-retry-commands-'));
});
afterEach(() => {
  process.env = { ...saved };
  process.exitCode = undefined;
  rmSync(dir, { recursive: true, force: true });
});

/** What `fn` writes to stdout and to the runner's files, with file-command delimiters made equal. */
async function runnerSees(fn: () => unknown): Promise<{ stdout: string; files: string[] }> {
  const files = ['output', 'state', 'summary'].map((name) => path.join(dir, name));
  for (const file of files) writeFileSync(file, '');
  const written: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    written.push(String(chunk));
    return true;
  });
  try {
    await fn();
  } finally {
    spy.mockRestore();
  }
  const same = (text: string) => text.replace(/ghadelimiter_[0-9a-f-]{36}/g, 'ghadelimiter_X');
  return {
    stdout: written.join(''),
    files: files.map((file) => same(readFileSync(file, 'utf8'))),
  };
}

async function expectSameAsCore(ours: () => unknown, theirs: () => unknown): Promise<void> {
  const expected = await runnerSees(theirs);
  const actual = await runnerSees(ours);
  expect(actual).toEqual(expected);
}

const hostile = 'line 1\nline 2\r\n100% done: a,b ::stop::';

describe('workflow commands (as @actions/core issues them)', () => {
  it.each([
    [
      'info',
      () => {
        workflow.info(hostile);
      },
      () => {
        core.info(hostile);
      },
    ],
    [
      'warning',
      () => {
        workflow.warning(hostile);
      },
      () => {
        core.warning(hostile);
      },
    ],
    [
      'error',
      () => {
        workflow.error(hostile);
      },
      () => {
        core.error(hostile);
      },
    ],
    [
      'setSecret',
      () => {
        workflow.setSecret('p%ss\nword');
      },
      () => {
        core.setSecret('p%ss\nword');
      },
    ],
    [
      'a group',
      () =>
        workflow.group('name: 50%', async () => {
          await Promise.resolve();
          workflow.info('inside');
        }),
      () =>
        core.group('name: 50%', async () => {
          await Promise.resolve();
          core.info('inside');
        }),
    ],
  ])('%s', async (_name, ours, theirs) => {
    await expectSameAsCore(ours, theirs);
  });

  it('setFailed fails the step and says why', async () => {
    await expectSameAsCore(
      () => {
        workflow.setFailed(hostile);
      },
      () => {
        core.setFailed(hostile);
      },
    );
    expect(process.exitCode).toBe(1);
  });

  it.each([
    ['in the runner files', true],
    ['in the log, for runners without them', false],
  ])('outputs and state %s', async (_label, withFiles) => {
    if (withFiles) {
      process.env.GITHUB_OUTPUT = path.join(dir, 'output');
      process.env.GITHUB_STATE = path.join(dir, 'state');
    } else {
      delete process.env.GITHUB_OUTPUT;
      delete process.env.GITHUB_STATE;
    }
    await expectSameAsCore(
      () => {
        workflow.setOutput('failed-steps', 'dbt-run,lint');
        workflow.setOutput('multi: line', hostile);
        workflow.saveState('run-folder', '/tmp/a b/c');
      },
      () => {
        core.setOutput('failed-steps', 'dbt-run,lint');
        core.setOutput('multi: line', hostile);
        core.saveState('run-folder', '/tmp/a b/c');
      },
    );
  });

  it('appends to the job summary', async () => {
    process.env.GITHUB_STEP_SUMMARY = path.join(dir, 'summary');
    await expectSameAsCore(
      () => {
        workflow.appendJobSummary('## gh-retry\n\n| a | b |');
      },
      async () => {
        await core.summary.addRaw('## gh-retry\n\n| a | b |', true).write();
      },
    );
  });

  it.each([
    ['name', 'INPUT_NAME', '  nightly \n', {}],
    ['working-directory', 'INPUT_WORKING-DIRECTORY', ' transform ', {}],
    ['commands', 'INPUT_COMMANDS', 'dbt run\n  dbt test\n', { trimWhitespace: false }],
    ['retry of', 'INPUT_RETRY_OF', ' 42', {}],
    ['missing', 'INPUT_OTHER', 'x', {}],
  ])('reads input %j', (name, variable, value, options) => {
    process.env[variable] = value;
    expect(workflow.getInput(name, options)).toBe(core.getInput(name, options));
  });
});
