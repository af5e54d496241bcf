/**
 * The CLI's remote commands against the GitHub emulator, in process (`runCli` with an
 * environment pointing at the emulator) or as a user's shell runs it (the `gh-retry` script).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { runCli } from '../../../cli/program.js';
import { REPO_ROOT } from '../action/harness.js';

/** What one command printed and its exit code. */
export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Run `gh-retry ARGS` in this process with `env` (e.g. GITHUB_API_URL, GH_TOKEN). */
export async function runRemote(
  args: readonly string[],
  env: Readonly<Record<string, string>>,
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    cwd: REPO_ROOT,
    env: { PATH: process.env.PATH ?? '', GH_RETRY_POLL_SECONDS: '0.2', ...env },
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    onSignal: () => () => undefined,
  });
  return { code, stdout, stderr };
}

/** The extension entry at the repository root (what `gh extension install` links to). */
export const EXTENSION_SCRIPT = path.join(REPO_ROOT, 'gh-retry');

/** Fail fast when the CLI bundle the script runs is missing. */
export function requireCliBundle(): void {
  if (!existsSync(path.join(REPO_ROOT, 'dist/cli/index.js')))
    throw new Error('dist/cli/index.js is missing: run `npm run bundle` first');
}

/** Spawn a script as gh runs an extension: only arguments, stdio and the environment (bounded). */
export async function spawnScript(params: {
  file: string;
  args: readonly string[];
  cwd: string;
  env: Readonly<Record<string, string>>;
  timeoutMs?: number;
}): Promise<CliResult> {
  return await new Promise((resolve, reject) => {
    const child = spawn(params.file, [...params.args], {
      cwd: params.cwd,
      env: params.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: params.timeoutMs ?? 60_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => {
      resolve({ code: code ?? -1, stdout, stderr });
    });
  });
}
