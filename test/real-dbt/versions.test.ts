// S7 and S8 of the dbt retry ground truth on each pinned dbt-core: which flags `dbt retry` takes
// (a usage error is exit 2) and which it replays from the parent. gh-retry's retry form leans on
// these: --threads and --full-refresh after `retry`, --warn-error before or after it from 1.8.
// The versions differ in one place: the retry's own --threads wins only from 1.9.4 (dbt-core
// #10584), so on 1.8 the parent's value is replayed.
import { cpSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { FLOOR_DBT, NEWEST_DBT } from '../../scripts/dbt-venv.mjs';
import { names, testOnEachVersion } from './lab.js';

/** args.threads in the retry's run_results.json after `dbt run --threads 3` then `retry --threads 1`. */
const RETRY_THREADS: Record<string, number> = { '1.8': 3, '1.11': 1 };

const withoutHooks = (list: string[]) => list.filter((name) => !name.startsWith('retry_lab-'));

testOnEachVersion(
  [FLOOR_DBT, NEWEST_DBT],
  {
    describe: 'real dbt %s: flags of dbt retry',
    test: 'S7/S8: accepted flags, a usage error, and what the parent replays',
  },
  async (lab, version) => {
    expect((await lab.dbt(['seed'])).exitCode).toBe(0);
    expect((await lab.dbt(['run', '--threads', '3', '--full-refresh'])).exitCode).toBe(1);
    cpSync(path.join(lab.project, 'target'), path.join(lab.project, 'saved'), {
      recursive: true,
    });
    const parent = lab.runResults('saved/run_results.json');
    expect(parent.dbtVersion.startsWith(`${version}.`)).toBe(true);

    // S7: `--select` is no option of retry on any version.
    const select = await lab.dbt(['retry', '--select', 'stg_payments']);
    expect(select.exitCode).toBe(2);
    expect(`${select.stdout}${select.stderr}`).toMatch(/No such option:? '?--select/);

    // S7: --warn-error after `retry` is accepted from 1.8 (the input is still missing: exit 1).
    const warnError = await lab.dbt([
      'retry',
      '--warn-error',
      '--state',
      'saved',
      '--threads',
      '1',
    ]);
    expect(warnError.exitCode).toBe(1);
    const failing = lab.runResults();
    expect(failing.invocationCommand).toMatch(/^dbt retry/);
    expect(names(failing, 'error')).toEqual(['stg_payments']);
    // S8: the parent's --full-refresh is replayed; the retry's --threads wins only from 1.9.4.
    expect(failing.args['full_refresh']).toBe(true);
    expect(failing.args['threads']).toBe(RETRY_THREADS[version]);

    // S7: --target-path and --full-refresh after `retry` are accepted; the retry writes there.
    lab.writePayments();
    const fixed = await lab.dbt([
      'retry',
      '--state',
      'saved',
      '--target-path',
      'elsewhere',
      '--full-refresh',
    ]);
    expect(fixed.exitCode).toBe(0);
    const rerun = lab.runResults('elsewhere/run_results.json');
    expect(withoutHooks(names(rerun, 'success'))).toEqual(
      withoutHooks(names(parent, 'error', 'skipped')),
    );
  },
);
