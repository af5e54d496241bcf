// A run still running is neither shown as cancelled nor retried; a run whose gh-retry process died
// (SIGKILL) is shown as interrupted; of two concurrent retries of one parent, one wins.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir, runCli, startCli, waitForStdout } from '../support/cli.js';

const temp = useTempDir('liveness');

describe('a run in progress and a run whose process died', () => {
  it('is shown as running and refused by retry, then shown as interrupted after a SIGKILL', async () => {
    const cwd = path.join(temp.dir, 'running');
    mkdirSync(cwd);
    const running = startCli(['run', '--command', 'echo "group $$"; sleep 60'], { cwd });
    const group = Number((await waitForStdout(running, /group (\d+)/))[1]);
    try {
      const shown = await runCli(['show', 'last'], { cwd });
      expect(shown.stdout).toMatch(/is still running \(process \d+\)/);
      const retry = await runCli(['retry', 'last'], { cwd });
      expect(retry.exitCode).toBe(2);
      expect(retry.stderr).toMatch(/is still running .*retry it when it has ended/);
      running.kill('SIGKILL');
      await running;
    } finally {
      // gh-retry was killed outright: stop the step's process group it could not stop.
      try {
        process.kill(-group, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    const after = await runCli(['show', 'last'], { cwd });
    expect(after.stdout).toMatch(/was interrupted: its gh-retry process \(\d+\) died/);
    const history = await runCli(['history'], { cwd });
    expect(history.stdout).toMatch(/r-\S+\s+interrupted/);
  });
});

describe('two concurrent retries of one parent', () => {
  it('lets one run and tells the other', async () => {
    const cwd = path.join(temp.dir, 'concurrent');
    mkdirSync(cwd);
    const first = await runCli(['run', '--command', 'test -f go && sleep 15'], { cwd });
    expect(first.exitCode).toBe(1);
    const parent = /^run (r-\S+):/m.exec(first.stdout)![1]!;
    writeFileSync(path.join(cwd, 'go'), '');
    const winner = startCli(['retry', parent], { cwd });
    await waitForStdout(winner, /^run r-\S+: /m);
    const loser = await runCli(['retry', parent], { cwd });
    expect(loser.exitCode).toBe(2);
    expect(loser.stderr).toContain(`run ${parent} is being retried by another gh-retry`);
    expect((await winner).exitCode).toBe(0);
    // Once the winner has ended, its claim is gone and the parent can be retried again.
    expect(existsSync(path.join(cwd, '.gh-retry/runs', parent, 'retry-claim.json'))).toBe(false);
  });
});
