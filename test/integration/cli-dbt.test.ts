// The gh-retry CLI end to end with the dbt emulator (simulated dbt-core, see test/dbt-emulator):
// a run fails at `dbt run`; retries reuse what succeeded, run `dbt retry --state …` for only the
// failed and skipped models, then `dbt test`; lineage, JSON contracts and errors along the way.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeProject } from '../dbt-emulator/make-project.mjs';
import type { GeneratedProject } from '../dbt-emulator/make-project.mjs';
import { emulatedDbtPath, useCliFolder } from '../support/cli.js';
import { descendants } from '../support/dbt-projects.mjs';

const SCHEDULE = `name: nightly
steps:
  - dbt deps
  - dbt seed
  - dbt run
  - dbt test
`;

const id = (project: GeneratedProject, model: string) => `model.${project.projectName}.${model}`;

describe('gh-retry run and retry with the dbt emulator', () => {
  const { work, cli } = useCliFolder('dbt', {
    folder: 'project',
    env: () => ({ PATH: emulatedDbtPath() }),
  });
  const showJson = async (ref = 'last') => JSON.parse((await cli('show', ref, '--json')).stdout);
  /** The run_results.json a run saved for its dbt-run step. */
  const savedRunResults = (runId: string) =>
    JSON.parse(
      readFileSync(
        path.join(work, '.gh-retry/runs', runId, 'state/dbt-run/target/run_results.json'),
        'utf8',
      ),
    ) as { args: { which: string }; results: { unique_id: string; status: string }[] };

  let project: GeneratedProject;
  let first: string; // two models fail
  let second: string; // one of them fixed
  let a: string;
  let b: string;

  beforeAll(() => {
    // Two failing models, neither downstream of the other, each with models downstream.
    const probe = makeProject({ dir: work, models: 20 });
    const candidates = probe.models.filter((m) => descendants(probe, m).length > 0);
    a = candidates[0]!;
    b = candidates.find((m) => m !== a && !descendants(probe, a).includes(m))!;
    project = makeProject({ dir: work, models: 20, fail: [a, b] });
    writeFileSync(path.join(work, 'gh-retry.yml'), SCHEDULE);
  });

  it('fails at dbt run, records the node picture and says how to retry', async () => {
    const run = await cli('run');
    expect(run.exitCode).toBe(1);
    first = /^run (r-\S+): nightly/m.exec(run.stdout)![1]!;
    expect(run.stdout).toContain(`retry from failure with: gh-retry retry ${first}`);
    const shown = await showJson();
    expect(Object.keys(shown)).toEqual(['id', 'status', 'lineage', 'steps']);
    expect(shown).toMatchObject({
      id: first,
      status: 'failed',
      lineage: { parent: null, root: first, retryNumber: 0, mode: null },
    });
    expect(shown.steps.map((s: { id: string; status: string }) => `${s.id} ${s.status}`)).toEqual([
      'dbt-deps success',
      'dbt-seed success',
      'dbt-run failed',
      'dbt-test skipped',
    ]);
    const runStep = shown.steps[2];
    expect(Object.keys(runStep)).toEqual([
      'id',
      'command',
      'executed',
      'status',
      'exitCode',
      'nodes',
    ]);
    expect(runStep.exitCode).toBe(1);
    expect([...runStep.nodes.failed].sort()).toEqual([id(project, a), id(project, b)].sort());
    const skipped = [...descendants(project, a), ...descendants(project, b)];
    expect([...runStep.nodes.skipped].sort()).toEqual(
      [...new Set(skipped.map((m) => id(project, m)))].sort(),
    );
    expect(runStep.nodes.counts).toEqual({
      success: 20 - 2 - runStep.nodes.skipped.length,
      error: 2,
      skipped: runStep.nodes.skipped.length,
    });
  });

  it('plans a retry from failure: setup again, reuse the seed, dbt retry, then dbt test', async () => {
    const plan = await cli('plan', '--json');
    expect(plan.exitCode).toBe(0);
    const json = JSON.parse(plan.stdout);
    expect(Object.keys(json)).toEqual(['parent', 'mode', 'nothingToRetry', 'steps']);
    const stateDir = path.join(work, '.gh-retry/runs', first, 'state/dbt-run/target');
    expect(json).toEqual({
      parent: first,
      mode: 'from-failure',
      nothingToRetry: false,
      steps: [
        {
          id: 'dbt-deps',
          command: 'dbt deps',
          action: 'setup',
          exec: 'dbt deps',
          reason: expect.any(String),
        },
        {
          id: 'dbt-seed',
          command: 'dbt seed',
          action: 'reuse',
          exec: null,
          reason: expect.any(String),
        },
        {
          id: 'dbt-run',
          command: 'dbt run',
          action: 'retry',
          exec: `dbt retry --state ${stateDir}`,
          reason: expect.any(String),
        },
        {
          id: 'dbt-test',
          command: 'dbt test',
          action: 'run',
          exec: 'dbt test',
          reason: expect.any(String),
        },
      ],
    });
  });

  it('retries only the failed and skipped models; one still fails', async () => {
    writeFileSync(path.join(work, '.dbt-emulator.yml'), `fail:\n  ${b}: still broken\n`);
    const firstFailed = savedRunResults(first).results.filter((r) => r.status !== 'success');
    const retry = await cli('retry');
    expect(retry.exitCode).toBe(1);
    second = /^run (r-\S+): nightly/m.exec(retry.stdout)![1]!;
    expect(retry.stdout).toContain('dbt retry --state');
    const rerun = savedRunResults(second);
    expect(rerun.args.which).toBe('run');
    expect(rerun.results.map((r) => r.unique_id).sort()).toEqual(
      firstFailed.map((r) => r.unique_id).sort(),
    );
    const shown = await showJson();
    expect(shown.lineage).toEqual({
      parent: first,
      root: first,
      retryNumber: 1,
      mode: 'from-failure',
    });
    const runStep = shown.steps[2];
    expect(runStep.nodes.failed).toEqual([id(project, b)]);
    // The merged picture: every model of the project, the fixed ones now successes.
    expect(runStep.nodes.counts).toEqual({
      success: 20 - 1 - descendants(project, b).length,
      error: 1,
      skipped: descendants(project, b).length,
    });
  });

  it('a retry of the retry re-runs only what is still failing and completes the chain', async () => {
    rmSync(path.join(work, '.dbt-emulator.yml'));
    const stillFailing = savedRunResults(second).results.filter((r) => r.status !== 'success');
    const retry = await cli('retry', 'last');
    expect(retry.exitCode).toBe(0);
    const third = /^run (r-\S+): nightly/m.exec(retry.stdout)![1]!;
    expect(retry.stdout).toContain(
      `dbt retry --state ${path.join(work, '.gh-retry/runs', second)}`,
    );
    const rerun = savedRunResults(third);
    expect(rerun.results.map((r) => r.unique_id).sort()).toEqual(
      stillFailing.map((r) => r.unique_id).sort(),
    );
    expect(rerun.results.every((r) => r.status === 'success')).toBe(true);
    const shown = await showJson(third);
    expect(shown.status).toBe('success');
    expect(shown.lineage).toEqual({
      parent: second,
      root: first,
      retryNumber: 2,
      mode: 'from-failure',
    });
    expect(shown.steps.map((s: { id: string; status: string }) => `${s.id} ${s.status}`)).toEqual([
      'dbt-deps success',
      'dbt-seed reused',
      'dbt-run success',
      'dbt-test success',
    ]);
    expect(shown.steps[2].nodes).toEqual({ counts: { success: 20 }, failed: [], skipped: [] });
    expect(shown.steps[3].executed).toBe('dbt test');
    const history = await cli('history');
    expect(history.stdout).toContain(`retry 2 of ${first}, from ${second}`);
  });

  it('has nothing to retry after a success, and still records the run', async () => {
    const retry = await cli('retry');
    expect(retry.exitCode).toBe(0);
    expect(retry.stdout).toContain('nothing to retry');
    const shown = await showJson();
    expect(shown.steps.map((s: { status: string }) => s.status)).toEqual([
      'skipped',
      'reused',
      'reused',
      'reused',
    ]);
    expect(shown.lineage.retryNumber).toBe(3);
  });

  it.each([
    ['--from dbt-run', ['--from', 'dbt-run'], ['setup', 'reuse', 'run', 'run']],
    ['--only dbt-test', ['--only', 'dbt-test'], ['setup', 'reuse', 'reuse', 'run']],
    ['--all', ['--all'], ['setup', 'run', 'run', 'run']],
  ])('plans %s', async (_name, flags, actions) => {
    const plan = JSON.parse((await cli('plan', '--json', ...flags)).stdout);
    expect(plan.steps.map((s: { action: string }) => s.action)).toEqual(actions);
  });

  it('runs only the named step with --only, reusing the rest', async () => {
    const retry = await cli('retry', '--only', 'dbt-test');
    expect(retry.exitCode).toBe(0);
    const shown = await showJson();
    expect(shown.lineage.mode).toBe('only dbt-test');
    expect(shown.steps.map((s: { status: string }) => s.status)).toEqual([
      'success',
      'reused',
      'reused',
      'success',
    ]);
  });

  it.each([
    ['a wrong flag', ['retry', '--bogus'], /^gh-retry: unknown option '--bogus'/],
    ['a missing run', ['show', 'r-19990101-000000-000-0000'], /^gh-retry: no run "r-19990101/],
    [
      'an unknown step',
      ['plan', '--only', 'nope'],
      /^gh-retry: .*nope.*dbt-deps, dbt-seed, dbt-run, dbt-test/,
    ],
    [
      '--from a step that did not succeed',
      ['plan', 'FIRST', '--from', 'dbt-test'],
      /^gh-retry: .*dbt-run/,
    ],
    [
      'two modes at once',
      ['retry', '--all', '--from', 'dbt-run'],
      /^gh-retry: option '--all' cannot be used with option '--from <step>'/,
    ],
  ])('reports %s in one line and exits 2', async (_name, args, message) => {
    const result = await cli(...args.map((arg) => (arg === 'FIRST' ? first : arg)));
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
