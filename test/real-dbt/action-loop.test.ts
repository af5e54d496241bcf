/**
 * The whole loop once through the bundled Action (dist/) in the GitHub emulator with real dbt
 * (newest pinned version) on DuckDB: the nightly schedule `dbt seed` / `dbt run` / `dbt test` fails
 * at stg_payments (its input file is missing); the file is written; a retry is dispatched with
 * `retry-of` as the App does; it downloads the parent's record artifact and finishes with
 * `dbt retry` on exactly the failed and skipped nodes. Node sets come from dbt's own
 * run_results.json, as the parent and the retry uploaded them in their record artifacts.
 */
import { cpSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  nightlyWorkflow,
  readRecordArtifact,
  REPO,
  REPO_ROOT,
  requireBundle,
  statuses,
  WORKFLOW,
  type CompletedRun,
} from '../support/action/harness.js';
import { startEmulator, type GitHubEmulator } from '../emulator/index.js';
import {
  makeLab,
  names,
  parseRunResults,
  REAL_DBT_TIMEOUT,
  type DbtRunResults,
  type Lab,
} from './lab.js';

const HOOK = 'retry_lab-on-run-end-0';

/** The run_results.json a run's record artifact holds for a step. */
function artifactResults(run: CompletedRun, stepId: string): DbtRunResults {
  const file = run.files[`state/${stepId}/target/run_results.json`];
  if (file === undefined)
    throw new Error(`run ${run.runId} uploaded no run_results.json for ${stepId}`);
  return parseRunResults(new TextDecoder().decode(file));
}

describe(
  'real dbt through the bundled Action: a schedule fails, a dispatched retry finishes it',
  { timeout: REAL_DBT_TIMEOUT },
  () => {
    let lab: Lab;
    let gh: GitHubEmulator;
    let parent: CompletedRun;
    const cleanups: (() => unknown)[] = [];

    /** Dispatch the nightly workflow and wait (as long as real dbt needs) until it completes. */
    async function dispatch(inputs: Record<string, string> = {}): Promise<CompletedRun> {
      const runId = await gh.startRun({ repo: REPO, workflow: WORKFLOW, inputs });
      const run = await gh.waitForRun(runId, { status: 'completed', timeoutMs: REAL_DBT_TIMEOUT });
      await gh.idle();
      const job = gh.jobResults(runId).find((result) => result.attempt === 1);
      if (job === undefined) throw new Error(`run ${runId} has no job result`);
      return {
        runId,
        attempt: 1,
        conclusion: run.conclusion,
        job,
        ...readRecordArtifact(gh, runId, 1),
      };
    }

    beforeAll(async () => {
      requireBundle();
      lab = makeLab();
      cleanups.push(() => {
        lab.remove();
      });
      gh = await startEmulator();
      cleanups.push(() => gh.stop());
      gh.seedRepo({
        repo: REPO,
        files: { [WORKFLOW]: nightlyWorkflow({ commands: 'dbt seed\ndbt run\ndbt test' }) },
      });
      const env = lab.env();
      gh.onWorkflow(WORKFLOW, {
        action: REPO_ROOT,
        // Real dbt first on the step's PATH; the warehouse and the input folder are absolute paths
        // outside the workspace, so they outlive the parent's job as a real warehouse would.
        env: Object.fromEntries(
          ['PATH', 'DO_NOT_TRACK', 'RETRY_LAB_DB', 'RETRY_LAB_DB_CI', 'LAB_DATA'].map((name) => [
            name,
            env[name] ?? '',
          ]),
        ),
        // A fresh checkout per job: the project as committed, no target/ from an earlier job.
        prepareWorkspace: (workspace) => {
          cpSync(lab.project, path.join(workspace, 'transform'), { recursive: true });
        },
      });
      parent = await dispatch();
    }, REAL_DBT_TIMEOUT);

    afterAll(async () => {
      for (const cleanup of cleanups.reverse()) await cleanup();
    });

    it('the parent fails at dbt run: stg_payments errors, its descendants are skipped', () => {
      expect(parent.conclusion).toBe('failure');
      expect(statuses(parent.record)).toEqual([
        ['dbt-seed', 'success'],
        ['dbt-run', 'failed'],
        ['dbt-test', 'skipped'],
      ]);
      expect(gh.artifacts(parent.runId).map((a) => a.name)).toEqual(['gh-retry-nightly-1']);
      const seed = artifactResults(parent, 'dbt-seed');
      expect(seed.which).toBe('seed');
      expect(names(seed, 'success')).toEqual(['raw_customers', 'raw_orders', HOOK]);
      const run = artifactResults(parent, 'dbt-run');
      expect(run.which).toBe('run');
      expect(run.invocationCommand).toBe('dbt run');
      expect(run.dbtVersion.startsWith(`${lab.version}.`)).toBe(true);
      expect(names(run, 'error')).toEqual(['stg_payments']);
      expect(names(run, 'skipped')).toEqual(['dim_customers', 'fct_orders']);
      expect(names(run, 'success')).toEqual([HOOK, 'stg_customers', 'stg_orders']);
      expect(parent.files['state/dbt-test/target/run_results.json']).toBeUndefined();
      expect(parent.job.main?.outputs).toMatchObject({
        status: 'failed',
        'failed-steps': 'dbt-run',
      });
    });

    it('with the input written, a dispatched retry reuses the seed and runs dbt retry on the failed and skipped nodes only', async () => {
      lab.writePayments();
      const retry = await dispatch({ 'retry-of': String(parent.runId) });
      expect(retry.conclusion).toBe('success');
      expect(gh.run(retry.runId).display_title).toBe(`Retry of #${parent.runId}`);
      // The retry read its parent from the parent's record artifact.
      expect(retry.job.main?.stdout).toContain(
        `Retrying ${parent.runId}-1 (gh-retry-nightly-1), the run named by retry-of`,
      );
      expect(statuses(retry.record)).toEqual([
        ['dbt-seed', 'reused'],
        ['dbt-run', 'success'],
        ['dbt-test', 'success'],
      ]);
      expect(retry.record?.steps[0]?.reusedFrom).toBe(`${parent.runId}-1`);
      expect(retry.record?.steps[0]?.executed).toBeNull();
      expect(retry.files['state/dbt-seed/target/run_results.json']).toBeUndefined();
      expect(retry.record?.steps[1]?.action).toBe('retry');
      expect(retry.record?.steps[1]?.executed).toMatch(/^dbt retry --state \S+\/dbt-run\/target$/);
      expect(retry.record?.lineage).toMatchObject({
        parent: `${parent.runId}-1`,
        root: `${parent.runId}-1`,
        retryNumber: 1,
        trigger: 'dispatch',
      });

      const rerun = artifactResults(retry, 'dbt-run');
      expect(rerun.which).toBe('run'); // dbt retry records the parent's command
      expect(rerun.invocationCommand).toMatch(/^dbt retry --state /);
      expect(names(rerun)).toEqual(['dim_customers', 'fct_orders', HOOK, 'stg_payments']);
      expect(names(rerun, 'success')).toEqual(names(rerun));

      const tests = artifactResults(retry, 'dbt-test');
      expect(tests.which).toBe('test');
      expect(tests.invocationCommand).toBe('dbt test');
      expect(names(tests, 'fail', 'error')).toEqual([]);
      expect(names(tests, 'warn')).toEqual([
        expect.stringMatching(/^accepted_values_stg_customers_name/),
      ]);
    });
  },
);
