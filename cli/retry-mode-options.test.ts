import { describe, expect, it } from 'vitest';
import { readRetryMode } from './retry-mode-options.js';
import type { RetryModeOptions } from './retry-mode-options.js';

describe('readRetryMode', () => {
  it.each<[RetryModeOptions, unknown]>([
    [{}, { kind: 'from-failure' }],
    [{ all: true }, { kind: 'all' }],
    [{ from: 'dbt-run' }, { kind: 'from', step: 'dbt-run' }],
    [{ only: 'a, b,,c' }, { kind: 'only', steps: ['a', 'b', 'c'] }],
  ])('reads %j', (options, mode) => {
    expect(readRetryMode(options)).toEqual(mode);
  });

  it.each<[RetryModeOptions, RegExp]>([
    [{ all: true, from: 'x' }, /at most one of --all, --from STEP and --only/],
    [{ only: ' , ' }, /--only needs at least one step id/],
  ])('refuses %j', (options, message) => {
    expect(() => readRetryMode(options)).toThrow(message);
  });
});
