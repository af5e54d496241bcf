// Retrying a run without typing its schedule again: `retry RUN` and `plan RUN` with no schedule
// flag use the run's own schedule (the commands it was given, or the file it was read from, as
// that file is now); another schedule only when passed, and the plan says which steps matched.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir, runCli } from '../support/cli.js';

const temp = useTempDir('own-schedule');

function folder(name: string): {
  cwd: string;
  cli: (...args: string[]) => ReturnType<typeof runCli>;
} {
  const cwd = path.join(temp.dir, name);
  mkdirSync(cwd);
  return { cwd, cli: (...args) => runCli(args, { cwd }) };
}
const runId = (stdout: string) => /^run (r-\S+):/m.exec(stdout)![1]!;

describe('gh-retry retry RUN with no schedule flag', () => {
  it('retries a --command run with the commands it recorded, even with a gh-retry.yml present', async () => {
    const { cwd, cli } = folder('commands');
    writeFileSync(path.join(cwd, 'gh-retry.yml'), 'steps:\n  - echo other schedule\n');
    const first = await cli('run', '--command', 'echo one', '--command', 'test -f fixed');
    expect(first.exitCode).toBe(1);
    const id = runId(first.stdout);
    const plan = await cli('plan', id);
    expect(plan.exitCode).toBe(0);
    expect(plan.stdout).toContain(`schedule: the commands run ${id} was given`);
    writeFileSync(path.join(cwd, 'fixed'), '');
    const retry = await cli('retry', id);
    expect(retry.exitCode).toBe(0);
    expect(retry.stdout).not.toContain('other schedule');
    const shown = JSON.parse((await cli('show', 'last', '--json')).stdout);
    expect(shown.steps.map((s: { id: string; status: string }) => [s.id, s.status])).toEqual([
      ['echo-one', 'reused'],
      ['test', 'success'],
    ]);
  });

  it('re-reads the schedule file a run was made from, as it is now', async () => {
    const { cwd, cli } = folder('file');
    mkdirSync(path.join(cwd, 'ci'));
    writeFileSync(path.join(cwd, 'ci/nightly.yml'), 'steps:\n  - echo a\n  - test -f fixed\n');
    const first = await cli('run', '--schedule', 'ci/nightly.yml');
    const id = runId(first.stdout);
    writeFileSync(path.join(cwd, 'fixed'), '');
    const plan = await cli('plan', id);
    expect(plan.stdout).toContain(
      `schedule: ${path.join(cwd, 'ci/nightly.yml')}, the file run ${id} was made from`,
    );
    expect((await cli('retry', id)).exitCode).toBe(0);
  });

  it('uses another schedule only when passed, and says which steps matched', async () => {
    const { cwd, cli } = folder('other');
    const first = await cli('run', '--command', 'echo one', '--command', 'test -f fixed');
    const id = runId(first.stdout);
    writeFileSync(path.join(cwd, 'other.yml'), 'steps:\n  - echo one\n  - echo new\n');
    const plan = await cli('plan', id, '--schedule', 'other.yml');
    expect(plan.stdout).toContain(
      `schedule: other.yml (given); steps matched with run ${id}: echo-one; new or changed: echo-new`,
    );
  });
});

describe('--command and the run argument', () => {
  it('never takes the run argument for a command', async () => {
    const { cli } = folder('swallow');
    const first = await cli('run', '--command', 'test -f fixed');
    const id = runId(first.stdout);
    const retry = await cli('retry', '--command', 'test -f fixed', 'last');
    expect(retry.stdout).toContain(`Plan: retry of ${id}`);
    const shown = JSON.parse((await cli('show', 'last', '--json')).stdout);
    expect(shown.steps.map((s: { id: string }) => s.id)).toEqual(['test']);
  });
});
