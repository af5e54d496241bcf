import { describe, expect, it } from 'vitest';
import { ScheduleError } from '../errors.js';
import { parseScheduleFile } from './command-list.js';

const parse = (text: string) => parseScheduleFile({ text, fileName: 'nightly.yml' });

describe('in-run retry keys of a schedule step', () => {
  it('reads a fixed delay, a timeout and conditions', () => {
    const [step] = parse(
      [
        'steps:',
        '  - run: dbt run',
        '    retries: 2',
        '    retry-delay: 30s',
        '    attempt-timeout: 20m',
        '    retry-on:',
        '      exit-codes: [2]',
        '      dbt-errors: ["warehouse timeout", "/deadlock/i"]',
        '',
      ].join('\n'),
    ).steps;
    expect(step).toMatchObject({
      retries: 2,
      retryDelay: { initialSeconds: 30, factor: 1, maxSeconds: 30 },
      attemptTimeoutSeconds: 1200,
      retryOn: {
        exitCodes: [2],
        outputPatterns: [],
        dbtErrors: ['warehouse timeout', '/deadlock/i'],
      },
    });
  });

  it('reads an exponential delay with a cap, factor 2 by default', () => {
    const [step] = parse(
      'steps:\n  - run: pytest\n    retries: 3\n    retry-delay: { initial: 10s, max: 2m }\n',
    ).steps;
    expect(step?.retryDelay).toEqual({ initialSeconds: 10, factor: 2, maxSeconds: 120 });
  });

  it('leaves the keys out of a step that does not set them', () => {
    const [step] = parse('steps:\n  - run: make\n    retries: 1\n').steps;
    expect(step).not.toHaveProperty('retryDelay');
    expect(step).not.toHaveProperty('attemptTimeoutSeconds');
    expect(step).not.toHaveProperty('retryOn');
  });

  it('allows attempt-timeout without retries (one attempt, bounded)', () => {
    const [step] = parse('steps:\n  - run: make\n    attempt-timeout: 90\n').steps;
    expect(step).toMatchObject({ retries: 0, attemptTimeoutSeconds: 90 });
  });

  it.each([
    [
      'steps:\n  - run: make\n    retry-delay: 10s\n',
      'nightly.yml:3: "retry-delay" in step 1 is only used with "retries"; add "retries: N" (1–10) or remove "retry-delay"',
    ],
    [
      'steps:\n  - run: make\n    retries: 0\n    retry-on:\n      exit-codes: [2]\n',
      'nightly.yml:4: "retry-on" in step 1 is only used with "retries"; add "retries: N" (1–10) or remove "retry-on"',
    ],
    [
      'steps:\n  - run: make\n    retries: 1\n    retry-delay: soon\n',
      'nightly.yml:4: "retry-delay" in step 1 must be seconds or a duration like "30s", "2m", from 0s to 1h',
    ],
    [
      'steps:\n  - run: make\n    retries: 1\n    retry-delay: 2h\n',
      'nightly.yml:4: "retry-delay" in step 1 must be seconds or a duration like "30s", "2m", from 0s to 1h',
    ],
    [
      'steps:\n  - run: make\n    retries: 1\n    retry-delay:\n      initial: 1m\n      max: 30s\n',
      'nightly.yml:6: "max" of "retry-delay" in step 1 (30s) is shorter than "initial" (1m); the cap must be at least the first delay',
    ],
    [
      'steps:\n  - run: make\n    retries: 1\n    retry-delay: { initial: 1m }\n',
      'nightly.yml:4: "retry-delay" in step 1 needs "initial" and "max" (e.g. { initial: 10s, factor: 2, max: 2m })',
    ],
    [
      'steps:\n  - run: make\n    retries: 1\n    retry-delay:\n      initial: 1s\n      max: 5s\n      growth: 2\n',
      'nightly.yml:7: unknown key "growth" in "retry-delay" in step 1; allowed: initial, factor, max',
    ],
    [
      'steps:\n  - run: make\n    retries: 1\n    retry-delay: { initial: 1s, factor: 0.5, max: 5s }\n',
      'nightly.yml:4: "factor" of "retry-delay" in step 1 must be a number from 1 to 10',
    ],
    [
      'steps:\n  - run: make\n    attempt-timeout: 0\n',
      'nightly.yml:3: "attempt-timeout" in step 1 must be seconds or a duration like "30s", "2m", from 1s to 6h',
    ],
    [
      'steps:\n  - run: make\n    retries: 1\n    retry-on:\n      exit-code: [2]\n',
      'nightly.yml:5: "retry-on" in step 1: unknown key "exit-code"; allowed: exit-codes, output-patterns, dbt-errors',
    ],
    [
      'steps:\n  - run: make\n    retries: 1\n    retry-on:\n      exit-codes: [2]\n      output-patterns:\n        - ok\n        - "(a+)+"\n',
      'nightly.yml:8: "retry-on.output-patterns.1" in step 1: nested quantifiers such as (a+)+ are not allowed (retry-on takes exit-codes, output-patterns, dbt-errors)',
    ],
    [
      'steps:\n  - run: make\n    retries: 1\n    retry-on: {}\n',
      'nightly.yml:4: "retry-on" in step 1: set at least one of exit-codes, output-patterns, dbt-errors (retry-on takes exit-codes, output-patterns, dbt-errors)',
    ],
    [
      'steps:\n  - run: make\n    retries: 1\n    retry-on: timeout\n',
      'nightly.yml:4: "retry-on" in step 1: must be a mapping (retry-on takes exit-codes, output-patterns, dbt-errors)',
    ],
  ])('rejects %j', (text, message) => {
    expect(() => parse(text)).toThrow(new ScheduleError(message));
  });
});
