import path from 'node:path';
import { createFsRunStore } from '../src/adapters/local/fs-run-store.js';
import { systemClock } from '../src/adapters/local/system-clock.js';
import type { Env } from '../src/core/env.js';
import type { RunStore } from '../src/ports/execution.js';

/** What a CLI command may touch: the working directory, the environment, output and signals. */
export interface CliContext {
  readonly cwd: string;
  readonly env: Env;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Subscribe to SIGINT/SIGTERM while a schedule runs; returns the unsubscribe function. */
  readonly onSignal: (handler: (signal: 'SIGINT' | 'SIGTERM') => void) => () => void;
}

/** The `--store` option every command takes. */
export interface StoreOption {
  readonly store?: string;
}

/** The store folder: `--store DIR`, else `GH_RETRY_STORE`, else `.gh-retry` in the working directory. */
export function resolveStoreRoot(options: StoreOption, context: CliContext): string {
  const chosen = options.store ?? context.env['GH_RETRY_STORE'];
  return path.resolve(context.cwd, chosen === undefined || chosen === '' ? '.gh-retry' : chosen);
}

/** The run store the options point at. */
export function openRunStore(options: StoreOption, context: CliContext): RunStore {
  return createFsRunStore({
    root: resolveStoreRoot(options, context),
    clock: systemClock,
    onUnreadable: (id, reason) => {
      context.stderr(`gh-retry: left out run ${id}, its record cannot be read: ${reason}\n`);
    },
  });
}

/** A `CliContext` over the real process. */
export function processContext(): CliContext {
  const stdout = quietOnClosedPipe(process.stdout);
  const stderr = quietOnClosedPipe(process.stderr);
  return {
    cwd: process.cwd(),
    env: process.env,
    stdout,
    stderr,
    onSignal: (handler) => {
      const onInt = () => {
        handler('SIGINT');
      };
      const onTerm = () => {
        handler('SIGTERM');
      };
      // `once`: a second Ctrl-C ends gh-retry at once; the record saved before the step says cancelled.
      process.once('SIGINT', onInt);
      process.once('SIGTERM', onTerm);
      return () => {
        process.removeListener('SIGINT', onInt);
        process.removeListener('SIGTERM', onTerm);
      };
    },
  };
}

/**
 * A writer that stops writing once the reader went away (`gh-retry history | head`): EPIPE is not
 * an error of gh-retry, and a running schedule goes on and is recorded as if it were read.
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    closed = true;
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}
