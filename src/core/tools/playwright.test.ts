import { describe, expect, it } from 'vitest';
import { aStepSpec } from '../../../test/support/run-record.js';
import {
  aTestRunnerSetup,
  itFindsRetryForms,
  type RetryFormCase,
} from '../../../test/support/tool-cases.js';
import { recogniseTool, statePathsFor, summariseStepState } from './index.js';

describe('Playwright recognition and state paths', () => {
  it.each([
    { run: 'npx playwright test', tool: 'playwright', paths: ['test-results/.last-run.json'] },
    {
      run: 'playwright test --project chromium',
      tool: 'playwright',
      paths: ['test-results/.last-run.json'],
    },
    {
      run: 'npx playwright test --output out/pw',
      tool: 'playwright',
      paths: ['out/pw/.last-run.json'],
    },
    { run: 'npx playwright test --output=out', tool: 'playwright', paths: ['out/.last-run.json'] },
    { run: 'npx playwright test --output /tmp/pw', tool: 'playwright', paths: [] },
    { run: 'npx playwright install --with-deps', tool: null, paths: [] },
    { run: 'npx playwright test | tee log', tool: null, paths: [] },
  ])('$run', ({ run, tool, paths }) => {
    const step = aStepSpec({ run });
    expect(recogniseTool(step)).toBe(tool);
    expect(statePathsFor({ step, env: {} })).toEqual(paths);
  });
});

const LAST_RUN = 'test-results/.last-run.json';
const COMMAND = 'npx playwright test';
const e2e = aTestRunnerSetup({ id: 'e2e', tool: 'playwright', path: LAST_RUN, sha: 'c' });
const STORED = e2e.stored;

describe('Playwright retry form', () => {
  const oneFailed = JSON.stringify({ status: 'failed', failedTests: ['abc-def'] });
  const rows: Omit<RetryFormCase, 'run'>[] = [
    {
      name: 'exit 1 with failed tests → --last-failed',
      files: { [STORED]: oneFailed },
      expected: {
        kind: 'retry',
        exec: 'npx playwright test --last-failed',
        restore: [{ from: STORED, to: LAST_RUN }],
        reason: 'playwright test --last-failed re-runs only the 1 failed test(s)',
      },
    },
    {
      name: 'exit 2',
      parent: { exitCode: 2 },
      files: { [STORED]: oneFailed },
      reason: 'playwright test exited 2; only exit 1 (test failures) re-runs the failed tests',
    },
    {
      name: 'no saved file',
      parent: { state: [] },
      files: {},
      reason: '.last-run.json missing from the parent run',
    },
    {
      name: 'no failedTests',
      files: { [STORED]: '{"status":"failed"}' },
      reason: '.last-run.json has no failedTests list',
    },
    {
      name: 'empty failedTests',
      files: { [STORED]: '{"status":"passed","failedTests":[]}' },
      reason: '.last-run.json lists no failed tests',
    },
  ];
  itFindsRetryForms(
    e2e,
    rows.map((row) => ({ run: COMMAND, ...row })),
  );

  it('summarises the failed tests', () => {
    const step = aStepSpec({ run: COMMAND });
    const files = new Map([
      [LAST_RUN, JSON.stringify({ status: 'failed', failedTests: ['a-1', 'b-2', 3] })],
    ]);
    expect(summariseStepState({ step, files })).toEqual({
      nodes: null,
      failedTests: ['a-1', 'b-2'],
    });
  });
});
