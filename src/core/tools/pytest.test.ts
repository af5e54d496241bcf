import { describe, expect, it } from 'vitest';
import { aStepSpec } from '../../../test/support/run-record.js';
import {
  aTestRunnerSetup,
  itFindsRetryForms,
  itFindsStatePaths,
  itRecognises,
} from '../../../test/support/tool-cases.js';
import { summariseStepState } from './index.js';

describe('pytest recognition', () => {
  itRecognises([
    ['pytest', 'pytest'],
    ['pytest -q tests/unit', 'pytest'],
    ['python -m pytest -x', 'pytest'],
    ['python3 -m pytest', 'pytest'],
    ['py.test', 'pytest'],
    ['uv run pytest', 'pytest'],
    ['poetry run python -m pytest', 'pytest'],
    ['.venv/bin/pytest', 'pytest'],
    ['pytest && coverage report', null],
    ['python -m unittest', null],
    ['python pytest.py', null],
  ]);
});

describe('pytest state paths', () => {
  itFindsStatePaths('$run → $paths', [
    { run: 'pytest', env: {}, paths: ['.pytest_cache/v/cache/lastfailed'] },
    { run: 'pytest -o cache_dir=.cache/pt', env: {}, paths: ['.cache/pt/v/cache/lastfailed'] },
    { run: 'pytest -o cache_dir=$CACHE', env: { CACHE: 'c' }, paths: ['c/v/cache/lastfailed'] },
    { run: 'pytest -ocache_dir=pc', env: {}, paths: ['pc/v/cache/lastfailed'] },
    { run: 'pytest --override-ini cache_dir=pc', env: {}, paths: ['pc/v/cache/lastfailed'] },
    { run: 'pytest --override-ini=cache_dir=pc', env: {}, paths: ['pc/v/cache/lastfailed'] },
    { run: 'pytest -o addopts=-q', env: {}, paths: ['.pytest_cache/v/cache/lastfailed'] },
    { run: 'pytest --rootdir=py', env: {}, paths: ['py/.pytest_cache/v/cache/lastfailed'] },
    {
      run: 'pytest --rootdir py -o cache_dir=../shared-cache',
      env: {},
      paths: ['shared-cache/v/cache/lastfailed'],
    },
    { run: 'pytest -o cache_dir=/tmp/cache', env: {}, paths: [] },
    { run: 'pytest -p no:cacheprovider', env: {}, paths: [] },
  ]);
});

const LASTFAILED = '.pytest_cache/v/cache/lastfailed';
const pytest = aTestRunnerSetup({ id: 'pytest', tool: 'pytest', path: LASTFAILED, sha: 'b' });
const STORED = pytest.stored;

describe('pytest retry form', () => {
  const twoFailed = JSON.stringify(
    { 'tests/test_a.py::test_one': true, 'tests/test_b.py::test_two': true },
    null,
    2,
  );
  itFindsRetryForms(pytest, [
    {
      name: 'exit 1 with failures recorded → --last-failed',
      run: 'python -m pytest -q tests',
      files: { [STORED]: twoFailed },
      expected: {
        kind: 'retry',
        exec: 'python -m pytest -q tests --last-failed --last-failed-no-failures none',
        restore: [{ from: STORED, to: LASTFAILED }],
        reason: 'pytest --last-failed re-runs only the 2 failed test(s)',
      },
    },
    {
      name: 'a trailing comment is not extended',
      run: 'pytest -k "a or b" # nightly',
      files: { [STORED]: twoFailed },
      exec: "pytest -k 'a or b' --last-failed --last-failed-no-failures none",
    },
    {
      name: 'the file is restored where the current cache_dir puts it',
      run: 'pytest -o cache_dir=pc',
      files: { [STORED]: twoFailed },
      restore: [{ from: STORED, to: 'pc/v/cache/lastfailed' }],
    },
    {
      name: 'exit 2',
      run: 'pytest',
      parent: { exitCode: 2 },
      files: { [STORED]: twoFailed },
      reason: 'pytest exited 2; only exit 1 (test failures) re-runs the failed tests',
    },
    {
      name: 'no saved file',
      run: 'pytest',
      parent: { state: [] },
      files: {},
      reason: 'pytest lastfailed missing from the parent run',
    },
    {
      name: 'not an object',
      run: 'pytest',
      files: { [STORED]: '["x"]' },
      reason: 'pytest lastfailed is not a JSON object',
    },
    {
      name: 'not JSON',
      run: 'pytest',
      files: { [STORED]: '{' },
      reason: 'pytest lastfailed is not a JSON object',
    },
    {
      name: 'empty',
      run: 'pytest',
      files: { [STORED]: '{}' },
      reason: 'pytest lastfailed lists no failed tests',
    },
    {
      name: 'cache disabled',
      run: 'pytest -p no:cacheprovider',
      files: { [STORED]: twoFailed },
      reason: "pytest's cache is disabled or outside the working directory",
    },
  ]);
});

describe('pytest summary', () => {
  it.each([
    { files: { [LASTFAILED]: '{"t::a": true, "t::b": true}' }, failedTests: ['t::a', 't::b'] },
    { files: { [LASTFAILED]: '{}' }, failedTests: [] },
    { files: { [LASTFAILED]: 'nope' }, failedTests: null },
    { files: {}, failedTests: null },
  ])('$files → $failedTests', ({ files, failedTests }) => {
    const summary = summariseStepState({
      step: aStepSpec({ run: 'pytest' }),
      files: new Map(Object.entries(files)),
    });
    expect(summary).toEqual({ nodes: null, failedTests });
  });
});
