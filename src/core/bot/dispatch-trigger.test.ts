import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import {
  DISPATCH_TRIGGER_YAML,
  RETRY_MODE_INPUT,
  RETRY_OF_INPUT,
  parseDispatchTrigger,
  retryInputs,
} from './dispatch-trigger.js';
import { RETRY_RUN_NAME } from './retry-title.js';
import { MAX_ONLY_STEPS, formatRetryMode, parseRetryMode } from '../retry/mode.js';
import { MAX_STEP_ID_LENGTH } from '../schedule/step-ids.js';

describe('DISPATCH_TRIGGER_YAML', () => {
  it('is valid YAML declaring the dispatch inputs, with the recommended run-name', () => {
    const parsed = parseYaml(DISPATCH_TRIGGER_YAML);
    expect(Object.keys(parsed.on.workflow_dispatch.inputs)).toEqual(['retry-of', 'retry-mode']);
    expect([RETRY_OF_INPUT, RETRY_MODE_INPUT]).toEqual(['retry-of', 'retry-mode']);
    expect(parsed.on.workflow_dispatch.inputs['retry-mode'].description).toBe(
      'from-failure, all, from STEP or only STEP[,STEP…]',
    );
    expect(parsed['run-name']).toBe(RETRY_RUN_NAME);
    expect(parseDispatchTrigger(DISPATCH_TRIGGER_YAML)).toEqual({
      kind: 'declared',
      inputs: ['retry-of', 'retry-mode'],
    });
  });
});

describe('parseDispatchTrigger', () => {
  it.each([
    { on: 'on: workflow_dispatch', expected: { kind: 'declared', inputs: [] } },
    { on: 'on: [push, workflow_dispatch]', expected: { kind: 'declared', inputs: [] } },
    { on: 'on: [push]', expected: { kind: 'none' } },
    { on: 'on: push', expected: { kind: 'none' } },
    { on: 'on:\n  push:\n  workflow_dispatch:', expected: { kind: 'declared', inputs: [] } },
    {
      on: 'on:\n  workflow_dispatch:\n    inputs:\n      retry-of: {}\n      retry-mode: { default: from-failure }',
      expected: { kind: 'declared', inputs: ['retry-of', 'retry-mode'] },
    },
    { on: '"on":\n  pull_request:', expected: { kind: 'none' } },
    { on: 'true:\n  workflow_dispatch:', expected: { kind: 'declared', inputs: [] } },
    { on: 'name: no triggers', expected: { kind: 'none' } },
  ])('reads $on', ({ on, expected }) => {
    expect(parseDispatchTrigger(`${on}\njobs: {}\n`)).toEqual(expected);
  });

  it('says when the file is not YAML it can read', () => {
    expect(parseDispatchTrigger('on: [push\n').kind).toBe('invalid');
    expect(parseDispatchTrigger('- just a list\n')).toEqual({
      kind: 'invalid',
      message: 'the file is not a mapping',
    });
  });
});

describe('retryInputs', () => {
  const declared = (inputs: string[]) => ({ kind: 'declared', inputs }) as const;

  it.each([
    {
      trigger: declared(['retry-of', 'retry-mode']),
      mode: 'all',
      expected: { 'retry-of': '7', 'retry-mode': 'all' },
    },
    { trigger: declared(['retry-of']), mode: 'from-failure', expected: { 'retry-of': '7' } },
    { trigger: declared(['retry-of']), mode: 'only a,b', expected: null },
    { trigger: declared(['retry-mode']), mode: 'all', expected: null },
    { trigger: declared([]), mode: 'from-failure', expected: null },
    { trigger: { kind: 'none' } as const, mode: 'from-failure', expected: null },
  ])('sends $expected for $trigger.inputs and mode $mode', ({ trigger, mode, expected }) => {
    expect(retryInputs({ trigger, parentRunId: 7, mode })).toEqual(expected);
  });
});

describe('the largest retry dispatch', () => {
  it('stays within GitHub’s limits on workflow_dispatch inputs (2 of 25 inputs, 65,535 characters)', () => {
    // GitHub's docs: at most 25 inputs, and "The maximum payload for inputs is 65,535 characters".
    // The grammar bounds a request: at most MAX_ONLY_STEPS ids of MAX_STEP_ID_LENGTH characters.
    const steps = Array.from(
      { length: MAX_ONLY_STEPS },
      (_, i) => `${'s'.repeat(MAX_STEP_ID_LENGTH - 2)}${String(i).padStart(2, '0')}`,
    );
    const mode = formatRetryMode({ kind: 'only', steps });
    const inputs = retryInputs({
      trigger: { kind: 'declared', inputs: [RETRY_OF_INPUT, RETRY_MODE_INPUT] },
      parentRunId: Number.MAX_SAFE_INTEGER,
      mode,
    });
    expect(parseRetryMode(mode)).toEqual({ kind: 'only', steps });
    expect(Object.keys(inputs ?? {})).toHaveLength(2);
    expect(JSON.stringify(inputs).length).toBeLessThan(65_535 / 10);
  });
});
