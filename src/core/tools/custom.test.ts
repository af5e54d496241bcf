import { describe, expect, it } from 'vitest';
import { aStepRecord, aStepSpec } from '../../../test/support/run-record.js';
import type { StepRecord } from '../run-record/schema.js';
import {
  recogniseTool,
  retryFormFor,
  statePathsFor,
  successExitCodesFor,
  summariseStepState,
} from './index.js';

const step = aStepSpec({
  id: 'load',
  run: './load.sh && ./verify.sh',
  retryWith: './load.sh --resume',
  state: ['state/cursor', 'state/progress.json'],
});
const saved = [
  { path: 'state/cursor', stored: 'load/state/cursor', bytes: 1, sha256: 'd'.repeat(64) },
  {
    path: 'state/progress.json',
    stored: 'load/state/progress.json',
    bytes: 1,
    sha256: 'e'.repeat(64),
  },
];

function failedLoad(overrides: Partial<StepRecord> = {}): StepRecord {
  return aStepRecord({
    id: 'load',
    command: step.run,
    status: 'failed',
    exitCode: 3,
    tool: 'custom',
    state: saved,
    ...overrides,
  });
}

describe('custom retry-with', () => {
  it('wins over the tool the command runs, even with shell operators', () => {
    expect(recogniseTool(step)).toBe('custom');
    expect(recogniseTool({ ...step, run: 'dbt run' })).toBe('custom');
    expect(statePathsFor({ step, env: {} })).toEqual(['state/cursor', 'state/progress.json']);
    expect(summariseStepState({ step, files: new Map() })).toEqual({
      nodes: null,
      failedTests: null,
    });
  });

  it.each([
    {
      name: 'any failure with its state saved → the retry-with command',
      files: { 'load/state/cursor': '42', 'load/state/progress.json': '{}' },
      expected: {
        kind: 'retry',
        exec: './load.sh --resume',
        restore: [
          { from: 'load/state/cursor', to: 'state/cursor' },
          { from: 'load/state/progress.json', to: 'state/progress.json' },
        ],
        reason: 'runs its retry-with command',
      },
    },
    {
      name: 'a state file missing',
      files: { 'load/state/cursor': '42' },
      expected: {
        kind: 'as-written',
        reason: 'its state file state/progress.json is missing from the parent run',
      },
    },
    {
      name: 'cancelled',
      parent: { status: 'cancelled' as const, exitCode: null, signal: 'SIGINT' },
      files: {},
      expected: { kind: 'as-written', reason: 'it was cancelled, so its state may be incomplete' },
    },
  ])('$name', ({ parent, files, expected }) => {
    const form = retryFormFor({
      step,
      parent: failedLoad(parent),
      parentState: new Map(Object.entries(files)),
      stateRoot: '/s',
      env: {},
    });
    expect(form).toEqual(expected);
  });

  it('needs no state at all', () => {
    const bare = aStepSpec({ id: 'sync', run: 'sync-all', retryWith: 'sync-all --failed-only' });
    const form = retryFormFor({
      step: bare,
      parent: failedLoad({ id: 'sync', command: 'sync-all', state: [] }),
      parentState: new Map(),
      stateRoot: '/s',
      env: {},
    });
    expect(form).toMatchObject({ kind: 'retry', exec: 'sync-all --failed-only', restore: [] });
  });
});

describe('retry forms of commands without a tool', () => {
  it.each([
    ['make build', 'no tool retry form for this command'],
    [
      'dbt run && dbt test',
      'the command uses the shell operator "&&", so no tool retry form applies',
    ],
  ])('%s', (run, reason) => {
    const form = retryFormFor({
      step: aStepSpec({ run }),
      parent: failedLoad({ state: [] }),
      parentState: new Map(),
      stateRoot: '/s',
      env: {},
    });
    expect(form).toEqual({ kind: 'as-written', reason });
  });
});

describe('successExitCodesFor', () => {
  it.each([
    { tool: 'pytest' as const, action: 'retry' as const, codes: [0, 5] },
    { tool: 'pytest' as const, action: 'run' as const, codes: [0] },
    { tool: 'dbt' as const, action: 'retry' as const, codes: [0] },
    { tool: 'playwright' as const, action: 'retry' as const, codes: [0] },
    { tool: 'custom' as const, action: 'retry' as const, codes: [0] },
    { tool: null, action: 'setup' as const, codes: [0] },
  ])('$tool $action → $codes', ({ tool, action, codes }) => {
    expect(successExitCodesFor({ tool, action })).toEqual(codes);
  });
});
