import path from 'node:path';
import { createFsRunStore, type FsRunStore } from '../src/adapters/local/fs-run-store.js';
import { systemClock } from '../src/adapters/local/system-clock.js';
import type { Env } from '../src/core/env.js';

/** What a CLI command may touch: the working directory, the environment, output and signals. */
export interface CliContext {
  readonly cwd: string;
  readonly env: Env;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  /** Subscribe to the stopping signals while a schedule runs; returns the unsubscribe function. */
  readonly onSignal: (handler: (signal: StopSignal) => void) => () => void;
}

/**
 * The signals that stop a running schedule: Ctrl-C, `kill`, a closed terminal or dropped ssh
 * session, and Ctrl-\. Each is handled so the step's process group is stopped, never orphaned.
 */
export const STOP_SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const;
export type StopSignal = (typeof STOP_SIGNALS)[number];

/** The exit code of a run stopped by a signal: 128 + the signal's number, as shells report it. */
export function exitCodeOf(signal: StopSignal): number {
  return { SIGHUP: 129, SIGINT: 130, SIGQUIT: 131, SIGTERM: 143 }[signal];
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
export function openRunStore(options: StoreOption, context: CliContext): FsRunStore {
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
      // Every signal reaches the handler (a second Ctrl-C too): gh-retry stops the step's process
      // group itself and saves the record, instead of dying and leaving the group running.
      const listeners = STOP_SIGNALS.map((signal) => {
        const listener = () => {
          handler(signal);
        };
        process.on(signal, listener);
        return () => process.removeListener(signal, listener);
      });
      return () => {
        for (const remove of listeners) remove();
      };
    },
  };
}

/**
 * A writer that stops writing once the reader went away (`gh-retry history | head`, a closed
 * terminal): EPIPE and EIO are not errors of gh-retry, and a running schedule goes on and is
 * recorded as if it were read.
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream): (text: string) => void {
  let closed = false;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE' && error.code !== 'EIO') throw error;
    closed = true;
  });
  return (text) => {
    if (!closed) stream.write(text);
  };
}
