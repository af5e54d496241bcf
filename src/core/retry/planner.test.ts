import { describe, expect, it } from 'vitest';
import { aRunRecord, aSavedStateFile, aStepRecord } from '../../../test/support/run-record.js';
import { aFirstRetryOf } from '../../../test/support/retry-lineage.js';
import { PlanError } from '../errors.js';
import { parseRetryMode, type RetryMode } from './mode.js';
import { planFirstRun, planRetry } from './planner.js';
import type { RunRecord, StepRecord } from '../run-record/schema.js';
import { parseCommandList, parseScheduleFile } from '../schedule/command-list.js';

const COMMANDS = 'dbt deps\ndbt seed\ndbt run\ndbt test';
const schedule = parseCommandList(COMMANDS);
const RUN_RESULTS = JSON.stringify({
  metadata: { dbt_schema_version: 'https://schemas.getdbt.com/dbt/run-results/v6.json' },
  results: [
    { status: 'success', unique_id: 'model.p.a' },
    { status: 'error', unique_id: 'model.p.b', message: 'boom' },
    { status: 'skipped', unique_id: 'model.p.c' },
  ],
  args: { which: 'run' },
});
const runResultsState = [aSavedStateFile()];

function step(id: string, command: string, overrides: Partial<StepRecord> = {}): StepRecord {
  return aStepRecord({
    id,
    command,
    executed: command,
    setup: command === 'dbt deps',
    ...overrides,
  });
}

/** r-1: deps and seed succeeded, dbt run failed with node failures, dbt test was skipped. */
const failedRun = aRunRecord({
  id: 'r-1',
  status: 'failed',
  steps: [
    step('dbt-deps', 'dbt deps'),
    step('dbt-seed', 'dbt seed'),
    step('dbt-run', 'dbt run', {
      status: 'failed',
      exitCode: 1,
      tool: 'dbt',
      state: runResultsState,
    }),
    step('dbt-test', 'dbt test', {
      status: 'skipped',
      exitCode: null,
      executed: null,
      attempts: 0,
    }),
  ],
});

function withSteps(record: RunRecord, changes: Record<string, Partial<StepRecord>>): RunRecord {
  return { ...record, steps: record.steps.map((s) => ({ ...s, ...changes[s.id] })) };
}

const parentState = new Map([['dbt-run/target/run_results.json', RUN_RESULTS]]);
const retryExec = 'dbt retry --state /runs/r-1/state/dbt-run/target';
const RETRY_REASON =
  'failed in run r-1; dbt retry re-runs only the failed and skipped nodes (1 error, 1 skipped)';

type Row = readonly [id: string, action: string, exec: string | null, reason: string];
/** The rows most plans share: setup runs, a success of r-1 is reused, dbt-test runs after dbt-run. */
const SETUP: Row = ['dbt-deps', 'setup', 'dbt deps', 'setup step: always runs'];
const reused = (id: string): Row => [id, 'reuse', null, 'succeeded in run r-1'];
/** A step run as written, for `reason`; its command is its id with the first hyphen a space. */
const runs = (id: string, reason: string): Row => [id, 'run', id.replace('-', ' '), reason];
const TEST_AFTER_RUN: Row = [
  'dbt-test',
  'run',
  'dbt test',
  'skipped in run r-1; runs again after the failure of dbt-run',
];

describe('planRetry', () => {
  it.each<{
    name: string;
    parent: RunRecord;
    mode: RetryMode;
    commands?: string;
    rows: Row[];
    nothing?: boolean;
  }>([
    {
      name: 'from-failure: reuse before the failure, dbt retry for the failed step, the rest as written',
      parent: failedRun,
      mode: { kind: 'from-failure' },
      rows: [
        SETUP,
        reused('dbt-seed'),
        ['dbt-run', 'retry', retryExec, RETRY_REASON],
        TEST_AFTER_RUN,
      ],
    },
    {
      name: 'from-failure: a dbt step that exited 2 runs as written',
      parent: withSteps(failedRun, { 'dbt-run': { exitCode: 2 } }),
      mode: { kind: 'from-failure' },
      rows: [
        SETUP,
        reused('dbt-seed'),
        [
          'dbt-run',
          'run',
          'dbt run',
          'failed in run r-1; dbt exited 2 (an error, not node failures), so there are no failed nodes to retry; runs as written',
        ],
        TEST_AFTER_RUN,
      ],
    },
    {
      name: 'from-failure: a cancelled step runs as written, and successes after the first failure run again',
      parent: withSteps(failedRun, {
        'dbt-seed': { status: 'failed', exitCode: 1, continueOnError: true },
        'dbt-run': { status: 'success', exitCode: 0 },
        'dbt-test': {
          status: 'cancelled',
          exitCode: null,
          signal: 'SIGTERM',
          executed: 'dbt test',
        },
      }),
      mode: { kind: 'from-failure' },
      rows: [
        SETUP,
        [
          'dbt-seed',
          'run',
          'dbt seed',
          'failed in run r-1; run_results.json missing from the parent run; runs as written',
        ],
        [
          'dbt-run',
          'run',
          'dbt run',
          'success in run r-1; runs again after the failure of dbt-seed',
        ],
        [
          'dbt-test',
          'run',
          'dbt test',
          'cancelled in run r-1; dbt was interrupted (it was stopped by SIGTERM) and wrote no run_results.json, so there is nothing dbt retry could resume from; runs as written',
        ],
      ],
    },
    {
      name: 'from-failure: new and changed steps run as written; commands come from the schedule',
      parent: failedRun,
      mode: { kind: 'from-failure' },
      commands: 'dbt deps\ndbt seed --full-refresh\nmake check\ndbt run\ndbt test',
      rows: [
        SETUP,
        ['dbt-seed', 'run', 'dbt seed --full-refresh', 'command changed since run r-1'],
        runs('make-check', 'new step'),
        ['dbt-run', 'retry', retryExec, RETRY_REASON],
        TEST_AFTER_RUN,
      ],
    },
    {
      name: 'from-failure: a step skipped before the failure (by an earlier `only`) runs',
      parent: withSteps(failedRun, {
        'dbt-seed': { status: 'skipped', executed: null, exitCode: null },
      }),
      mode: { kind: 'from-failure' },
      rows: [
        SETUP,
        runs('dbt-seed', 'skipped in run r-1'),
        ['dbt-run', 'retry', retryExec, RETRY_REASON],
        TEST_AFTER_RUN,
      ],
    },
    {
      name: 'from-failure on a run that succeeded: nothing to retry',
      parent: aRunRecord({
        id: 'r-1',
        status: 'success',
        steps: schedule.steps.map((s) => step(s.id, s.run)),
      }),
      mode: { kind: 'from-failure' },
      nothing: true,
      rows: [
        ['dbt-deps', 'skip', null, 'nothing to retry (setup step)'],
        reused('dbt-seed'),
        reused('dbt-run'),
        reused('dbt-test'),
      ],
    },
    {
      name: 'from-failure when the failed step left the schedule: nothing to retry',
      parent: withSteps(failedRun, {
        'dbt-test': { status: 'success', exitCode: 0, executed: 'dbt test' },
      }),
      mode: { kind: 'from-failure' },
      commands: 'dbt deps\ndbt seed\ndbt test',
      nothing: true,
      rows: [
        ['dbt-deps', 'skip', null, 'nothing to retry (setup step)'],
        reused('dbt-seed'),
        reused('dbt-test'),
      ],
    },
    {
      name: 'all: setup and every step as written',
      parent: failedRun,
      mode: { kind: 'all' },
      commands: `${COMMANDS}\nmake report`,
      rows: [
        SETUP,
        runs('dbt-seed', 'retry all'),
        runs('dbt-run', 'retry all'),
        runs('dbt-test', 'retry all'),
        runs('make-report', 'new step'),
      ],
    },
    {
      name: 'from STEP: earlier steps reused, STEP and later as written',
      parent: failedRun,
      mode: { kind: 'from', step: 'dbt-run' },
      rows: [
        SETUP,
        reused('dbt-seed'),
        runs('dbt-run', 'retry from dbt-run'),
        runs('dbt-test', 'retry from dbt-run'),
      ],
    },
    {
      name: 'from the first step',
      parent: failedRun,
      mode: { kind: 'from', step: 'dbt-seed' },
      rows: [
        SETUP,
        runs('dbt-seed', 'retry from dbt-seed'),
        runs('dbt-run', 'retry from dbt-seed'),
        runs('dbt-test', 'retry from dbt-seed'),
      ],
    },
    {
      name: 'only STEP,STEP: setup and the named steps; others reused when they succeeded, else skipped',
      parent: failedRun,
      mode: { kind: 'only', steps: ['dbt-test', 'dbt-seed'] },
      rows: [
        SETUP,
        runs('dbt-seed', 'named in only'),
        ['dbt-run', 'skip', null, 'not named in only (failed in run r-1)'],
        runs('dbt-test', 'named in only'),
      ],
    },
    {
      name: 'only: an unnamed step that succeeded is reused',
      parent: failedRun,
      mode: { kind: 'only', steps: ['dbt-run'] },
      rows: [
        SETUP,
        reused('dbt-seed'),
        runs('dbt-run', 'named in only'),
        ['dbt-test', 'skip', null, 'not named in only (skipped in run r-1)'],
      ],
    },
  ])('$name', ({ parent, mode, commands, rows, nothing }) => {
    const plan = planRetry({
      schedule: commands === undefined ? schedule : parseCommandList(commands),
      parent,
      mode,
      parentState,
      stateRoot: '/runs/r-1/state',
      env: {},
    });
    expect(plan.parent).toBe('r-1');
    expect(plan.root).toBe('r-1');
    expect(plan.mode).toEqual(mode);
    expect(plan.nothingToRetry).toBe(nothing ?? false);
    expect(plan.steps.map((s) => [s.id, s.action, s.exec, s.reason])).toEqual(rows);
    for (const planned of plan.steps) {
      expect(planned.reusedFrom !== undefined).toBe(planned.action === 'reuse');
    }
  });

  it('says why a step whose derived id shifted is new, and how to keep it matched', () => {
    // A second `dbt run` inserted before the first takes its id: the old one becomes dbt-run-2.
    const plan = planRetry({
      schedule: parseCommandList('dbt deps\ndbt seed\ndbt run --select staging\ndbt run\ndbt test'),
      parent: failedRun,
      mode: { kind: 'from-failure' },
      parentState,
      stateRoot: '/runs/r-1/state',
      env: {},
    });
    const moved = plan.steps.find((s) => s.id === 'dbt-run-2');
    expect(moved?.reason).toBe(
      'new step: run r-1 ran this command as step "dbt-run"; derived ids follow the order of the commands, so give the step an explicit id to keep it matched',
    );
  });

  it('a retry of a retry plans from its parent and reuses what the chain already produced', () => {
    const r2 = aRunRecord({
      id: 'r-2',
      status: 'failed',
      lineage: aFirstRetryOf('r-1', { trigger: 'cli' }),
      steps: [
        step('dbt-deps', 'dbt deps'),
        step('dbt-seed', 'dbt seed', {
          status: 'reused',
          executed: null,
          reusedFrom: 'r-1',
          action: 'reuse',
        }),
        step('dbt-run', 'dbt run', {
          status: 'failed',
          exitCode: 1,
          tool: 'dbt',
          action: 'retry',
          executed: retryExec,
          state: [{ ...runResultsState[0]!, stored: 'dbt-run/target/run_results.json' }],
        }),
        step('dbt-test', 'dbt test', { status: 'skipped', executed: null, exitCode: null }),
      ],
    });
    const plan = planRetry({
      schedule,
      parent: r2,
      mode: { kind: 'from-failure' },
      parentState,
      stateRoot: '/runs/r-2/state',
      env: {},
    });
    expect(plan.parent).toBe('r-2');
    expect(plan.root).toBe('r-1');
    expect(plan.steps.map((s) => [s.id, s.action, s.reusedFrom ?? null, s.exec])).toEqual([
      ['dbt-deps', 'setup', null, 'dbt deps'],
      ['dbt-seed', 'reuse', 'r-1', null],
      ['dbt-run', 'retry', null, 'dbt retry --state /runs/r-2/state/dbt-run/target'],
      ['dbt-test', 'run', null, 'dbt test'],
    ]);
    const fromTest = planRetry({
      schedule,
      parent: withSteps(r2, { 'dbt-run': { status: 'success', reusedFrom: null } }),
      mode: { kind: 'from', step: 'dbt-test' },
      parentState,
      stateRoot: '/s',
      env: {},
    });
    expect(fromTest.steps.map((s) => s.reusedFrom ?? null)).toEqual([null, 'r-1', 'r-2', null]);
  });

  it('restores tool state files for a retry form', () => {
    const tests = parseScheduleFile({
      fileName: 's.yml',
      text: 'steps:\n  - run: python -m pytest -q\n    id: unit\n',
    });
    const parent = aRunRecord({
      status: 'failed',
      steps: [
        aStepRecord({
          id: 'unit',
          command: 'python -m pytest -q',
          status: 'failed',
          exitCode: 1,
          tool: 'pytest',
          state: [
            {
              path: '.pytest_cache/v/cache/lastfailed',
              stored: 'unit/.pytest_cache/v/cache/lastfailed',
              bytes: 1,
              sha256: 'f'.repeat(64),
            },
          ],
        }),
      ],
    });
    const plan = planRetry({
      schedule: tests,
      parent,
      mode: { kind: 'from-failure' },
      parentState: new Map([['unit/.pytest_cache/v/cache/lastfailed', '{"t::x": true}']]),
      stateRoot: '/s',
      env: {},
    });
    expect(plan.steps[0]).toEqual({
      id: 'unit',
      name: 'python -m pytest -q',
      command: 'python -m pytest -q',
      action: 'retry',
      exec: 'python -m pytest -q --last-failed --last-failed-no-failures none',
      reason: 'failed in run r-1; pytest --last-failed re-runs only the 1 failed test(s)',
      restore: [
        { from: 'unit/.pytest_cache/v/cache/lastfailed', to: '.pytest_cache/v/cache/lastfailed' },
      ],
      tool: 'pytest',
    });
  });

  it.each<{
    name: string;
    mode: RetryMode;
    parent?: RunRecord;
    commands?: string;
    message: string;
  }>([
    {
      name: 'from an unknown step',
      mode: { kind: 'from', step: 'dbt-build' },
      message:
        'unknown step "dbt-build"; steps in this schedule: dbt-deps, dbt-seed, dbt-run, dbt-test',
    },
    {
      name: 'only unknown steps',
      mode: { kind: 'only', steps: ['dbt-run', 'x', 'y'] },
      message:
        'unknown step "x", "y"; steps in this schedule: dbt-deps, dbt-seed, dbt-run, dbt-test',
    },
    {
      name: 'from a step after one that did not succeed',
      mode: { kind: 'from', step: 'dbt-test' },
      message:
        'cannot retry from "dbt-test": step "dbt-run" before it did not succeed (has status failed in run r-1); retry from "dbt-run" or use from-failure',
    },
    {
      name: 'from a step after a new step',
      mode: { kind: 'from', step: 'dbt-run' },
      commands: 'dbt deps\nmake prepare\ndbt seed\ndbt run\ndbt test',
      message:
        'cannot retry from "dbt-run": step "make-prepare" before it did not succeed (new step); retry from "make-prepare" or use from-failure',
    },
  ])('refuses $name', ({ mode, parent, commands, message }) => {
    const plan = (): unknown =>
      planRetry({
        schedule: commands === undefined ? schedule : parseCommandList(commands),
        parent: parent ?? failedRun,
        mode,
        parentState,
        stateRoot: '/s',
        env: {},
      });
    expect(plan).toThrow(new PlanError(message));
  });
});

describe('planFirstRun', () => {
  it('runs every step as written', () => {
    expect(planFirstRun(schedule)).toEqual(
      schedule.steps.map((s) => ({
        id: s.id,
        name: s.name,
        command: s.run,
        action: s.id === 'dbt-deps' ? 'setup' : 'run',
        exec: s.run,
        reason: 'first run',
        restore: [],
        tool: s.id === 'dbt-deps' ? null : 'dbt',
      })),
    );
  });
});

describe('parseRetryMode', () => {
  it.each<[string, RetryMode]>([
    ['from-failure', { kind: 'from-failure' }],
    ['  all ', { kind: 'all' }],
    ['ALL', { kind: 'all' }],
    ['from dbt-run', { kind: 'from', step: 'dbt-run' }],
    ['only dbt-run', { kind: 'only', steps: ['dbt-run'] }],
    ['only dbt-run,dbt-test', { kind: 'only', steps: ['dbt-run', 'dbt-test'] }],
    ['only dbt-run, dbt-test,dbt-run', { kind: 'only', steps: ['dbt-run', 'dbt-test'] }],
  ])('%j', (text, mode) => {
    expect(parseRetryMode(text)).toEqual(mode);
  });

  const FORMS = 'use one of: from-failure, all, from STEP, only STEP[,STEP…]';
  it.each([
    ['', `an empty retry mode is not a retry mode; ${FORMS}`],
    ['from', `"from" is not a retry mode; ${FORMS}`],
    ['from a b', `"from a b" is not a retry mode; ${FORMS}`],
    ['from:dbt-run', `"from:dbt-run" is not a retry mode; ${FORMS}`],
    ['only', `"only" is not a retry mode; ${FORMS}`],
    ['only a,,b', `"only a,,b" is not a retry mode; ${FORMS}`],
    ['only $(rm -rf /)', `"only $(rm -rf /)" is not a retry mode; ${FORMS}`],
    ['all now', `"all now" is not a retry mode; ${FORMS}`],
    ['failed', `"failed" is not a retry mode; ${FORMS}`],
    [`from ${'x'.repeat(200)}`, `"from ${'x'.repeat(75)}…" is not a retry mode; ${FORMS}`],
  ])('rejects %j', (text, message) => {
    expect(() => parseRetryMode(text)).toThrow(new PlanError(message));
  });
});
