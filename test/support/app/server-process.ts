/**
 * `npm start` as a real process: the bundled server (`dist/app/index.js`) run with Probot's
 * environment against the emulator (through `GHE_HOST`, which Probot turns into
 * `http://HOST/api/v3`), bound to a free port on 127.0.0.1. Stopped by its pid.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { AppCredentials, GitHubEmulator } from '../../emulator/index.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** What `npm start` runs. */
export const SERVER_BUNDLE = `${ROOT}dist/app/index.js`;

/** A running App server. */
export interface ServerProcess {
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** Everything the process printed. */
  output(): string;
  stop(): Promise<void>;
}

/** Start the App server and wait (bounded) until it listens. */
export async function startServerProcess(params: {
  gh: GitHubEmulator;
  app: AppCredentials;
  timeoutMs?: number;
}): Promise<ServerProcess> {
  const child = spawn(process.execPath, [SERVER_BUNDLE], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      APP_ID: String(params.app.appId),
      PRIVATE_KEY: params.app.privateKey,
      WEBHOOK_SECRET: params.app.webhookSecret,
      GHE_HOST: new URL(params.gh.url).host,
      GHE_PROTOCOL: 'http',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'info',
      LOG_FORMAT: 'json',
      NO_PROXY: '127.0.0.1,localhost',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await waitForListening(child, () => output, params.timeoutMs ?? 30_000);
  return {
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}

async function waitForListening(
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output());
    if (match?.[1] !== undefined) return match[1];
    if (child.exitCode !== null) throw new Error(`the App server exited:\n${output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`the App server did not start within ${timeoutMs} ms:\n${output()}`);
}
