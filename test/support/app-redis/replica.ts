/**
 * App replicas as processes: `app/probot/server.ts` from source (through tsx) with `REDIS_URL`, bound to
 * 127.0.0.1 on a free port, against the GitHub emulator as a GitHub Enterprise host. Each runs
 * under the process guard (it stops when the test process goes away); `kill9` kills the App
 * itself, as a crash would.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AppCredentials, GitHubEmulator } from '../../emulator/index.js';
import { appServerEnv } from '../app-process.js';

const ROOT = path.resolve(import.meta.dirname, '../../..');
const GUARD = path.join(ROOT, 'test/support/e2e/process-guard.mjs');
const TSX_LOADER = path.join(ROOT, 'node_modules/tsx/dist/loader.mjs');

/** A running replica. */
export interface Replica {
  /** Where its webhooks go: `http://127.0.0.1:PORT/api/github/webhooks`. */
  readonly webhookUrl: string;
  output(): string;
  /** Stop it the way a deploy does (SIGTERM). */
  stop(): Promise<void>;
  /** Kill the App process at once (SIGKILL), as a crash would. */
  kill9(): Promise<void>;
}

/** Start one replica and wait (bounded) until it listens. */
export async function startReplica(params: {
  gh: GitHubEmulator;
  app: AppCredentials;
  redisUrl: string;
  env?: Readonly<Record<string, string>>;
}): Promise<Replica> {
  const child = spawn(
    process.execPath,
    [GUARD, process.execPath, '--import', pathToFileURL(TSX_LOADER).href, 'app/probot/server.ts'],
    {
      cwd: ROOT,
      stdio: ['pipe', 'pipe', 'pipe'],
      env: { ...appServerEnv(params), REDIS_URL: params.redisUrl, ...params.env },
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const url = await waitFor(
    child,
    () => /listening on (http:\/\/[^\s"/]+)/.exec(output)?.[1],
    output,
  );
  return {
    webhookUrl: `${url}/api/github/webhooks`,
    output: () => output,
    stop: async () => {
      await stopGuard(child, 'SIGTERM');
    },
    kill9: async () => {
      const pids = execFileSync('ps', ['-o', 'pid=', '--ppid', String(child.pid)], {
        encoding: 'utf8',
      })
        .split('\n')
        .map((line) => Number(line.trim()))
        .filter((pid) => pid > 0);
      for (const pid of pids) process.kill(pid, 'SIGKILL');
      await stopGuard(child, null);
    },
  };
}

async function waitFor(
  child: ChildProcess,
  found: () => string | undefined,
  output: string,
): Promise<string> {
  for (let attempt = 0; attempt < 600; attempt++) {
    const url = found();
    if (url !== undefined) return url;
    if (child.exitCode !== null) throw new Error(`the App exited before listening:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGTERM');
  throw new Error('the App did not start within 30 s');
}

async function stopGuard(child: ChildProcess, signal: NodeJS.Signals | null): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  if (signal !== null) child.kill(signal);
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
