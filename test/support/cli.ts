// Runs the gh-retry CLI as a separate process, the way a user does, from source (through tsx) so
// the tests exercise the code in the tree; GH_RETRY_TEST_CLI=dist runs the bundled bin instead.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  realpathSync,
  rmSync,
  symlinkSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { execa } from 'execa';
import { afterAll, beforeAll } from 'vitest';
import { EMULATOR_BIN_DIR } from '../dbt-emulator/make-project.mjs';

/** The repository root. */
export const repoRoot = path.resolve(import.meta.dirname, '../..');

/** The bundled CLI (`bin` of package.json). */
export const bundledCli = path.join(repoRoot, 'dist/cli/index.js');

const tsxLoader = pathToFileURL(path.join(repoRoot, 'node_modules/tsx/dist/loader.mjs')).href;
const sourceCli = path.join(repoRoot, 'cli/main.ts');

/** How a CLI process ended and what it printed. */
export interface CliResult {
  readonly exitCode: number | undefined;
  readonly stdout: string;
  readonly stderr: string;
}

/** The node arguments that start the CLI. */
export function cliCommand(): string[] {
  if (process.env.GH_RETRY_TEST_CLI === 'dist') return [bundledCli];
  return ['--import', tsxLoader, sourceCli];
}

/** Start the CLI without waiting for it (for signals and parallel runs). */
export function startCli(
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string | undefined> },
) {
  return execa(process.execPath, [...cliCommand(), ...args], {
    cwd: options.cwd,
    env: { ...baseEnv(), ...options.env },
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
  } as const);
}

/** Run the CLI to its end. */
export async function runCli(
  args: readonly string[],
  options: { cwd: string; env?: Record<string, string | undefined> },
): Promise<CliResult> {
  const result = await startCli(args, options);
  return {
    exitCode: result.exitCode,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

/** A small, predictable environment: no store or CI variables leak in from the test runner. */
export function baseEnv(): Record<string, string | undefined> {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    LANG: 'C.UTF-8',
    PYTHONDONTWRITEBYTECODE: '1',
  };
}

/** A fresh temporary folder and a function that removes it. */
export function makeTempDir(prefix: string): { dir: string; remove: () => void } {
  const dir = realpathSync(mkdtempSync(path.join(tmpdir(), `gh-retry-${prefix}-`)));
  return {
    dir,
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Link the repository's node_modules into a folder so tools run there find their packages. */
export function linkNodeModules(dir: string): void {
  const target = path.join(dir, 'node_modules');
  if (!existsSync(target)) symlinkSync(path.join(repoRoot, 'node_modules'), target, 'dir');
}

/** Make sure a folder exists. */
export function ensureDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A fresh temporary folder removed after all the tests of the enclosing `describe` (or file). */
export function useTempDir(prefix: string): { dir: string; remove: () => void } {
  const temp = makeTempDir(prefix);
  afterAll(() => {
    temp.remove();
  });
  return temp;
}

/**
 * For the enclosing `describe`: a fresh folder `dir` removed after all its tests, `work` a folder
 * named `folder` inside it, and `cli` running gh-retry in `work` with the environment `env(dir)`.
 */
export function useCliFolder(
  prefix: string,
  options: { folder: string; env?: (dir: string) => Record<string, string | undefined> },
) {
  const temp = useTempDir(prefix);
  const work = path.join(temp.dir, options.folder);
  const env = options.env?.(temp.dir) ?? {};
  return { dir: temp.dir, work, cli: (...args: string[]) => runCli(args, { cwd: work, env }) };
}

/** `PATH` with the dbt emulator's `dbt` first. */
export function emulatedDbtPath(): string {
  return `${EMULATOR_BIN_DIR}${path.delimiter}${process.env.PATH ?? ''}`;
}

/** Resolves with the first match of `pattern` in a started CLI's stdout. */
export function waitForStdout(
  cli: ReturnType<typeof startCli>,
  pattern: RegExp,
): Promise<RegExpExecArray> {
  let output = '';
  return new Promise((resolve) => {
    cli.stdout.on('data', (data: Buffer) => {
      output += data.toString();
      const match = pattern.exec(output);
      if (match) resolve(match);
    });
  });
}

/**
 * For the enclosing `describe`: a copy of `test/fixtures/<fixture>` in a fresh folder, removed
 * after all its tests, with its fails-once marker beside it; `cli` runs gh-retry there.
 */
export function withFixtureSuite(
  fixture: string,
  options: { env?: Record<string, string>; nodeModules?: boolean } = {},
) {
  const { work, cli } = useCliFolder(fixture, {
    folder: 'suite',
    env: (dir) => ({ FAILS_ONCE_MARKER: path.join(dir, 'fails-once.marker'), ...options.env }),
  });
  beforeAll(() => {
    cpSync(path.join(repoRoot, 'test/fixtures', fixture), work, { recursive: true });
    if (options.nodeModules === true) linkNodeModules(work);
  });
  return { work, cli };
}
