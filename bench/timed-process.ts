/**
 * Runs a command as its own process and measures its wall time, with a small, predictable
 * environment (nothing from CI or a local gh-retry store leaks in).
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { execa } from 'execa';
import { EMULATOR_BIN_DIR } from '../test/dbt-emulator/make-project.mjs';

/** The repository root. */
export const REPO_ROOT = path.resolve(import.meta.dirname, '..');

/** How a measured process ended. */
export interface TimedResult {
  readonly exitCode: number;
  readonly wallMs: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** PATH with the dbt emulator first, HOME and a fixed locale; `extra` on top. */
export function benchEnv(extra: Record<string, string> = {}): Record<string, string> {
  return {
    PATH: `${EMULATOR_BIN_DIR}${path.delimiter}${process.env.PATH ?? ''}`,
    HOME: process.env.HOME ?? '/tmp',
    LANG: 'C.UTF-8',
    PYTHONDONTWRITEBYTECODE: '1',
    ...extra,
  };
}

/** The arguments, folder and complete environment a measured process runs with. */
export interface TimedRun {
  readonly args: readonly string[];
  readonly cwd: string;
  readonly env: Record<string, string>;
}

/** Run `file args` in `cwd` to its end; never rejects on a non-zero exit. */
export async function runTimed(params: TimedRun & { readonly file: string }): Promise<TimedResult> {
  const started = performance.now();
  const result = await execa(params.file, params.args, {
    cwd: params.cwd,
    env: params.env,
    extendEnv: false,
    reject: false,
    stdin: 'ignore',
  });
  const wallMs = performance.now() - started;
  return {
    exitCode: result.exitCode ?? -1,
    wallMs,
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

/** Run the bundled gh-retry CLI (`node dist/cli/index.js …`) at `cli`. */
export async function runBundledCli(
  params: TimedRun & { readonly cli: string },
): Promise<TimedResult> {
  return await runTimed({
    cwd: params.cwd,
    env: params.env,
    file: process.execPath,
    args: [params.cli, ...params.args],
  });
}

/** Fail with the process's own words when it did not exit as expected. */
export function expectExit(result: TimedResult, expected: number, what: string): TimedResult {
  if (result.exitCode !== expected) {
    const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-15).join('\n');
    throw new Error(`${what} exited ${result.exitCode}, expected ${expected}:\n${tail}`);
  }
  return result;
}
