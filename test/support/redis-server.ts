/**
 * A real Redis server for tests: Debian's `redis-server` on 127.0.0.1 on a free port, without
 * persistence, in its own temporary directory, run under the process guard so it stops when the
 * test process goes away. A machine without `redis-server` fails with one line saying what to
 * install; the replica tests are never skipped silently.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './free-port.js';

const GUARD = path.resolve(import.meta.dirname, './e2e/process-guard.mjs');

/** A running Redis server. */
export interface RedisServer {
  /** `redis://127.0.0.1:PORT`. */
  readonly url: string;
  readonly port: number;
  /** Stop the server and remove its directory (its data is gone: no persistence). */
  stop(): Promise<void>;
  /**
   * Stop it (as an outage: clients see refused connections) without removing its directory; with
   * `keepData`, it saves its data first (`SHUTDOWN SAVE`), as a Redis with persistence would.
   */
  halt(options?: { keepData?: boolean }): Promise<void>;
  /** Start it again on the same port (stopping it first); with the data `halt` kept, else empty. */
  restart(): Promise<void>;
}

/** Start `redis-server` and wait (bounded) until it answers PING. */
export async function startRedisServer(): Promise<RedisServer> {
  if (spawnSync('redis-server', ['--version']).error !== undefined)
    throw new Error(
      'redis-server is not installed: install it (`apt-get install -y redis-server` on Debian/Ubuntu) to run the App replica tests',
    );
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'gh-retry-redis-'));
  let child: ChildProcess | null = null;
  const start = async () => {
    mkdirSync(dir, { recursive: true });
    child = spawn(
      process.execPath,
      [
        GUARD,
        'redis-server',
        '--bind',
        '127.0.0.1',
        '--port',
        String(port),
        '--save',
        '',
        '--appendonly',
        'no',
        '--dir',
        dir,
      ],
      { stdio: ['pipe', 'ignore', 'inherit'] },
    );
    await waitForPong(port, child);
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (running === null || running.exitCode !== null || running.signalCode !== null) return;
    const exited = new Promise((resolve) => running.once('exit', resolve));
    running.kill('SIGTERM');
    await exited;
  };
  await start();
  return {
    url: `redis://127.0.0.1:${port}`,
    port,
    stop: async () => {
      await stop();
      rmSync(dir, { recursive: true, force: true });
    },
    halt: async (options = {}) => {
      if (options.keepData === true && child !== null) {
        const running = child;
        const exited = new Promise((resolve) => running.once('exit', resolve));
        await command(port, 'SHUTDOWN SAVE');
        await exited;
        child = null;
      }
      await stop();
    },
    restart: async () => {
      await stop();
      await start();
    },
  };
}

async function waitForPong(port: number, child: ChildProcess): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (child.exitCode !== null) throw new Error(`redis-server exited with code ${child.exitCode}`);
    if (await pings(port)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error(`redis-server did not answer on port ${port}`);
}

/** Send one inline command and wait until the server answers or closes the connection. */
async function command(port: number, line: string): Promise<void> {
  await new Promise<void>((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.on('connect', () => socket.write(`${line}\r\n`));
    socket.on('data', () => socket.destroy());
    socket.on('close', () => {
      resolve();
    });
    socket.on('error', () => {
      resolve();
    });
  });
}

async function pings(port: number): Promise<boolean> {
  return await new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.setTimeout(500);
    let reply = '';
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += chunk.toString();
      if (reply.includes('\r\n')) {
        socket.destroy();
        resolve(reply.startsWith('+PONG'));
      }
    });
    socket.on('error', () => {
      resolve(false);
    });
    socket.on('timeout', () => {
      socket.destroy();
      resolve(false);
    });
  });
}
