// Everyday CLI details: --version, and counts in words ("1 step", "2 steps").
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CliContext } from './cli-context.js';
import { runCli } from './program.js';

function capture(): { context: CliContext; out: () => string } {
  let out = '';
  const context: CliContext = {
    cwd: process.cwd(),
    env: {},
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
