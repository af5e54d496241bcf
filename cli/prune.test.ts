// `gh-retry prune`: removes old runs by --keep and --older-than, never the last run of a chain
// that did not succeed, and removes nothing with --dry-run.
import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseAge } from './prune-command.js';
import { runCli } from './program.js';
import { captureCli } from '../test/support/cli-context.js';

const cwd = realpathSync(mkdtempSync(path.join(tmpdir(), 'gh-retry-prune-')));
afterAll(() => {
  rmSync(cwd, { recursive: true, force: true });
});

async function cli(...args: string[]): Promise<{ code: number; out: string }> {
  const { context, all } = captureCli(cwd);
  const code = await runCli(args, context);
  return { code, out: all() };
}

const idOf = (out: string) => /^run (r-\S+):/m.exec(out)?.[1] ?? '';
const runDir = (id: string) => path.join(cwd, '.gh-retry/runs', id);

describe('gh-retry prune', () => {
  it('keeps the newest runs and the last failed run of a chain, and says why', async () => {
    const failed = idOf((await cli('run', '--command', 'exit 1')).out);
    const retried = idOf((await cli('retry', failed)).out);
    const passed = idOf((await cli('run', '--command', 'true')).out);
    const newest = idOf((await cli('run', '--command', 'true')).out);

    const dry = await cli('prune', '--keep', '1', '--dry-run');
    expect(dry.code).toBe(0);
    expect(dry.out).toContain(`would remove ${failed}\n`);
    expect(dry.out).toContain(`would remove ${passed}\n`);
    expect(dry.out).toContain(`kept ${retried}: it is the last run of its chain and failed`);
    expect(dry.out).toContain('would remove 2 of 4 runs');
    expect([failed, retried, passed, newest].every((id) => existsSync(runDir(id)))).toBe(true);

    const real = await cli('prune', '--keep', '1');
    expect(real.out).toContain('removed 2 of 4 runs');
    expect(existsSync(runDir(failed))).toBe(false);
    expect(existsSync(runDir(passed))).toBe(false);
    const history = await cli('history');
    expect(history.out).toContain(retried);
    expect(history.out).toContain(newest);
    expect(history.out).not.toContain(passed);

    // Nothing is old enough: --older-than protects every run started since.
    const recent = await cli('prune', '--keep', '0', '--older-than', '1d');
    expect(recent.out).toContain('removed 0 of 2 runs');
  });

  it.each([
    [['prune'], 'say what to prune: --keep N'],
    [['prune', '--older-than', '30 days'], '--older-than takes a number of days or hours'],
    [['prune', '--keep', '-1'], '--keep takes a number of runs'],
  ])('refuses %j with one line and exit 2', async (args, message) => {
    const result = await cli(...args);
    expect(result.code).toBe(2);
    expect(result.out).toContain(message);
    expect(result.out.trimEnd().split('\n')).toHaveLength(1);
  });

  it.each([
    ['30d', 30 * 86_400_000],
    ['12h', 12 * 3_600_000],
  ])('reads the age %s', (text, ms) => {
    expect(parseAge(text)).toBe(ms);
  });
});
