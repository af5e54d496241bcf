import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RETRY_MODE_TABLE } from '../src/core/retry/mode.js';
import {
  INPUT_NAMES,
  InputError,
  parseInputs,
  readEventInputs,
  readInputs,
  readRawInputs,
} from './inputs.js';
import { expectRefusal, rawInputs as raw, readActionYml } from '../test/support/action/inputs.js';

describe('parseInputs', () => {
  it('fills the defaults', () => {
    expect(parseInputs(raw())).toEqual({
      commands: 'dbt seed\ndbt run',
      schedule: null,
      name: null,
      workingDirectory: '.',
      githubToken: 'ghs_token',
      retryOf: null,
      retryMode: { kind: 'from-failure' },
      onRerun: 'from-failure',
      artifactRetentionDays: null,
    });
  });

  it.each([
    [{ retryMode: 'all' }, { retryMode: { kind: 'all' } }],
    [{ retryMode: 'from dbt-run' }, { retryMode: { kind: 'from', step: 'dbt-run' } }],
    [
      { retryMode: 'only dbt-run,dbt-test' },
      { retryMode: { kind: 'only', steps: ['dbt-run', 'dbt-test'] } },
    ],
    [{ onRerun: 'all' }, { onRerun: 'all' }],
    [{ artifactRetentionDays: '7' }, { artifactRetentionDays: 7 }],
    [{ artifactRetentionDays: '400' }, { artifactRetentionDays: 400 }],
    [{ retryOf: ' 12345 ' }, { retryOf: '12345' }],
    [{ name: 'nightly (prod)' }, { name: 'nightly (prod)' }],
    [{ workingDirectory: 'transform' }, { workingDirectory: 'transform' }],
    [
      { commands: '', schedule: 'gh-retry.yml' },
      { commands: null, schedule: 'gh-retry.yml' },
    ],
  ])('accepts %j', (overrides, expected) => {
    expect(parseInputs(raw(overrides))).toMatchObject(expected);
  });

  it.each([
    [
      { onRerun: 'sometimes' },
      'Invalid input "on-rerun": "sometimes"; allowed: "from-failure" or "all"',
    ],
    [
      { retryMode: 'everything' },
      'Invalid input "retry-mode": "everything"; allowed: from-failure, all, from STEP',
    ],
    [{ retryMode: 'from $(rm -rf /)' }, 'Invalid input "retry-mode"'],
    [
      { artifactRetentionDays: '0' },
      'Invalid input "artifact-retention-days": "0"; allowed: a whole number of days',
    ],
    [{ artifactRetentionDays: '401' }, 'Invalid input "artifact-retention-days": "401"'],
    [{ artifactRetentionDays: 'ten' }, 'Invalid input "artifact-retention-days": "ten"'],
    [{ name: '---' }, 'Invalid input "name": "---"; allowed: up to 100 printable characters'],
    [{ commands: '' }, 'Set the input "commands" (one command a line) or "schedule"'],
    [{ commands: '  \n ' }, 'Set the input "commands"'],
    [{ schedule: 'gh-retry.yml' }, 'Set only one of the inputs "commands" and "schedule"'],
  ])('rejects %j with a message naming the input', (overrides, message) => {
    expectRefusal(() => parseInputs(raw(overrides)), InputError, message);
  });

  it.each([
    [
      { 'retry-of': '777', 'retry-mode': 'all' },
      { retryOf: '777', retryMode: { kind: 'all' } },
    ],
    [
      { retry_of: '778', retry_mode: 'from dbt-run' },
      { retryOf: '778', retryMode: { kind: 'from', step: 'dbt-run' } },
    ],
    [
      { 'retry-of': '', 'retry-mode': 'from-failure' },
      { retryOf: null, retryMode: { kind: 'from-failure' } },
    ],
  ])(
    'takes retry-of / retry-mode from the dispatch inputs %j when the inputs are empty',
    (event, expected) => {
      expect(parseInputs(raw(), event)).toMatchObject(expected);
    },
  );

  it('prefers the Action inputs over the dispatch inputs', () => {
    const inputs = parseInputs(raw({ retryOf: '1', retryMode: 'all' }), {
      'retry-of': '2',
      'retry-mode': 'from x',
    });
    expect(inputs).toMatchObject({ retryOf: '1', retryMode: { kind: 'all' } });
  });

  it('rejects an invalid retry-mode that came from the dispatch inputs, naming the input', () => {
    expect(() => parseInputs(raw(), { 'retry-mode': 'bogus' })).toThrow(
      'Invalid input "retry-mode": "bogus"',
    );
  });
});

describe('INPUT_NAMES', () => {
  it('names exactly the inputs action.yml declares', () => {
    const { inputs } = readActionYml();
    expect(Object.values(INPUT_NAMES).sort()).toEqual(Object.keys(inputs).sort());
  });

  it('describes retry-mode with every form of the retry-mode grammar', () => {
    const description = readActionYml().inputs[INPUT_NAMES.retryMode]?.description ?? '';
    const shown = RETRY_MODE_TABLE.map((f) => `\`${f.usage}\``);
    expect(shown.filter((usage) => !description.includes(usage))).toEqual([]);
  });
});

describe('readInputs and readEventInputs (from the runner environment)', () => {
  const saved = { ...process.env };
  afterEach(() => {
    process.env = { ...saved };
  });

  it('reads INPUT_* variables and the workflow_dispatch event inputs', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gh-retry-inputs-'));
    const eventPath = path.join(dir, 'event.json');
    writeFileSync(
      eventPath,
      JSON.stringify({ inputs: { 'retry-of': '4242', 'retry-mode': 'all', flag: true } }),
    );
    Object.assign(process.env, {
      INPUT_COMMANDS: 'dbt run\n',
      'INPUT_GITHUB-TOKEN': 'ghs_secret',
      'INPUT_ON-RERUN': 'all',
      'INPUT_RETRY-OF': '',
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_EVENT_PATH: eventPath,
    });
    expect(readEventInputs()).toEqual({ 'retry-of': '4242', 'retry-mode': 'all', flag: 'true' });
    expect(readInputs()).toMatchObject({
      commands: 'dbt run\n',
      githubToken: 'ghs_secret',
      onRerun: 'all',
      retryOf: '4242',
      retryMode: { kind: 'all' },
    });
  });

  it.each([
    ['push', { inputs: { 'retry-of': '1' } }],
    ['workflow_dispatch', 'not json'],
    ['workflow_dispatch', { inputs: null }],
  ])('ignores event inputs for a %s event or an unreadable payload (%j)', (eventName, payload) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'gh-retry-inputs-'));
    const eventPath = path.join(dir, 'event.json');
    writeFileSync(eventPath, typeof payload === 'string' ? payload : JSON.stringify(payload));
    expect(readEventInputs({ GITHUB_EVENT_NAME: eventName, GITHUB_EVENT_PATH: eventPath })).toEqual(
      {},
    );
  });
});

describe('readRawInputs', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('reads name and artifact-retention-days without validating them, so a record can still be opened', () => {
    vi.stubEnv('INPUT_NAME', '  nightly  ');
    vi.stubEnv('INPUT_ARTIFACT-RETENTION-DAYS', '999');
    vi.stubEnv('INPUT_COMMANDS', 'echo hi');
    const raw = readRawInputs();
    expect(raw.name).toBe('nightly');
    expect(raw.artifactRetentionDays).toBe('999');
    expect(() => readInputs(raw)).toThrow(InputError);
  });
});
