import { describe, expect, it } from 'vitest';
import { UserError } from '../errors.js';
import { parseRecordRunId, parseRunReference } from './reference.js';
import { examples } from '../../../test/support/examples.js';

const repo = { owner: 'acme', repo: 'warehouse' };
const ghes = { ...repo, serverUrl: 'https://git.example.com/' };

describe('parseRunReference', () => {
  it.each<[string, typeof repo | typeof ghes, number, number | null]>([
    ['123', repo, 123, null],
    [' 17263512345 \n', repo, 17263512345, null],
    ['https://github.com/acme/warehouse/actions/runs/123', repo, 123, null],
    ['https://github.com/acme/warehouse/actions/runs/123/', repo, 123, null],
    ['https://github.com/acme/warehouse/actions/runs/123/attempts/2', repo, 123, 2],
    ['https://github.com/acme/warehouse/actions/runs/123/job/9', repo, 123, null],
    ['https://github.com/acme/warehouse/actions/runs/123/attempts/3/jobs/9', repo, 123, 3],
    ['https://github.com/acme/warehouse/actions/runs/123?pr=5#summary-9', repo, 123, null],
    ['https://GitHub.com/Acme/Warehouse/actions/runs/123', repo, 123, null],
    ['https://api.github.com/repos/acme/warehouse/actions/runs/123', repo, 123, null],
    ['https://api.github.com/repos/acme/warehouse/actions/runs/123/attempts/4', repo, 123, 4],
    ['https://git.example.com/acme/warehouse/actions/runs/55', ghes, 55, null],
    ['https://git.example.com/api/v3/repos/acme/warehouse/actions/runs/55', ghes, 55, null],
  ])('%j', (text, params, runId, attempt) => {
    expect(parseRunReference(text, params)).toEqual({ runId, attempt });
  });

  it.each<[string, typeof repo | typeof ghes, string]>([
    [
      'https://gitlab.com/acme/warehouse/actions/runs/123',
      repo,
      'is a run on gitlab.com, but this repository is on github.com',
    ],
    [
      'https://github.com/acme/warehouse/actions/runs/55',
      ghes,
      'is a run on github.com, but this repository is on git.example.com',
    ],
    [
      'https://github.com/other/warehouse/actions/runs/123',
      repo,
      'is a run of other/warehouse, not of acme/warehouse',
    ],
    [
      'https://api.github.com/repos/acme/fork/actions/runs/1',
      repo,
      'is a run of acme/fork, not of acme/warehouse',
    ],
  ])('refuses %j', (text, params, message) => {
    expect(() => parseRunReference(text, params)).toThrow(message);
  });

  it.each([
    '',
    '#123',
    '0',
    '-5',
    '12.5',
    '99999999999999999999',
    'latest',
    '123; rm -rf /',
    'https://github.com/acme/warehouse/actions/runs/abc',
    'https://github.com/acme/warehouse/pull/5',
    'https://github.com/acme/warehouse/actions/runs/123/attempts/0',
    'https://github.com/acme/warehouse/actions/runs/123/logs',
    'ftp://github.com/acme/warehouse/actions/runs/123',
    'file:///acme/warehouse/actions/runs/123',
    'https://api.github.com/acme/warehouse/actions/runs/123',
  ])('cannot read %j', (text) => {
    expect(() => parseRunReference(text, repo)).toThrow(UserError);
    expect(() => parseRunReference(text, repo)).toThrow(
      'Give a run id (123456789), a run URL (https://github.com/acme/warehouse/actions/runs/123456789) or a run attempt URL',
    );
  });

  it('quotes long input shortly in its message', () => {
    expect(() => parseRunReference(`x${'y'.repeat(300)}`, repo)).toThrow(
      `Cannot read "x${'y'.repeat(99)}…" as a workflow run.`,
    );
  });
});

describe('parseRecordRunId', () => {
  examples(parseRecordRunId, [
    ['17263512345-2', { runId: 17263512345, attempt: 2 }],
    ['118', { runId: 118, attempt: null }],
    ['118-0', null],
    ['0-1', null],
    ['20261120T020000Z-ab12', null],
    ['118-1-1', null],
    ['', null],
  ]);
});
