// Everyday CLI details: --version, and counts in words ("1 step", "2 steps").
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliContext } from './cli-context.js';
import { runCli } from './program.js';

function capture(cwd = process.cwd()): { context: CliContext; out: () => string } {
  let out = '';
  const context: CliContext = {
    cwd,
    env: { PATH: process.env.PATH, HOME: cwd },
    stdout: (text) => {
      out += text;
    },
    stderr: (text) => {
      out += text;
    },
    onSignal: () => () => undefined,
  };
  return { context, out: () => out };
}

describe('gh-retry --version', () => {
  it('prints the version of package.json and exits 0', async () => {
    const manifest = JSON.parse(
      readFileSync(path.join(import.meta.dirname, '../package.json'), 'utf8'),
    ) as { version: string };
    const { context, out } = capture();
    expect(await runCli(['--version'], context)).toBe(0);
    expect(out()).toBe(`${manifest.version}\n`);
  });
});

describe('counts in words', () => {
  it('says "1 step" and "2 steps"', async () => {
    const cwd = realpathSync(mkdtempSync(path.join(tmpdir(), 'gh-retry-words-')));
    try {
      const one = capture(cwd);
      expect(await runCli(['run', '--command', 'true'], one.context)).toBe(0);
      expect(one.out()).toMatch(/^run r-\S+: schedule \(1 step\)$/m);
      const two = capture(cwd);
      await runCli(['run', '--command', 'true', '--command', 'true'], two.context);
      expect(two.out()).toMatch(/^run r-\S+: schedule \(2 steps\)$/m);
    } finally {
      rmSync(cwd, { recursive: true, force: true });
    }
  });
});
