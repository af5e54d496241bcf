// Property tests of every parser of untrusted or user-written text: whatever the input, each one
// returns or fails with its own error (a UserError: one line for the user), never anything else.
// The number of generated inputs is in each test's name.
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { UnsafeZipError, parseZipEntries } from '../adapters/local/zip-archive.js';
import { parseComment } from './bot/comment-command.js';
import { parseConfigText } from './bot/config.js';
import { UserError } from './errors.js';
import { parseRetryMode, readStepList } from './retry/mode.js';
import { parseRunRecord } from './run-record/record.js';
import { parseCommandList } from './schedule/command-list.js';
import { parseScheduleFile } from './schedule/yaml-file.js';
import { parseRunResults } from './tools/dbt-run-results.js';

const RUNS = 300;

/** Run `parse` on each input: it returns, or throws `own` (a UserError by default). */
function returnsOrOwnError<T>(
  input: fc.Arbitrary<T>,
  parse: (value: T) => unknown,
  own: (error: unknown) => boolean = (error) => error instanceof UserError,
): void {
  fc.assert(
    fc.property(input, (value) => {
      try {
        parse(value);
      } catch (error) {
        if (!own(error)) throw error;
        expect((error as Error).message).not.toMatch(/\n\s+at /);
      }
    }),
    { numRuns: RUNS },
  );
}

/** Text that looks like what the parser expects, mixed with arbitrary text. */
const words = (vocabulary: string[]) =>
  fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 200 }),
    fc
      .array(fc.oneof(fc.constantFrom(...vocabulary), fc.string({ maxLength: 8 })), {
        maxLength: 8,
      })
      .map((parts) => parts.join(' ')),
  );

const yamlish = fc.oneof(
  fc.string({ maxLength: 300 }),
  fc.jsonValue({ maxDepth: 4 }).map((value) => stringify(value)),
  fc
    .record({
      name: fc.oneof(fc.string(), fc.integer()),
      steps: fc.array(
        fc.record(
          {
            id: fc.oneof(fc.string({ maxLength: 12 }), fc.constant('dbt-run')),
            run: fc.oneof(fc.constantFrom('dbt run', 'pytest', 'dbt deps'), fc.string()),
            retries: fc.oneof(fc.integer(), fc.string()),
            'continue-on-error': fc.oneof(fc.boolean(), fc.string()),
            setup: fc.oneof(fc.boolean(), fc.integer()),
          },
          { requiredKeys: [] },
        ),
        { maxLength: 5 },
      ),
    })
    .map((value) => stringify(value)),
);

describe(`parsers of untrusted and user-written text (${RUNS} generated inputs each)`, () => {
  it(`schedule YAML files: ${RUNS} inputs return or fail with a ScheduleError`, () => {
    returnsOrOwnError(yamlish, (text) => parseScheduleFile({ text, fileName: 'gh-retry.yml' }));
  });

  it(`command lists: ${RUNS} inputs return or fail with their own error`, () => {
    returnsOrOwnError(words(['dbt', 'run', '\n', '&&', '#', "'", '"', 'pytest']), (text) =>
      parseCommandList(text),
    );
  });

  it(`comment commands: ${RUNS} inputs never throw`, () => {
    returnsOrOwnError(
      words(['/retry', 'all', 'from', 'only', 'a,b', ',,', '\n', '`']),
      parseComment,
      () => false,
    );
  });

  it(`retry modes and step lists: ${RUNS} inputs return or fail with a PlanError`, () => {
    returnsOrOwnError(words(['from-failure', 'all', 'from', 'only', 'a,,b', ' , ']), (text) => {
      readStepList(text);
      return parseRetryMode(text);
    });
  });

  it(`run records: ${RUNS} inputs return or fail with a RunRecordError`, () => {
    const record = fc.record({
      kind: fc.oneof(fc.constant('gh-retry/run-record'), fc.string()),
      version: fc.oneof(fc.constant(1), fc.integer(), fc.string()),
      id: fc.string(),
      steps: fc.oneof(fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 3 }), fc.string()),
    });
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      record.map((v) => JSON.stringify(v)),
    );
    returnsOrOwnError(text, (t) => parseRunRecord(t, { source: 'record.json' }));
  });

  it(`run_results.json: ${RUNS} inputs never throw (unreadable is a result)`, () => {
    const results = fc.record({
      metadata: fc.record({
        dbt_schema_version: fc.oneof(
          fc.constant('https://schemas.getdbt.com/dbt/run-results/v6.json'),
          fc.string(),
        ),
      }),
      results: fc.array(
        fc.record({
          unique_id: fc.string(),
          status: fc.oneof(fc.constantFrom('success', 'error', 'fail', 'skipped'), fc.string()),
        }),
        { maxLength: 5 },
      ),
    });
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      fc.jsonValue({ maxDepth: 4 }).map((v) => JSON.stringify(v)),
      results.map((v) => JSON.stringify(v)),
    );
    returnsOrOwnError(text, parseRunResults, () => false);
  });

  it(`the bot config: ${RUNS} inputs never throw (problems are a result)`, () => {
    const config = fc.record(
      {
        permission: fc.oneof(fc.constantFrom('write', 'admin'), fc.string(), fc.integer()),
        'retry-policies': fc.array(
          fc.record(
            {
              workflows: fc.array(fc.string(), { maxLength: 3 }),
              mode: fc.oneof(fc.constantFrom('from-failure', 'all'), fc.string()),
              'max-attempts': fc.oneof(fc.integer(), fc.string()),
              delay: fc.oneof(fc.constantFrom('5m', '90s'), fc.string(), fc.integer()),
              conditions: fc.jsonValue({ maxDepth: 2 }),
            },
            { requiredKeys: [] },
          ),
          { maxLength: 3 },
        ),
      },
      { requiredKeys: [] },
    );
    const text = fc.oneof(
      fc.string({ maxLength: 300 }),
      config.map((v) => stringify(v)),
      fc.jsonValue({ maxDepth: 3 }).map((v) => stringify(v)),
    );
    returnsOrOwnError(
      text,
      (t) => parseConfigText(t),
      () => false,
    );
  });

  it(`zip entries: ${RUNS} byte strings return or fail with an UnsafeZipError`, () => {
    const eocd = [0x50, 0x4b, 0x05, 0x06];
    const bytes = fc.oneof(
      fc.uint8Array({ maxLength: 400 }),
      fc
        .tuple(fc.uint8Array({ maxLength: 200 }), fc.uint8Array({ minLength: 18, maxLength: 40 }))
        .map(([head, tail]) => Uint8Array.from([...head, ...eocd, ...tail])),
    );
    returnsOrOwnError(bytes, parseZipEntries, (error) => error instanceof UnsafeZipError);
  });
});
