import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ScheduleError, UserError } from '../src/core/errors.js';
import { resolveStoreRoot } from './cli-context.js';
import type { CliContext } from './cli-context.js';
import { GRAMMAR } from '../test/support/retry-mode-grammar.js';
import { readRetryMode } from './retry-mode-options.js';
import type { RetryModeOptions } from './retry-mode-options.js';
import { readSchedule } from './schedule-source.js';
import type { ScheduleOptions } from './schedule-source.js';

const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'gh-retry-cli-options-')));
const withDefault = path.join(dir, 'with-default');
const empty = path.join(dir, 'empty');
mkdirSync(withDefault);
mkdirSync(empty);
writeFileSync(
  path.join(withDefault, 'gh-retry.yml'),
  'name: nightly\nsteps:\n  - dbt seed\n  - dbt run\n',
);
writeFileSync(path.join(withDefault, 'other.yml'), 'steps:\n  - id: build\n    run: make\n');
writeFileSync(path.join(withDefault, 'bad.yml'), 'steps:\n  - run: make\n    retry: 2\n');
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('readSchedule', () => {
  it.each<[string, ScheduleOptions, string, string[]]>([
    [
      'commands, one per argument',
      { command: ['dbt seed', 'dbt run'] },
      'schedule',
      ['dbt-seed', 'dbt-run'],
    ],
    ['commands with a name', { command: ['make'], name: 'build' }, 'build', ['make']],
    ['a schedule file', { schedule: 'other.yml' }, 'other', ['build']],
    ['gh-retry.yml by default', {}, 'nightly', ['dbt-seed', 'dbt-run']],
    ['gh-retry.yml renamed by --name', { name: 'adhoc' }, 'adhoc', ['dbt-seed', 'dbt-run']],
  ])('reads %s', async (_name, options, name, ids) => {
    const schedule = await readSchedule(options, withDefault);
    expect(schedule.name).toBe(name);
    expect(schedule.steps.map((s) => s.id)).toEqual(ids);
  });

  it.each<[string, ScheduleOptions, string, typeof UserError, RegExp]>([
    [
      'no schedule at all',
      {},
      'empty',
      UserError,
      /no schedule: pass --schedule FILE or --command CMD…, or add gh-retry.yml/,
    ],
    [
      'both flags',
      { schedule: 'other.yml', command: ['make'] },
      'with-default',
      UserError,
      /either --schedule FILE or --command/,
    ],
    [
      'a missing file',
      { schedule: 'nope.yml' },
      'with-default',
      ScheduleError,
      /cannot read the schedule file nope.yml \(ENOENT\)/,
    ],
    [
      'an unknown key',
      { schedule: 'bad.yml' },
      'with-default',
      ScheduleError,
      /bad.yml:3: unknown key "retry"/,
    ],
    ['only comments', { command: ['# nothing'] }, 'with-default', ScheduleError, /./],
  ])('refuses %s', async (_name, options, folder, type, message) => {
    const read = readSchedule(options, path.join(dir, folder));
    await expect(read).rejects.toThrow(type);
    await expect(read).rejects.toThrow(message);
  });
});

describe('readRetryMode', () => {
  it.each<[RetryModeOptions, unknown]>([
    [{}, { kind: 'from-failure' }],
    [{ all: true }, { kind: 'all' }],
    [{ from: 'dbt-run' }, { kind: 'from', step: 'dbt-run' }],
    [{ only: 'a, b,c,a' }, { kind: 'only', steps: ['a', 'b', 'c'] }],
  ])('reads %j', (options, mode) => {
    expect(readRetryMode(options)).toEqual(mode);
  });

  // The flags follow the one grammar (src/core/retry/mode.test.ts): `--from X` and `--only X` read
  // exactly what `from X` and `only X` read everywhere else.
  it.each(GRAMMAR.filter(([text]) => /^(from|only) /i.test(text) && !/^only .* /.test(text)))(
    'reads the grammar row %j',
    (text, mode) => {
      const [keyword = '', ...rest] = text.split(' ');
      const options = { [keyword.toLowerCase()]: rest.join(' ') };
      if (mode === null) expect(() => readRetryMode(options)).toThrow(UserError);
      else expect(readRetryMode(options)).toEqual(mode);
    },
  );

  it.each<[RetryModeOptions, RegExp]>([
    [{ all: true, from: 'x' }, /at most one of --all, --from STEP and --only/],
    [{ only: ' ' }, /--only needs at least one step id/],
    [{ only: ' , ' }, /--only " , " has an empty step id: separate step ids with single commas/],
    [{ only: 'a,,b' }, /--only "a,,b" has an empty step id/],
    [{ only: 'a,B' }, /--only: "B" is not a step id; an id is lower-case letters/],
    [{ from: 'Dbt-Run' }, /--from: "Dbt-Run" is not a step id/],
    [{ from: ' ' }, /--from needs a step id/],
  ])('refuses %j', (options, message) => {
    expect(() => readRetryMode(options)).toThrow(message);
  });
});

describe('resolveStoreRoot', () => {
  const context = (env: Record<string, string>): CliContext => ({
    cwd: '/work/project',
    env,
    stdout: () => undefined,
    stderr: () => undefined,
    onSignal: () => () => undefined,
  });
  it.each([
    [{ store: 'runs' }, { GH_RETRY_STORE: '/elsewhere' }, '/work/project/runs'],
    [{}, { GH_RETRY_STORE: '/elsewhere' }, '/elsewhere'],
    [{}, { GH_RETRY_STORE: '' }, '/work/project/.gh-retry'],
    [{}, {}, '/work/project/.gh-retry'],
  ])('picks --store %j, then GH_RETRY_STORE %j, then .gh-retry', (options, env, root) => {
    expect(resolveStoreRoot(options, context(env))).toBe(root);
  });
});
