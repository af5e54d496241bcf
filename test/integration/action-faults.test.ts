/**
 * The bundled Action refuses parents it cannot trust or use, with a clear message, and still
 * uploads a record of the attempt.
 */
import { strToU8, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serializeRunRecord } from '../../src/core/run-record/record.js';
import type { RunRecord } from '../../src/core/run-record/schema.js';
import {
  MODELS,
  nightlyWorkflow,
  REPO,
  startActionHarness,
  statuses,
  WORKFLOW,
  type ActionHarness,
  type CompletedRun,
} from '../support/action/harness.js';

/** The step's error annotation, as the runner would show it. */
const errorOf = (run: CompletedRun) => /::error::(.*)/.exec(run.job.main?.stdout ?? '')?.[1] ?? '';

describe('the Action with a parent it cannot use', () => {
  let h: ActionHarness;
  let first: CompletedRun;

  beforeAll(async () => {
    h = await startActionHarness();
    first = await h.dispatch();
  });

  afterAll(async () => {
    await h.gh.stop();
  });

  /** A failed, completed run of the nightly workflow whose record artifact is `files` (or a raw zip). */
  const seedParent = (
    artifact: { files?: Record<string, string | Uint8Array>; zip?: Uint8Array } | null,
  ) => {
    const runId = h.gh.addRun({ repo: REPO, workflow: 'nightly.yml', conclusion: 'failure' });
    if (artifact !== null) h.gh.addArtifact({ runId, name: 'gh-retry-nightly-1', ...artifact });
    return runId;
  };

  /** The first run's record and files, rewritten to belong to run `runId`. */
  const recordFor = (runId: number, edit: (record: RunRecord) => RunRecord = (r) => r) => {
    const record = first.record!;
    return serializeRunRecord(
      edit({
        ...record,
        id: `${runId}-1`,
        github: { ...record.github!, runId },
        lineage: { ...record.lineage, root: `${runId}-1` },
      }),
    );
  };

  const expectRefused = (run: CompletedRun, message: string | RegExp) => {
    expect(run.conclusion).toBe('failure');
    expect(errorOf(run)).toMatch(message);
    // Nothing ran, and the attempt still has a record.
    expect(run.record).toMatchObject({ status: 'failed', steps: [], id: `${run.runId}-1` });
  };

  it('starts from a real failed record', () => {
    expect(statuses(first.record).map(([, s]) => s)).toEqual([
      'success',
      'success',
      'failed',
      'skipped',
    ]);
  });

  it('reports an expired record and tells to use retry-mode all, which still runs everything', async () => {
    const parent = await h.dispatch();
    const [artifact] = h.gh.artifacts(parent.runId);
    h.gh.expireArtifact(artifact!.id);
    const expiresOn = h.gh.artifacts(parent.runId)[0]!.expires_at!.slice(0, 10);
    h.scenario.failing = [];
    const refused = await h.dispatch({ 'retry-of': String(parent.runId) });
    expectRefused(
      refused,
      `the record of run ${parent.runId} expired on ${expiresOn}; use retry-mode all`,
    );

    const all = await h.dispatch({ 'retry-of': String(parent.runId), 'retry-mode': 'all' });
    expect(all.conclusion).toBe('success');
    expect(statuses(all.record).map(([, s]) => s)).toEqual([
      'success',
      'success',
      'success',
      'success',
    ]);
    expect(all.record?.lineage).toMatchObject({
      parent: `${parent.runId}-1`,
      retryNumber: 1,
      mode: { kind: 'all' },
    });
    expect(all.job.main?.stdout).toContain(
      `::warning::the record of run ${parent.runId} expired on ${expiresOn}`,
    );
    h.scenario.failing = [...MODELS.failing];
  });

  it('reports a parent without a record artifact', async () => {
    const parent = seedParent(null);
    expectRefused(
      await h.dispatch({ 'retry-of': String(parent) }),
      `run ${parent} has no record artifact "gh-retry-nightly-1"`,
    );
  });

  it('refuses a parent of another workflow', async () => {
    h.gh.addWorkflow(REPO, 'other.yml', nightlyWorkflow());
    const parent = h.gh.addRun({ repo: REPO, workflow: 'other.yml', conclusion: 'failure' });
    expectRefused(
      await h.dispatch({ 'retry-of': String(parent) }),
      `run ${parent} is a run of .github/workflows/other.yml, not of ${WORKFLOW}`,
    );
  });

  it('refuses a parent of another repository, by id and by URL', async () => {
    h.gh.seedRepo({ repo: 'acme/elsewhere', files: { [WORKFLOW]: nightlyWorkflow() } });
    const parent = h.gh.addRun({
      repo: 'acme/elsewhere',
      workflow: 'nightly.yml',
      conclusion: 'failure',
    });
    expectRefused(
      await h.dispatch({ 'retry-of': String(parent) }),
      `run ${parent} was not found in ${REPO}`,
    );
    const byUrl = await h.dispatch({
      'retry-of': `https://github.com/acme/elsewhere/actions/runs/${parent}`,
    });
    expectRefused(byUrl, /acme\/elsewhere/);
  });

  it('refuses a tampered state file (checksum mismatch)', async () => {
    const runId = seedParent(null);
    const runResults = new TextDecoder().decode(
      first.files['state/dbt-run/target/run_results.json'],
    );
    h.gh.addArtifact({
      runId,
      name: 'gh-retry-nightly-1',
      files: {
        'record.json': recordFor(runId),
        'state/dbt-seed/target/run_results.json':
          first.files['state/dbt-seed/target/run_results.json']!,
        'state/dbt-run/target/run_results.json': runResults.replace('"error"', '"success"'),
      },
    });
    expectRefused(
      await h.dispatch({ 'retry-of': String(runId) }),
      'does not match its checksum in the record',
    );
  });

  it('refuses a record that is not schema-valid, or names another run', async () => {
    const invalid = seedParent(null);
    const hacked = recordFor(invalid).replace('"status": "failed"', '"status": "hacked"');
    h.gh.addArtifact({
      runId: invalid,
      name: 'gh-retry-nightly-1',
      files: { 'record.json': hacked },
    });
    expectRefused(
      await h.dispatch({ 'retry-of': String(invalid) }),
      /record\.json of "gh-retry-nightly-1" is not a valid run record: status/,
    );
    const other = seedParent({ files: { 'record.json': recordFor(first.runId) } });
    expectRefused(
      await h.dispatch({ 'retry-of': String(other) }),
      `does not belong to run ${other}`,
    );
  });

  it('refuses an oversized record without parsing it', async () => {
    const runId = seedParent({
      files: { 'record.json': new Uint8Array(9 * 1024 * 1024).fill(0x20) },
    });
    expectRefused(await h.dispatch({ 'retry-of': String(runId) }), 'at most 8388608 are read');
  });

  it('refuses a zip with ../ entries and writes nothing from it', async () => {
    const runId = seedParent(null);
    const zip = zipSync({
      'record.json': strToU8(recordFor(runId)),
      '../../escaped.sh': strToU8('echo pwned'),
    });
    h.gh.addArtifact({ runId, name: 'gh-retry-nightly-1', zip });
    const run = await h.dispatch({ 'retry-of': String(runId) });
    expectRefused(run, 'zip entry "../../escaped.sh" is not a safe relative path');
  });

  it('rejects an invalid input with a message naming it and the allowed values', async () => {
    const run = await h.dispatch({ 'retry-of': String(first.runId), 'retry-mode': 'sometimes' });
    expectRefused(
      run,
      'Invalid input "retry-mode": "sometimes"; allowed: from-failure, all, from STEP, only STEP[,STEP…]',
    );
    expect(run.job.main?.outputs).toMatchObject({ status: 'failed', 'failed-steps': '' });
  });

  it('fails clearly when another step of the run already uploaded a record under the same name', async () => {
    h.scenario.failing = [];
    h.scenario.beforeJob = (runId) => {
      h.gh.addArtifact({ runId, name: 'gh-retry-nightly-1', files: { 'other-step.txt': 'first' } });
    };
    const run = await h.dispatch();
    h.scenario.beforeJob = undefined;
    h.scenario.failing = [...MODELS.failing];
    expect(run.conclusion).toBe('failure');
    expect(errorOf(run)).toBe(
      'This run already has an artifact "gh-retry-nightly-1": give each gh-retry step of a job, and each leg of a matrix, its own "name" input',
    );
    expect(run.job.main?.outputs).toMatchObject({ status: 'success' });
    expect(run.files).toEqual({ 'other-step.txt': new TextEncoder().encode('first') });
    expect(run.job.post?.stdout).toContain('Nothing to upload: the main step reported why');
  });
});
