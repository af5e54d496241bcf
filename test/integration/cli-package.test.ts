/**
 * gh-retry installs where users work: the files `npm pack` ships (and `npm install -g` from a
 * clone or a tarball installs) hold a working `gh-retry` command, run through the symlink npm
 * makes for `bin`, and the extension script `gh extension install` links to. No network.
 */
import { execFileSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { spawnScript } from '../support/e2e/remote-cli.js';
import { REPO_ROOT } from '../support/action/harness.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'gh-retry-package-'));
afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

function packedFiles(): string[] {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: { ...process.env, npm_config_offline: 'true', npm_config_update_notifier: 'false' },
  });
  const [pack] = JSON.parse(out) as { files: { path: string }[] }[];
  return (pack?.files ?? []).map((file) => file.path);
}

describe('the npm package and the extension script', { timeout: 120_000 }, () => {
  const pkg = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as {
    bin: Record<string, string>;
  };
  const files = packedFiles();

  it('ships the CLI bundle its bin names and the extension script, not the sources or tests', () => {
    expect(pkg.bin['gh-retry']).toBe('dist/cli/index.js');
    expect(files).toEqual(
      expect.arrayContaining(['dist/cli/index.js', 'gh-retry', 'package.json']),
    );
    expect(
      files.filter((file) => /^(test|src|app|action|node_modules|\.gh-retry)\//.test(file)),
    ).toEqual([]);
    for (const file of ['dist/cli/index.js', 'gh-retry']) {
      expect(statSync(path.join(REPO_ROOT, file)).mode & 0o111).not.toBe(0);
      expect(readFileSync(path.join(REPO_ROOT, file), 'utf8')).toMatch(
        /^#!\/(usr\/)?bin\/(env node|sh)\n/,
      );
    }
  });

  it('runs from an install of those files alone, through symlinks, from another folder', async () => {
    const installed = path.join(scratch, 'lib', 'node_modules', 'gh-retry');
    for (const file of files) {
      mkdirSync(path.dirname(path.join(installed, file)), { recursive: true });
      cpSync(path.join(REPO_ROOT, file), path.join(installed, file));
    }
    const bin = path.join(scratch, 'bin');
    mkdirSync(bin);
    symlinkSync(path.join(installed, 'dist/cli/index.js'), path.join(bin, 'gh-retry'));
    symlinkSync(path.join(installed, 'gh-retry'), path.join(bin, 'gh-retry-extension'));
    const project = path.join(scratch, 'my-dbt-project');
    mkdirSync(project);
    const env = { PATH: process.env.PATH ?? '' };
    for (const file of ['gh-retry', 'gh-retry-extension']) {
      const help = await spawnScript({
        file: path.join(bin, file),
        args: ['retry', '--help'],
        cwd: project,
        env,
      });
      expect(help.stderr).toBe('');
      expect(help.code).toBe(0);
      expect(help.stdout).toContain('Usage: gh-retry retry [options] [run]');
      const unknown = await spawnScript({
        file: path.join(bin, file),
        args: ['show', 'acme/w#x'],
        cwd: project,
        env,
      });
      expect(unknown.code).toBe(2);
    }
  });
});
