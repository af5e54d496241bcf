// Progress is never lost across a chain (README): a retry whose `dbt retry` ended without node
// results (exit 2 before any node ran, as on a connection error) keeps the node results it was
// retrying from, so the next retry resumes from them with `dbt retry`, not `dbt run` from scratch.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makeProject } from '../dbt-emulator/make-project.mjs';
import type { GeneratedProject } from '../dbt-emulator/make-project.mjs';
import { emulatedDbtPath, useCliFolder } from '../support/cli.js';

const SCHEDULE = `name: nightly
steps:
  - dbt seed
  - dbt run
  - dbt test
`;

describe('a chain with a dbt retry that ended without node results in the middle', () => {
  const { dir, work, cli } = useCliFolder('chain', {
    folder: 'project',
    env: (folder) => ({
      PATH: emulatedDbtPath(),
      DBT_EMULATOR_TRACE: path.join(folder, 'trace.jsonl'),
      DO_NOT_TRACK: '1',
    }),
  });
  const trace = path.join(dir, 'trace.jsonl');
  const runId = (stdout: string) => /^run (r-\S+): nightly/m.exec(stdout)![1]!;
  /** The models a `dbt` invocation of the given kind executed, from the emulator's trace. */
  const executedBy = (which: string) => {
    const lines = readFileSync(trace, 'utf8').trim().split('\n');
    return lines
      .map((line) => JSON.parse(line) as { which: string; unique_id: string })
      .filter((entry) => entry.which === which && entry.unique_id.startsWith('model.'))
      .map((entry) => entry.unique_id);
  };
  let project: GeneratedProject;
  let broken: string;

  beforeAll(() => {
    const probe = makeProject({ dir: work, models: 12 });
    // A model nothing depends on, so the one model a resumed retry runs is the broken one.
    const parents = Object.values(probe.parents).flat();
    broken = probe.models.find((model) => !parents.includes(model))!;
    project = makeProject({ dir: work, models: 12, fail: [broken] });
    writeFileSync(path.join(work, 'gh-retry.yml'), SCHEDULE);
  });

  it('resumes from the last node results after the middle retry exited 2', async () => {
    const first = await cli('run');
    expect(first.exitCode).toBe(1);
    const firstId = runId(first.stdout);

    // The retry's dbt retry fails before any node runs (exit 2) and writes no run_results.json.
    writeFileSync(
      path.join(work, '.dbt-emulator.yml'),
      'error_before_nodes: { message: "Database Error: connection refused", commands: [retry] }\n',
    );
    const middle = await cli('retry', firstId);
    expect(middle.exitCode).toBe(1);
    const middleId = runId(middle.stdout);
    const shown = JSON.parse((await cli('show', middleId, '--json')).stdout) as {
      steps: { id: string; exitCode: number | null; executed: string | null }[];
    };
    const dbtRun = shown.steps.find((s) => s.id === 'dbt-run')!;
    expect(dbtRun.executed).toContain('dbt retry --state');
    expect(dbtRun.exitCode).toBe(2);

    // Fixed: the next retry resumes with dbt retry from the node results of the first run.
    rmSync(path.join(work, '.dbt-emulator.yml'));
    rmSync(trace, { force: true });
    const plan = await cli('plan', middleId);
    expect(plan.stdout).toContain(`resuming from the results of run ${firstId}`);
    const last = await cli('retry', middleId);
    expect(last.exitCode).toBe(0);
    expect(last.stdout).toContain(
      `dbt retry --state ${path.join(work, '.gh-retry/runs', middleId)}`,
    );
    // Only the failed model ran again, not the whole `dbt run`.
    expect(executedBy('run')).toEqual([`model.${project.projectName}.${broken}`]);
  });
});
