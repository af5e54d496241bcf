import { describe, expect, it } from 'vitest';
import { aNodeSummary, aRunRecord, aStepRecord } from '../../../test/support/run-record.js';
import type { Plan } from '../retry/plan.js';
import {
  describeLineage,
  listWithMore,
  renderPlanTable,
  renderRunTable,
  reusedFilesNote,
} from './text.js';
import { formatDuration, renderTextTable } from './text-table.js';
import { examples } from '../../../test/support/examples.js';

describe('renderRunTable', () => {
  it('shows steps, the retry form, node counts, failed nodes and the lineage', () => {
    const failed = Array.from({ length: 12 }, (_, index) => ({
      id: `model.p.m${index}`,
      status: 'error',
      message: null,
    }));
    const record = aRunRecord({
      id: 'r-3',
      name: 'nightly',
      status: 'failed',
      durationMs: 125_000,
      lineage: {
        parent: 'r-2',
        root: 'r-1',
        retryNumber: 2,
        mode: { kind: 'from-failure' },
        trigger: 'cli',
        requestedBy: null,
      },
      steps: [
        aStepRecord({
          id: 'dbt-deps',
          command: 'dbt deps',
          executed: 'dbt deps',
          action: 'setup',
          durationMs: 3200,
        }),
        aStepRecord({
          id: 'dbt-seed',
          command: 'dbt seed',
          executed: null,
          action: 'reuse',
          status: 'reused',
          reusedFrom: 'r-1',
        }),
        aStepRecord({
          id: 'dbt-run',
          command: 'dbt run',
          executed: 'dbt retry --state .gh-retry/r-2/state/dbt-run/target',
          action: 'retry',
          status: 'failed',
          exitCode: 1,
          durationMs: 10_000,
          tool: 'dbt',
          nodes: aNodeSummary({
            counts: { success: 40, error: 12, skipped: 2 },
            failed,
            skipped: ['model.p.x', 'model.p.y'],
            merged: true,
          }),
        }),
        aStepRecord({
          id: 'pytest',
          command: 'pytest',
          executed: 'pytest',
          status: 'failed',
          exitCode: 1,
          durationMs: 450,
          failedTests: ['t::a', 't::b'],
        }),
        aStepRecord({
          id: 'dbt-test',
          command: 'dbt test',
          executed: null,
          status: 'skipped',
          exitCode: null,
        }),
      ],
    });
    expect(renderRunTable(record)).toMatchInlineSnapshot(`
      "Run r-3 (nightly): failed in 2m 05s
      retry 2 of r-1, from r-2 (mode from-failure)

      STEP      STATUS   DURATION  WHAT RAN
      dbt-deps  success  3.2s      dbt deps
      dbt-seed  reused   -         reused from r-1
      dbt-run   failed   10.0s     dbt retry --state .gh-retry/r-2/state/dbt-run/target (retry form)
                                   nodes: 40 success, 12 error, 2 skipped (merged with the parent run)
                                   failed: model.p.m0 (error), model.p.m1 (error), model.p.m2 (error), model.p.m3 (error), model.p.m4 (error), model.p.m5 (error), model.p.m6 (error), model.p.m7 (error), model.p.m8 (error), model.p.m9 (error) +2 more
      pytest    failed   450ms     pytest
                                   failed tests: t::a, t::b
      dbt-test  skipped  -         -"
    `);
  });

  it('says when there was nothing to retry', () => {
    const record = aRunRecord({ nothingToRetry: true, steps: [] });
    expect(renderRunTable(record)).toContain('\nnothing to retry\n');
  });
});

describe('renderPlanTable', () => {
  it('shows each step with its action, exec line and reason', () => {
    const plan: Plan = {
      parent: 'r-1',
      root: 'r-1',
      mode: { kind: 'from-failure' },
      nothingToRetry: false,
      steps: [
        {
          id: 'dbt-deps',
          name: 'dbt deps',
          command: 'dbt deps',
          action: 'setup',
          exec: 'dbt deps',
          reason: 'setup step: always runs',
          restore: [],
          tool: null,
        },
        {
          id: 'dbt-seed',
          name: 'dbt seed',
          command: 'dbt seed',
          action: 'reuse',
          exec: null,
          reason: 'succeeded in run r-1',
          reusedFrom: 'r-1',
          restore: [],
          tool: 'dbt',
        },
        {
          id: 'pytest',
          name: 'pytest',
          command: 'pytest',
          action: 'retry',
          exec: 'pytest --last-failed --last-failed-no-failures none',
          reason: 'failed in run r-1; pytest --last-failed re-runs only the 1 failed test(s)',
          restore: [
            {
              from: 'pytest/.pytest_cache/v/cache/lastfailed',
              to: '.pytest_cache/v/cache/lastfailed',
            },
          ],
          tool: 'pytest',
        },
      ],
    };
    expect(renderPlanTable(plan)).toMatchInlineSnapshot(`
      "Plan: retry of r-1 (root r-1), mode from-failure

      STEP      ACTION  EXEC                                                 REASON
      dbt-deps  setup   dbt deps                                             setup step: always runs
      dbt-seed  reuse   -                                                    succeeded in run r-1
      pytest    retry   pytest --last-failed --last-failed-no-failures none  failed in run r-1; pytest --last-failed re-runs only the 1 failed test(s)
                        restores .pytest_cache/v/cache/lastfailed"
    `);
    expect(renderPlanTable({ ...plan, nothingToRetry: true })).toContain('\nnothing to retry\n');
  });
});

describe('report helpers', () => {
  examples(describeLineage, [
    [
      {
        parent: null,
        root: 'r-1',
        retryNumber: 0,
        mode: null,
        trigger: 'local' as const,
        requestedBy: null,
      },
      'first run (local)',
    ],
    [
      {
        parent: 'r-1',
        root: 'r-1',
        retryNumber: 1,
        mode: { kind: 'only' as const, steps: ['a', 'b'] },
        trigger: 'comment' as const,
        requestedBy: 'octocat',
      },
      'retry 1 of r-1, from r-1 (mode only a,b)',
    ],
  ]);

  it.each([
    [['a', 'b'], undefined, 'a, b'],
    [
      Array.from({ length: 12 }, (_, i) => `n${i}`),
      undefined,
      'n0, n1, n2, n3, n4, n5, n6, n7, n8, n9 +2 more',
    ],
    [['a'], 30_000, 'a +29999 more'],
  ])('listWithMore %#', (names, total, text) => {
    expect(listWithMore(names, total)).toBe(text);
  });

  examples(formatDuration, [
    [0, '0ms'],
    [999, '999ms'],
    [1000, '1.0s'],
    [59_940, '59.9s'],
    [59_960, '1m 00s'],
    [125_000, '2m 05s'],
    [3_725_000, '1h 02m'],
  ]);

  it('pads columns but not the last one', () => {
    expect(
      renderTextTable(
        ['A', 'BB', 'C'],
        [
          ['long', '', 'x'],
          ['s', 'y', ''],
        ],
      ),
    ).toBe('A     BB  C\nlong      x\ns     y');
  });
});

describe('reusedFilesNote', () => {
  const step = (id: string, action: Plan['steps'][number]['action']) => ({
    id,
    name: id,
    command: id,
    action,
    exec: action === 'reuse' ? null : id,
    reason: '',
    restore: [],
    tool: null,
  });
  const planOf = (steps: Plan['steps']): Plan => ({
    parent: 'r-1',
    root: 'r-1',
    mode: { kind: 'from-failure' },
    nothingToRetry: false,
    steps,
  });

  it('names the reused steps and says their files are not on the fresh runner', () => {
    const note = reusedFilesNote(
      planOf([step('deps', 'setup'), step('build', 'reuse'), step('test', 'run')]),
    );
    expect(note).toBe(
      'Reused steps do not run on this fresh runner, so files they made are not here: build. Mark a step "setup: true" if later steps need its files.',
    );
  });

  it('says nothing when no step is reused', () => {
    expect(reusedFilesNote(planOf([step('deps', 'setup'), step('test', 'run')]))).toBeNull();
  });
});
