import type { RetryMode } from '../../src/core/retry/mode.js';

/**
 * The retry-mode grammar, once: every surface (the `retry-mode` input, the `/retry` comment, the
 * CLI flags in cli/cli-options.test.ts) is checked against these rows.
 */
export const GRAMMAR: readonly (readonly [text: string, mode: RetryMode | null])[] = [
  ['from-failure', { kind: 'from-failure' }],
  ['all', { kind: 'all' }],
  ['ALL', { kind: 'all' }],
  ['from dbt-run', { kind: 'from', step: 'dbt-run' }],
  ['from step.with_dots-1', { kind: 'from', step: 'step.with_dots-1' }],
  ['only dbt-run', { kind: 'only', steps: ['dbt-run'] }],
  ['only dbt-run,dbt-test', { kind: 'only', steps: ['dbt-run', 'dbt-test'] }],
  ['only a, b ,c', { kind: 'only', steps: ['a', 'b', 'c'] }],
  ['only a,b,a', { kind: 'only', steps: ['a', 'b'] }],
  [
    `only ${Array.from({ length: 50 }, (_, i) => `s${i}`).join(',')}`,
    { kind: 'only', steps: Array.from({ length: 50 }, (_, i) => `s${i}`) },
  ],
  // Refused everywhere:
  ['from', null],
  ['from a b', null],
  ['from Dbt-Run', null],
  ['only', null],
  ['only a,,b', null],
  ['only a,', null],
  ['only ,a', null],
  ['only a b', null],
  ['only $(rm -rf /)', null],
  [`only ${Array.from({ length: 51 }, (_, i) => `s${i}`).join(',')}`, null],
  ['all now', null],
  ['failed', null],
];
