// Everyday CLI details: --version, and counts in words ("1 step", "2 steps").
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { inTempDir } from '../test/support/temp-dir.js';
import type { CliContext } from './cli-context.js';
import { runCli } from './program.js';
import { captureCli } from '../test/support/cli-context.js';

function capture(cwd = process.cwd()): { context: CliContext; out: () => string } {
  const captured = captureCli(cwd);
  return { context: captured.context, out: captured.all };
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
    await inTempDir('gh-retry-words', async (cwd) => {
      const one = capture(cwd);
      expect(await runCli(['run', '--command', 'true'], one.context)).toBe(0);
      expect(one.out()).toMatch(/^run r-\S+: schedule \(1 step\)$/m);
      const two = capture(cwd);
      await runCli(['run', '--command', 'true', '--command', 'true'], two.context);
      expect(two.out()).toMatch(/^run r-\S+: schedule \(2 steps\)$/m);
    });
  });
});

describe('store errors', () => {
  it('a file where the store should be: one line, exit 2, no stack trace', async () => {
    await inTempDir('gh-retry-store', async (cwd) => {
      writeFileSync(path.join(cwd, '.gh-retry'), 'not a folder');
      const { context, out } = capture(cwd);
      expect(await runCli(['run', '--command', 'true'], context)).toBe(2);
      expect(out()).toMatch(
        /^gh-retry: cannot use the run store or working folder: a file is where a folder should be \(.*\.gh-retry\/runs\); check/,
      );
      expect(out().trim().split('\n')).toHaveLength(1);
    });
  });

  it('history names the records it could not read', async () => {
    await inTempDir('gh-retry-store', async (cwd) => {
      await runCli(['run', '--command', 'true'], capture(cwd).context);
      const runs = path.join(cwd, '.gh-retry/runs');
      const id = readdirSync(runs).find((name) => name.startsWith('r-'));
      writeFileSync(
        path.join(runs, id!, 'record.json'),
        '{"kind": "gh-retry/run-record", "version": 99}',
      );
      const { context, out } = capture(cwd);
      expect(await runCli(['history'], context)).toBe(0);
      expect(out()).toContain(`gh-retry: left out run ${id!}, its record cannot be read:`);
    });
  });
});
