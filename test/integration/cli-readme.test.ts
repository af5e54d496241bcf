// The README's CLI section is true for a user in a fresh folder: its commands (the first sh block
// under "### The CLI"), run one after the other with the built CLI, in a folder holding only a
// gh-retry.yml whose step fails until a file exists.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTempDir, repoRoot, runCli } from '../support/cli.js';

const temp = useTempDir('readme');

/** The `gh-retry …` lines of the CLI section's first sh block, comments and `[optional]` parts dropped. */
function readmeCliCommands(readme: string): string[][] {
  const section = readme.slice(readme.indexOf('### The CLI'));
  const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1] ?? '';
  return block
    .split('\n')
    .map((line) =>
      line
        .replace(/#.*$/, '')
        .replace(/\[[^\]]*\]/g, '')
        .trim(),
    )
    .filter((line) => line.startsWith('gh-retry '))
    .map((line) => line.split(/\s+/).slice(1));
}

describe("the README's CLI section", () => {
  const commands = readmeCliCommands(readFileSync(path.join(repoRoot, 'README.md'), 'utf8'));

  it('lists run, plan, retry, show, history, flaky and prune', () => {
    expect(commands.map((args) => args[0])).toEqual([
      'run',
      'plan',
      'retry',
      'show',
      'history',
      'flaky',
      'prune',
    ]);
  });

  it('works as written in a fresh folder', async () => {
    const cwd = temp.dir;
    writeFileSync(
      path.join(cwd, 'gh-retry.yml'),
      'name: readme\nsteps:\n  - run: echo setup\n  - run: test -f fixed\n',
    );
    const outcomes: { args: string; exitCode: number | undefined; stderr: string }[] = [];
    for (const args of commands) {
      // The failure is fixed after the first run, as a user would before retrying.
      if (args[0] === 'retry') writeFileSync(path.join(cwd, 'fixed'), '');
      const result = await runCli(args, { cwd });
      outcomes.push({ args: args.join(' '), exitCode: result.exitCode, stderr: result.stderr });
    }
    expect(outcomes.map((o) => [o.args, o.exitCode])).toEqual(
      commands.map((args) => [args.join(' '), args[0] === 'run' ? 1 : 0]),
    );
    expect(outcomes.every((o) => o.stderr === '')).toBe(true);
  });
});
