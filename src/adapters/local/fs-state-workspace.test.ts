import { createHash } from 'node:crypto';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RunRecordError } from '../../core/errors.js';
import { createFsStateWorkspace } from './fs-state-workspace.js';

let root: string;
let workDir: string;
let stateRoot: string;
let outside: string;

beforeEach(() => {
  root = realpathSync(mkdtempSync(path.join(tmpdir(), 'gh-retry-ws-')));
  workDir = path.join(root, 'work');
  stateRoot = path.join(root, 'state');
  outside = path.join(root, 'outside');
  for (const dir of [workDir, stateRoot, outside]) mkdirSync(dir);
});
afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function put(file: string, content: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

const sha = (text: string) => createHash('sha256').update(text).digest('hex');

describe('saveState', () => {
  it('copies existing files into <stateRoot>/<step-id>/<path> with size and sha256', async () => {
    put(path.join(workDir, 'target/run_results.json'), '{"results":[]}');
    const ws = createFsStateWorkspace({ workDir });
    const saved = await ws.saveState({
      stateRoot,
      stepId: 'dbt-run',
      paths: ['./target/run_results.json', 'target/missing.json'],
    });
    expect(saved.files).toEqual([
      {
        requested: './target/run_results.json',
        file: {
          path: 'target/run_results.json',
          stored: 'dbt-run/target/run_results.json',
          bytes: 14,
          sha256: sha('{"results":[]}'),
        },
      },
    ]);
    expect(saved.skipped).toEqual([]);
    expect(readFileSync(path.join(stateRoot, 'dbt-run/target/run_results.json'), 'utf8')).toBe(
      '{"results":[]}',
    );
  });

  it.each([
    ['a path outside the working directory', '../outside/secret', 'outside the working directory'],
    ['an absolute path outside', '/etc/passwd', 'outside the working directory'],
    ['a file that is a link', 'linked-file', 'linked-file is a link'],
    ['a file under a linked folder', 'linked-dir/secret', 'linked-dir is a link'],
    ['a folder', 'folder', 'not a regular file'],
  ])('skips %s and says why', async (_name, wanted, reason) => {
    put(path.join(outside, 'secret'), 'do not copy');
    symlinkSync(path.join(outside, 'secret'), path.join(workDir, 'linked-file'));
    symlinkSync(outside, path.join(workDir, 'linked-dir'));
    mkdirSync(path.join(workDir, 'folder'));
    const ws = createFsStateWorkspace({ workDir });
    const saved = await ws.saveState({ stateRoot, stepId: 'step', paths: [wanted] });
    expect(saved.files).toEqual([]);
    expect(saved.skipped).toEqual([{ path: wanted, reason }]);
    expect(existsSync(path.join(stateRoot, 'step'))).toBe(false);
  });
});

describe('readState', () => {
  it('reads saved files keyed by their stored path, leaving out tampered and linked ones', async () => {
    put(path.join(workDir, 'a.json'), 'A');
    put(path.join(workDir, 'b.json'), 'B');
    const ws = createFsStateWorkspace({ workDir });
    const saved = await ws.saveState({ stateRoot, stepId: 's', paths: ['a.json', 'b.json'] });
    const files = saved.files.map((f) => f.file);
    writeFileSync(path.join(stateRoot, 's/b.json'), 'tampered');
    const linked = { path: 'c.json', stored: 's/c.json', bytes: 1, sha256: sha('C') };
    put(path.join(outside, 'c.json'), 'C');
    symlinkSync(path.join(outside, 'c.json'), path.join(stateRoot, 's/c.json'));
    const contents = await ws.readState({ stateRoot, files: [...files, linked] });
    expect([...contents]).toEqual([['s/a.json', 'A']]);
  });
});

describe('readWorkingFiles', () => {
  it('reads small files inside the working directory, never through a link or outside it', async () => {
    put(path.join(workDir, 'proj/dbt_project.yml'), 'target-path: build\n');
    put(path.join(outside, 'dbt_project.yml'), 'target-path: stolen\n');
    symlinkSync(outside, path.join(workDir, 'linked'));
    put(path.join(workDir, 'big.yml'), 'x'.repeat(2 * 1024 * 1024));
    const ws = createFsStateWorkspace({ workDir });
    const read = await ws.readWorkingFiles({
      paths: [
        'proj/dbt_project.yml',
        'linked/dbt_project.yml',
        '../outside/dbt_project.yml',
        'big.yml',
        'none.yml',
      ],
    });
    expect([...read]).toEqual([['proj/dbt_project.yml', 'target-path: build\n']]);
  });
});

describe('restoreState', () => {
  it('puts saved files back, creating folders and replacing what is there', async () => {
    put(path.join(stateRoot, 'pytest/.pytest_cache/v/cache/lastfailed'), '{"t::a": true}');
    put(path.join(workDir, 'other/lastfailed'), 'old');
    const ws = createFsStateWorkspace({ workDir });
    await ws.restoreState({
      stateRoot,
      files: [
        { from: 'pytest/.pytest_cache/v/cache/lastfailed', to: '.pytest_cache/v/cache/lastfailed' },
        { from: 'pytest/.pytest_cache/v/cache/lastfailed', to: 'other/lastfailed' },
      ],
    });
    expect(readFileSync(path.join(workDir, '.pytest_cache/v/cache/lastfailed'), 'utf8')).toBe(
      '{"t::a": true}',
    );
    expect(readFileSync(path.join(workDir, 'other/lastfailed'), 'utf8')).toBe('{"t::a": true}');
  });

  it('replaces a link at the target instead of writing through it', async () => {
    put(path.join(stateRoot, 's/file'), 'new');
    put(path.join(outside, 'victim'), 'untouched');
    symlinkSync(path.join(outside, 'victim'), path.join(workDir, 'file'));
    await createFsStateWorkspace({ workDir }).restoreState({
      stateRoot,
      files: [{ from: 's/file', to: 'file' }],
    });
    expect(lstatSync(path.join(workDir, 'file')).isSymbolicLink()).toBe(false);
    expect(readFileSync(path.join(workDir, 'file'), 'utf8')).toBe('new');
    expect(readFileSync(path.join(outside, 'victim'), 'utf8')).toBe('untouched');
  });

  it.each([
    [
      'a target that climbs out',
      { from: 's/file', to: '../outside/victim' },
      /not a safe relative path/,
    ],
    ['an absolute target', { from: 's/file', to: '/tmp/victim' }, /not a safe relative path/],
    [
      'a source that climbs out',
      { from: '../outside/victim', to: 'file' },
      /not a safe relative path/,
    ],
    [
      'a target under a linked folder',
      { from: 's/file', to: 'linked/victim' },
      /linked is not a folder/,
    ],
    ['a source that is a link', { from: 's/link', to: 'file' }, /s\/link is a link/],
    ['a missing source', { from: 's/none', to: 'file' }, /it is missing/],
  ])('rejects %s and touches nothing outside', async (_name, file, message) => {
    put(path.join(stateRoot, 's/file'), 'new');
    put(path.join(outside, 'victim'), 'untouched');
    symlinkSync(outside, path.join(workDir, 'linked'));
    symlinkSync(path.join(outside, 'victim'), path.join(stateRoot, 's/link'));
    const restore = createFsStateWorkspace({ workDir }).restoreState({ stateRoot, files: [file] });
    await expect(restore).rejects.toThrow(RunRecordError);
    await expect(restore).rejects.toThrow(message);
    expect(readFileSync(path.join(outside, 'victim'), 'utf8')).toBe('untouched');
    expect(existsSync(path.join(workDir, 'file'))).toBe(false);
  });
});
