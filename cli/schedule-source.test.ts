import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ScheduleError, UserError } from '../src/core/errors.js';
import { readSchedule } from './schedule-source.js';
import type { ScheduleOptions } from './schedule-source.js';

const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'gh-retry-schedule-source-')));
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
