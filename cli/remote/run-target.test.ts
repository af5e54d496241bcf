import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import { runCli } from '../program.js';
import { isRemoteRun, parseRunTarget, runNotFound } from './run-target.js';

describe('parseRunTarget', () => {
  it.each([
    [
      'https://github.com/acme/warehouse/actions/runs/123',
      {},
      { owner: 'acme', repo: 'warehouse', runId: 123, attempt: null, host: 'github.com' },
    ],
    [
      'https://GHE.example.com/acme/warehouse/actions/runs/123/attempts/2/',
      {},
      { owner: 'acme', repo: 'warehouse', runId: 123, attempt: 2, host: 'ghe.example.com' },
    ],
    [
      'https://github.com/acme/warehouse/actions/runs/123/job/456',
      {},
      { owner: 'acme', repo: 'warehouse', runId: 123, attempt: null, host: 'github.com' },
    ],
    ['acme/ware.house#77', {}, { owner: 'acme', repo: 'ware.house', runId: 77, host: null }],
    ['77', { repo: 'acme/warehouse' }, { owner: 'acme', repo: 'warehouse', runId: 77 }],
  ])('reads %s', (text, options, target) => {
    expect(parseRunTarget(text, options)).toMatchObject(target);
  });

  it.each([
    [undefined, {}, /which run\? give a run URL/],
    ['77', {}, /a run id needs --repo OWNER\/REPO/],
    ['77', { repo: 'warehouse' }, /--repo takes OWNER\/REPO, not "warehouse"/],
    ['https://github.com/acme/warehouse/pulls/3', {}, /is not a workflow run URL/],
    ['acme/warehouse#x', {}, /cannot read "acme\/warehouse#x" as a GitHub run/],
    ['https://github.com/acme/warehouse/actions/runs/0', {}, /0 is not a run id/],
  ])('refuses %s in one line', (text, options, message) => {
    const read = () => parseRunTarget(text, options);
    expect(read).toThrow(UserError);
    expect(read).toThrow(message);
  });
});

describe('isRemoteRun', () => {
  it.each([
    ['https://github.com/acme/w/actions/runs/1', {}, true],
    ['acme/w#1', {}, true],
    ['1', { repo: 'acme/w' }, true],
    [undefined, { repo: 'acme/w' }, true],
    ['1', {}, false],
    ['last', {}, false],
    ['20261201-120000-ab', {}, false],
    [undefined, {}, false],
  ])('%s %j → %s', (ref, options, remote) => {
    expect(isRemoteRun(ref, options)).toBe(remote);
  });
});

describe('the flags of a GitHub retry on a local run', () => {
  it.each([
    [['retry', 'last', '--follow'], '--follow only work with a GitHub run'],
    [['retry', '--wait', '--json'], '--follow, --json only work with a GitHub run'],
  ])('%j is a usage error in one line', async (argv, message) => {
    let stderr = '';
    const code = await runCli(argv, {
      cwd: '/nonexistent',
      env: {},
      stdout: () => undefined,
      stderr: (text) => {
        stderr += text;
      },
      onSignal: () => () => undefined,
    });
    expect(code).toBe(2);
    expect(stderr).toBe(
      `gh-retry: ${message}: give its URL, OWNER/REPO#ID, or an id with --repo OWNER/REPO\n`,
    );
  });
});

describe('runNotFound', () => {
  it('is one line naming the run and the repository, and what to check (retry, show and plan)', () => {
    const error = runNotFound({ owner: 'acme', repo: 'warehouse', runId: 42 });
    expect(error).toBeInstanceOf(UserError);
    expect(error.message).toBe(
      'run 42 was not found in acme/warehouse, or your token cannot see it: check the run, or use a token with access to the repository',
    );
  });
});
