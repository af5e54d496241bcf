import { describe, expect, it } from 'vitest';
import { ScheduleError } from '../errors.js';
import { parseCommandList, parseScheduleFile } from './command-list.js';

/** The step `dbt deps` becomes: a setup step, with no retries or state. */
const DBT_DEPS = {
  id: 'dbt-deps',
  name: 'dbt deps',
  run: 'dbt deps',
  setup: true,
  continueOnError: false,
  retries: 0,
  state: [],
};

describe('parseCommandList', () => {
  it('reads one command a line, skipping comments and blank lines', () => {
    const schedule = parseCommandList(
      '# nightly\ndbt deps\n\n  dbt seed  \r\ndbt run --select a\ndbt run --select b\n   # done\ndbt test\n',
    );
    expect(schedule.name).toBe('schedule');
    expect(schedule.steps.map((step) => [step.id, step.run, step.setup])).toEqual([
      ['dbt-deps', 'dbt deps', true],
      ['dbt-seed', 'dbt seed', false],
      ['dbt-run', 'dbt run --select a', false],
      ['dbt-run-2', 'dbt run --select b', false],
      ['dbt-test', 'dbt test', false],
    ]);
    expect(schedule.steps[0]).toEqual(DBT_DEPS);
  });

  it('takes a name', () => {
    expect(parseCommandList('make', { name: 'nightly' }).name).toBe('nightly');
  });

  it.each([
    ['', 'the command list is empty; give one command a line'],
    ['# only a comment\n\n', 'the command list is empty; give one command a line'],
    [
      `make\n${'x'.repeat(5000)}`,
      'commands line 2: the command has 5000 characters; at most 4096 are allowed (move it into a script)',
    ],
    [
      Array.from({ length: 501 }, () => 'make').join('\n'),
      'the command list has 501 commands; at most 500 are allowed',
    ],
  ])('rejects %#', (text, message) => {
    expect(() => parseCommandList(text)).toThrow(new ScheduleError(message));
  });
});

const FULL = `name: nightly
steps:
  - dbt deps
  - run: dbt seed
    name: Load seeds
    retries: 2
  - run: dbt run --select staging
    id: staging
    continue-on-error: true
  - run: ./load.sh
    retry-with: ./load.sh --resume
    state: [state/progress.json, state/cursor]
  - run: make warm-cache
    setup: true
  - run: dbt clean
    setup: false
  - |
    dbt test
`;

describe('parseScheduleFile', () => {
  it('reads every option', () => {
    const schedule = parseScheduleFile({ text: FULL, fileName: 'schedule.yml' });
    expect(schedule.name).toBe('nightly');
    expect(schedule.steps).toEqual([
      DBT_DEPS,
      {
        id: 'dbt-seed',
        name: 'Load seeds',
        run: 'dbt seed',
        setup: false,
        continueOnError: false,
        retries: 2,
        state: [],
      },
      {
        id: 'staging',
        name: 'dbt run --select staging',
        run: 'dbt run --select staging',
        setup: false,
        continueOnError: true,
        retries: 0,
        state: [],
      },
      {
        id: 'load-sh',
        name: './load.sh',
        run: './load.sh',
        setup: false,
        continueOnError: false,
        retries: 0,
        retryWith: './load.sh --resume',
        state: ['state/progress.json', 'state/cursor'],
      },
      {
        id: 'make-warm-cache',
        name: 'make warm-cache',
        run: 'make warm-cache',
        setup: true,
        continueOnError: false,
        retries: 0,
        state: [],
      },
      {
        id: 'dbt-clean',
        name: 'dbt clean',
        run: 'dbt clean',
        setup: false,
        continueOnError: false,
        retries: 0,
        state: [],
      },
      {
        id: 'dbt-test',
        name: 'dbt test',
        run: 'dbt test',
        setup: false,
        continueOnError: false,
        retries: 0,
        state: [],
      },
    ]);
  });

  it('names a schedule without "name" after its file', () => {
    expect(parseScheduleFile({ text: 'steps: [make]', fileName: 'ci/nightly.yaml' }).name).toBe(
      'nightly',
    );
  });

  it('reads fix-aware: false; absent or true leaves the step fix-aware', () => {
    const text =
      'steps:\n  - run: dbt build\n    fix-aware: false\n  - run: dbt build -s a\n    fix-aware: true\n  - dbt run\n';
    const steps = parseScheduleFile({ text, fileName: 's.yml' }).steps;
    expect(steps.map((step) => step.fixAware)).toEqual([false, undefined, undefined]);
  });

  it('derives ids around explicit ones', () => {
    const text = 'steps:\n  - dbt run -s a\n  - run: dbt run -s b\n    id: dbt-run\n';
    const ids = parseScheduleFile({ text, fileName: 's.yml' }).steps.map((step) => step.id);
    expect(ids).toEqual(['dbt-run-2', 'dbt-run']);
  });

  const ALLOWED =
    'allowed: run, id, name, setup, continue-on-error, retries, retry-delay, attempt-timeout, retry-on, retry-with, state, fix-aware';
  it.each([
    [
      'steps:\n  - dbt run\n  - run: dbt test\n    retry: 3\n',
      `schedule.yml:4: unknown key "retry" in step 2; ${ALLOWED}`,
    ],
    [
      'name: x\nstep:\n  - make\n',
      'schedule.yml:2: unknown key "step" at the top level; allowed: name, steps',
    ],
    [
      'steps:\n  - a\n - b: [\n',
      'schedule.yml:3: invalid YAML: A block sequence may not be used as an implicit map key',
    ],
    [
      'steps:\n  - make\nsteps:\n  - make\n',
      'schedule.yml:3: invalid YAML: Map keys must be unique',
    ],
    [
      '',
      'schedule.yml:1: a schedule is a map with "steps" (a list of commands) and an optional "name"',
    ],
    [
      '- make\n',
      'schedule.yml:1: a schedule is a map with "steps" (a list of commands) and an optional "name"',
    ],
    ['name: x\n', 'schedule.yml:1: no "steps"; a schedule lists its commands under "steps"'],
    ['steps: []\n', 'schedule.yml:1: "steps" must be a non-empty list of commands'],
    ['steps: make\n', 'schedule.yml:1: "steps" must be a non-empty list of commands'],
    ['name: ""\nsteps: [make]\n', 'schedule.yml:1: "name" must be a non-empty string'],
    ['steps:\n  - 42\n', 'schedule.yml:2: step 1 must be a command (a string) or a map with "run"'],
    [
      'steps:\n  - id: x\n',
      `schedule.yml:2: step 1 has no "run"; every step needs the command to run (allowed keys: run, id, name, setup, continue-on-error, retries, retry-delay, attempt-timeout, retry-on, retry-with, state, fix-aware)`,
    ],
    [
      'steps:\n  - run: [a]\n',
      'schedule.yml:2: "run" in step 1 must be a non-empty string (the command)',
    ],
    [
      'steps:\n  - run: make\n    retries: 11\n',
      'schedule.yml:3: "retries" in step 1 must be a whole number from 0 to 10',
    ],
    [
      'steps:\n  - run: make\n    retries: two\n',
      'schedule.yml:3: "retries" in step 1 must be a whole number from 0 to 10',
    ],
    [
      'steps:\n  - run: make\n    setup: yes\n',
      'schedule.yml:3: "setup" in step 1 must be true or false',
    ],
    [
      'steps:\n  - run: make\n    continue-on-error: 1\n',
      'schedule.yml:3: "continue-on-error" in step 1 must be true or false',
    ],
    [
      'steps:\n  - run: make\n    id: Load Data\n',
      'schedule.yml:3: invalid id "Load Data" in step 1; an id is lower-case letters, digits, ".", "_" and "-", starts with a letter or digit, and has at most 64 characters',
    ],
    [
      'steps:\n  - run: make\n    id: 7\n',
      'schedule.yml:3: invalid id 7 in step 1; an id is lower-case letters, digits, ".", "_" and "-", starts with a letter or digit, and has at most 64 characters',
    ],
    [
      'steps:\n  - run: a\n    id: x\n  - b\n  - run: c\n    id: x\n',
      'schedule.yml:5: duplicate id "x" in step 3 (also step 1); step ids must be unique',
    ],
    [
      'steps:\n  - run: dbt build\n    fix-aware: no\n',
      'schedule.yml:3: "fix-aware" in step 1 must be true or false',
    ],
    [
      'steps:\n  - run: a\n    retry-with: ""\n',
      'schedule.yml:3: "retry-with" in step 1 must be a non-empty string (a command)',
    ],
    [
      'steps:\n  - run: a\n    retry-with: b\n    state: x\n',
      'schedule.yml:4: "state" in step 1 must be a list of relative paths',
    ],
    [
      'steps:\n  - run: a\n    retry-with: b\n    state:\n      - ok\n      - ../secret\n',
      'schedule.yml:6: "state" path "../secret" in step 1 must be relative to the working directory, without "..", "." or empty segments',
    ],
    [
      'steps:\n  - run: a\n    retry-with: b\n    state: [/etc/passwd]\n',
      'schedule.yml:4: "state" path "/etc/passwd" in step 1 must be relative to the working directory, without "..", "." or empty segments',
    ],
    [
      'steps:\n  - run: a\n    state: [x]\n',
      'schedule.yml:3: "state" in step 1 is only used by "retry-with"; add "retry-with" or remove "state"',
    ],
    [
      `steps:\n  - run: ${'x'.repeat(4097)}\n`,
      'schedule.yml:2: "run" in step 1 has 4097 characters; at most 4096 are allowed (move it into a script)',
    ],
  ])('rejects %j', (text, message) => {
    expect(() => parseScheduleFile({ text, fileName: 'schedule.yml' })).toThrow(
      new ScheduleError(message),
    );
  });
});
