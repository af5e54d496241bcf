// The gh-retry CLI as a process: help everywhere, concurrent runs sharing one store, Ctrl-C.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProcStat } from '../../src/adapters/local/process-runner.js';
import { bundledCli, useTempDir, runCli, startCli } from '../support/cli.js';
import { execa } from 'execa';

const temp = useTempDir('cli');

/** True while a process with this pid runs (a zombie waiting to be reaped has stopped). */
function isAlive(pid: number): boolean {
  const stat = readProcStat(String(pid));
  return stat !== null && stat.state !== 'Z' && stat.state !== 'X';
}

// Usage for every command is tested in process (cli/program.test.ts); here, one per path.
describe('gh-retry --help', () => {
  it('prints usage and exits 0 from source, as a process', async () => {
    const result = await runCli(['--help'], { cwd: temp.dir });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^Usage: gh-retry /);
  });

  it.skipIf(!existsSync(bundledCli))(
    'works from the bundled bin, as npx gh-retry runs it',
    async () => {
      expect(readFileSync(bundledCli, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
      const result = await execa(bundledCli, ['history', '--help'], {
        cwd: temp.dir,
        reject: false,
      });
      expect(result.exitCode).toBe(0);
      expect(result.stdout).toContain('Usage: gh-retry history');
    },
  );
});

describe('gh-retry run', () => {
  it('keeps concurrent runs in one store apart', async () => {
    const cwd = path.join(temp.dir, 'parallel');
    await execa('mkdir', ['-p', cwd]);
    const runs = await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        runCli(['run', '--name', `job-${n}`, '--command', `echo out-${n}`], { cwd }),
      ),
    );
    expect(runs.map((r) => r.exitCode)).toEqual([0, 0, 0, 0, 0]);
    const history = JSON.parse((await runCli(['history', '--json'], { cwd })).stdout);
    expect(history).toHaveLength(5);
    expect(new Set(history.map((h: { id: string }) => h.id)).size).toBe(5);
    for (const entry of history) {
      const shown = await runCli(['show', entry.id], { cwd });
      const n = /job-(\d)/.exec(entry.name)![1]!;
      expect(shown.stdout).toContain(`echo out-${n}`);
    }
  });

  it('on Ctrl-C stops the running step and its children, saves the record, and exits 130', async () => {
    const cwd = path.join(temp.dir, 'interrupt');
    await execa('mkdir', ['-p', cwd]);
    const cli = startCli(
      ['run', '--command', 'sleep 60 & echo "child $!"; wait', '--command', 'echo never'],
      {
        cwd,
      },
    );
    let output = '';
    const child = await new Promise<number>((resolve) => {
      cli.stdout.on('data', (data: Buffer) => {
        output += data.toString();
        const match = /child (\d+)/.exec(output);
        if (match) resolve(Number(match[1]));
      });
    });
    cli.kill('SIGINT');
    const result = await cli;
    expect(result.exitCode).toBe(130);
    expect(result.stderr).toContain('SIGINT received');
    expect(isAlive(child)).toBe(false);
    const shown = JSON.parse((await runCli(['show', '--json'], { cwd })).stdout);
    expect(shown.status).toBe('cancelled');
    expect(shown.steps.map((s: { status: string }) => s.status)).toEqual(['cancelled', 'skipped']);
  });
});
