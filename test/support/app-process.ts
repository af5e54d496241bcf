/**
 * The gh-retry App as a process, the way `npm start` runs it: the bundled `dist/app/index.js`
 * (Probot's server) bound to 127.0.0.1 on a free port, talking to the GitHub emulator as a GitHub
 * Enterprise host, and receiving the emulator's signed webhook deliveries over HTTP.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AppCredentials, GitHubEmulator } from '../emulator/index.js';

/** The repository root. */
export const REPO_ROOT = path.resolve(import.meta.dirname, '../..');

/** The App's bundled server entry. */
export const APP_BUNDLE = path.join(REPO_ROOT, 'dist/app/index.js');

const GUARD = path.join(import.meta.dirname, 'e2e/process-guard.mjs');
const TSX_LOADER = path.join(REPO_ROOT, 'node_modules/tsx/dist/loader.mjs');

/** A running App server. */
export interface AppProcess {
  /** `http://127.0.0.1:PORT`. */
  readonly url: string;
  /** Everything the server printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/**
 * How the server starts: the bundle, or (before the bundle exists, with a notice) the same
 * entry from source through tsx.
 */
export function appCommand(bundle: string = APP_BUNDLE): string[] {
  if (existsSync(bundle)) return [bundle];
  console.warn(
    'NOTICE: dist/app/index.js is missing (run `npm run bundle`); the App runs from app/probot/server.ts',
  );
  return ['--import', pathToFileURL(TSX_LOADER).href, path.join(REPO_ROOT, 'app/probot/server.ts')];
}

/** The environment an App server process gets: the emulator as its GitHub, a free port, JSON logs. */
export function appServerEnv(params: {
  readonly gh: GitHubEmulator;
  readonly app: AppCredentials;
}): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '/tmp',
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
  };
}

/**
 * Start the App server for `app` against the emulator, and point the App's webhooks at it.
 * Resolves once the server listens; rejects with its output if it exits first.
 */
export async function startAppProcess(params: {
  readonly gh: GitHubEmulator;
  readonly app: AppCredentials;
  /** The server bundle to run (default: `dist/app/index.js`). */
  readonly bundle?: string;
  readonly timeoutMs?: number;
}): Promise<AppProcess> {
  const child = spawn(process.execPath, [GUARD, process.execPath, ...appCommand(params.bundle)], {
    cwd: REPO_ROOT,
    stdio: ['pipe', 'pipe', 'pipe'],
    env: appServerEnv(params),
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const url = await waitForListening(child, () => output, params.timeoutMs ?? 30_000);
  params.gh.setWebhookTarget(params.app.appId, {
    kind: 'url',
    url: `${url}/api/github/webhooks`,
  });
  return {
    url,
    output: () => output,
    stop: async () => {
      await stopProcess(child);
    },
  };
}

async function waitForListening(
  child: ChildProcess,
  output: () => string,
  timeoutMs: number,
): Promise<string> {
  return await new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      finish();
      child.kill('SIGTERM');
      reject(new Error(`the App did not start within ${timeoutMs} ms:\n${output()}`));
    }, timeoutMs);
    const check = () => {
      const match = /listening on (http:\/\/[^\s"/]+)/.exec(output());
      if (match?.[1] !== undefined) {
        finish();
        resolve(match[1]);
      }
    };
    const exited = (code: number | null) => {
      finish();
      reject(new Error(`the App exited (${code ?? 'signal'}) before listening:\n${output()}`));
    };
    const finish = () => {
      clearTimeout(timer);
      child.stdout?.off('data', check);
      child.off('exit', exited);
    };
    child.stdout?.on('data', check);
    child.once('exit', exited);
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', () => {
      resolve();
    });
  });
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
