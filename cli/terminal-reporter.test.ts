import { describe, expect, it } from 'vitest';
import { aStepRecord } from '../test/support/run-record.js';
import type { PlannedStep } from '../src/core/retry/plan.js';
import type { StepRecord } from '../src/core/run-record/schema.js';
import {
  MAX_HELD_LINE,
  createTerminalReporter,
  describeOutcome,
  formatDuration,
} from './terminal-reporter.js';
import { examples } from '../test/support/examples.js';

const planned: PlannedStep = {
  id: 'dbt-run',
  name: 'dbt run',
  command: 'dbt run',
  action: 'retry',
  exec: 'dbt retry --state /s/dbt-run/target',
  reason: 'failed in run r-1',
  restore: [],
  tool: 'dbt',
};

function aStep(overrides: Partial<StepRecord>): StepRecord {
  return aStepRecord({
    id: 'dbt-run',
    command: 'dbt run',
    startedAt: null,
    durationMs: 1500,
    tool: 'dbt',
    ...overrides,
  });
}

describe('createTerminalReporter', () => {
  it('prints a line per step start and end, and output line by line under it', () => {
    let out = '';
    const reporter = createTerminalReporter((text) => (out += text));
    reporter.report({ kind: 'step-started', step: planned, index: 2, total: 4, attempt: 1 });
    for (const text of ['1 of 2 OK', ' model_a\n2 of 2 ', 'ERROR model_b\nDone']) {
      reporter.report({
        kind: 'step-output',
        stepId: 'dbt-run',
        chunk: { stream: 'stdout', text },
      });
    }
    reporter.report({
      kind: 'step-output',
      stepId: 'dbt-run',
      chunk: { stream: 'stderr', text: 'warn' },
    });
    reporter.report({ kind: 'step-started', step: planned, index: 2, total: 4, attempt: 2 });
    reporter.report({ kind: 'note', stepId: 'dbt-run', message: 'state file x not saved' });
    reporter.report({
      kind: 'step-finished',
      step: aStep({ status: 'failed', exitCode: 1 }),
      index: 2,
      total: 4,
    });
    expect(out).toBe(
      [
        '[3/4] dbt-run: dbt retry --state /s/dbt-run/target (retry form)',
        '  │ 1 of 2 OK model_a',
        '  │ 2 of 2 ERROR model_b',
        '  │ Done',
        '  │ warn',
        '[3/4] dbt-run: attempt 2: dbt retry --state /s/dbt-run/target',
        '  ! dbt-run: state file x not saved',
        '[3/4] dbt-run: failed (exit 1) in 1.5s',
        '',
      ].join('\n'),
    );
  });
});

describe('describeOutcome', () => {
  examples(describeOutcome, [
    [aStep({}), 'success in 1.5s'],
    [aStep({ status: 'failed', exitCode: 2 }), 'failed (exit 2) in 1.5s'],
    [aStep({ status: 'failed', exitCode: null, signal: 'SIGKILL' }), 'failed (SIGKILL) in 1.5s'],
    [aStep({ status: 'failed', exitCode: null }), 'failed (did not run) in 1.5s'],
    [aStep({ status: 'cancelled', exitCode: 130 }), 'cancelled in 1.5s'],
    [aStep({ status: 'reused', reusedFrom: 'r-1' }), 'reused from r-1'],
    [aStep({ status: 'skipped' }), 'skipped'],
  ]);
});

describe('formatDuration', () => {
  examples(formatDuration, [
    [0, '0ms'],
    [999, '999ms'],
    [1000, '1.0s'],
    [59_949, '59.9s'],
    [60_000, '1m00s'],
    [125_400, '2m05s'],
  ]);
});

describe('output without newlines', () => {
  it('streams a 4 MB line as it comes, holding back at most MAX_HELD_LINE characters', () => {
    const written: string[] = [];
    let shown = -'  │ '.length;
    const reporter = createTerminalReporter((text) => {
      written.push(text);
      shown += text.length;
    });
    const chunk = 'x'.repeat(64 * 1024);
    let given = 0;
    for (let i = 0; i < 64; i += 1) {
      reporter.report({
        kind: 'step-output',
        stepId: 's',
        chunk: { stream: 'stdout', text: chunk },
      });
      given += chunk.length;
      expect(given - shown).toBeLessThanOrEqual(MAX_HELD_LINE);
    }
    reporter.report({
      kind: 'step-output',
      stepId: 's',
      chunk: { stream: 'stdout', text: 'end\n' },
    });
    const out = written.join('');
    expect(out).toBe(`  │ ${chunk.repeat(64)}end\n`);
  });

  it('ends a partial line before another stream writes, and continues it with a prefix', () => {
    let out = '';
    const reporter = createTerminalReporter((text) => (out += text));
    const long = 'y'.repeat(MAX_HELD_LINE + 1);
    const add = (stream: 'stdout' | 'stderr', text: string) => {
      reporter.report({ kind: 'step-output', stepId: 's', chunk: { stream, text } });
    };
    add('stdout', long);
    add('stderr', 'warning\n');
    add('stdout', 'tail\n');
    add('stdout', 'no newline');
    reporter.report({ kind: 'note', stepId: 's', message: 'a note' });
    expect(out).toBe(
      [`  │ ${long}`, '  │ warning', '  │ tail', '  │ no newline', '  ! s: a note', ''].join('\n'),
    );
  });
});
