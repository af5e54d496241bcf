// Writing to a closed pipe (`gh-retry … | head -1`) never crashes gh-retry and never changes what
// a running schedule does: the run goes on and is recorded.
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { execa } from 'execa';
import { describe, expect, it } from 'vitest';
import { baseEnv, cliCommand, useTempDir, runCli } from '../support/cli.js';

const temp = useTempDir('pipe');

const quote = (word: string) => `'${word.replaceAll("'", "'\\''")}'`;

describe('gh-retry writing to a closed pipe', () => {
  it('finishes the run, records it and prints no EPIPE error', async () => {
    const cwd = path.join(temp.dir, 'run');
    mkdirSync(cwd);
    const cli = [process.execPath, ...cliCommand()].map(quote).join(' ');
    const piped = await execa('sh', ['-c', `${cli} run --command 'seq 1 200000' | head -1`], {
      cwd,
      env: baseEnv(),
      extendEnv: false,
      reject: false,
    });
    expect(piped.stdout).toMatch(/^run r-\S+: schedule/);
    expect(piped.stderr).not.toContain('EPIPE');
    const shown = JSON.parse((await runCli(['show', 'last', '--json'], { cwd })).stdout);
    expect(shown.status).toBe('success');
  });
});
