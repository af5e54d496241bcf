import { describe, expect, it } from 'vitest';
import { UserError } from '../src/core/errors.js';
import { GRAMMAR } from '../test/support/retry-mode-grammar.js';
import { readRetryMode } from './retry-mode-options.js';
import type { RetryModeOptions } from './retry-mode-options.js';

describe('readRetryMode', () => {
  it.each<[RetryModeOptions, unknown]>([
    [{}, { kind: 'from-failure' }],
    [{ all: true }, { kind: 'all' }],
    [{ from: 'dbt-run' }, { kind: 'from', step: 'dbt-run' }],
    [{ only: 'a, b,c,a' }, { kind: 'only', steps: ['a', 'b', 'c'] }],
  ])('reads %j', (options, mode) => {
    expect(readRetryMode(options)).toEqual(mode);
  });

  // The flags follow the one grammar (src/core/retry/mode.test.ts): `--from X` and `--only X` read
  // exactly what `from X` and `only X` read everywhere else.
  it.each(GRAMMAR.filter(([text]) => /^(from|only) /i.test(text) && !/^only .* /.test(text)))(
    'reads the grammar row %j',
    (text, mode) => {
      const [keyword = '', ...rest] = text.split(' ');
      const options = { [keyword.toLowerCase()]: rest.join(' ') };
      if (mode === null) expect(() => readRetryMode(options)).toThrow(UserError);
      else expect(readRetryMode(options)).toEqual(mode);
    },
  );

  it.each<[RetryModeOptions, RegExp]>([
    [{ all: true, from: 'x' }, /at most one of --all, --from STEP and --only/],
    [{ only: ' ' }, /--only needs at least one step id/],
    [{ only: ' , ' }, /--only " , " has an empty step id: separate step ids with single commas/],
    [{ only: 'a,,b' }, /--only "a,,b" has an empty step id/],
    [{ only: 'a,B' }, /--only: "B" is not a step id; an id is lower-case letters/],
    [{ from: 'Dbt-Run' }, /--from: "Dbt-Run" is not a step id/],
    [{ from: ' ' }, /--from needs a step id/],
  ])('refuses %j', (options, message) => {
    expect(() => readRetryMode(options)).toThrow(message);
  });
});
