// Flaky made visible with real pytest: a test fails once and passes on the retry, on the same
// commit, so the record, `show`, the run summary and `gh-retry flaky` name it; after a new commit
// the same pass is a possible fix and is not called flaky.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { execa } from 'execa';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderRunSummary } from '../../src/core/report/run-summary.js';
import type { RunRecord } from '../../src/core/run-record/schema.js';
import { createFsRunStore } from '../../src/adapters/local/fs-run-store.js';
import { systemClock } from '../../src/adapters/local/system-clock.js';
import { withFixtureSuite } from '../support/cli.js';
import { checkPytest } from '../support/tools.js';

const hasPytest = checkPytest('the flaky pytest CLI test is skipped');
const command = 'python3 -m pytest test_orders.py';
const TEST_ID = 'test_orders.py::test_fails_once';

describe.skipIf(!hasPytest)('gh-retry names a real pytest test that failed once as flaky', () => {
  const { work, cli } = withFixtureSuite('pytest-fails-once');
  const marker = path.join(path.dirname(work), 'fails-once.marker');
  const git = (...args: string[]) =>
    execa('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.com', ...args], {
      cwd: work,
    });
  const lastRecord = async (): Promise<RunRecord> => {
    const store = createFsRunStore({ root: path.join(work, '.gh-retry'), clock: systemClock });
    return (await store.loadRun('last')).record;
  };

  beforeAll(async () => {
    await git('init', '-q');
    await git('add', '.');
    await git('commit', '-q', '-m', 'suite');
  });

  it('records the test as flaky when the retry on the same commit passes it', async () => {
    expect((await cli('run', '--command', command)).exitCode).toBe(1);
    const parent = await lastRecord();
    const retry = await cli('retry', '--command', command);
    expect(retry.exitCode).toBe(0);
    // pytest's own words: the retry ran the one failed test, and it passed.
    expect(retry.stdout).toContain('run-last-failure: rerun previous 1 failure');

    const record = await lastRecord();
    expect(record.git.sha).toMatch(/^[0-9a-f]{40}$/);
    expect(record.git.sha).toBe(parent.git.sha);
    expect(record.steps[0]?.flaky).toEqual([
      { id: TEST_ID, kind: 'test', failedIn: { run: parent.id, attempt: 1 }, message: null },
    ]);

    const step = record.steps[0]?.id ?? '';
    const shown = await cli('show');
    expect(shown.stdout).toContain(
      `flaky (failed, then passed on the same code): 1\n  ${TEST_ID} (test, step ${step}) failed in ${parent.id} attempt 1`,
    );
    const summary = renderRunSummary({ record });
    expect(summary).toContain('### Flaky (1)');
    expect(summary).toContain(
      `- \`${TEST_ID}\` (test, step \`${step}\`) failed in \`${parent.id}\``,
    );

    const ranked = JSON.parse((await cli('flaky', '--json')).stdout);
    expect(ranked).toMatchObject({
      runs: 2,
      flaky: [{ id: TEST_ID, count: 1, lastRun: record.id }],
    });
  });

  it('does not call the same pass flaky after a new commit', async () => {
    rmSync(marker, { force: true });
    expect((await cli('run', '--command', command)).exitCode).toBe(1);
    await git('commit', '-q', '--allow-empty', '-m', 'a change');
    expect((await cli('retry', '--command', command)).exitCode).toBe(0);
    const record = await lastRecord();
    expect(record.steps[0]?.status).toBe('success');
    expect(record.steps[0]?.flaky).toBeUndefined();
    const ranked = JSON.parse((await cli('flaky', '--json')).stdout);
    expect(ranked).toMatchObject({ runs: 4, flaky: [{ id: TEST_ID, count: 1 }] });
  });
});
