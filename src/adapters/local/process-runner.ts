import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { accessSync, constants, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { setTimeout as delay } from 'node:timers/promises';
import type {
  CommandRequest,
  CommandResult,
  CommandRunner,
  OutputChunk,
} from '../../ports/execution.js';

/** The shell a command line runs in: the program and the flags before `-c COMMAND`. */
export interface ShellCommand {
  readonly file: string;
  readonly args: readonly string[];
}

/** Options of the process runner. */
export interface ProcessRunnerOptions {
  /** Defaults to bash (`-eo pipefail`, as GitHub Actions runs `run:` steps) when present, else sh. */
  readonly shell?: ShellCommand;
  /** How long each signal (SIGINT, then SIGTERM) gets before the next one is sent on abort. */
  readonly graceMs?: number;
  /**
   * How long SIGINT alone gets, asked when a step is being stopped (default `graceMs`): a tool's
   * Ctrl-C handling may need seconds (dbt cancels its warehouse queries, then writes its results).
   */
  readonly interruptGraceMs?: () => number;
  /** Aborting kills the running command's process group at once (SIGKILL): a second Ctrl-C. */
  readonly urgent?: AbortSignal;
}

/**
 * After a command exits, how long a background child it left (`sleep 100 &`) may go on holding its
 * output pipes before the process group is stopped; then how long the output may take to drain.
 */
const STREAM_DRAIN_MS = 2_000;
const GROUP_POLL_MS = 50;

/** A `CommandRunner` that runs each command through a shell in its own process group. */
export function createProcessRunner(options: ProcessRunnerOptions = {}): CommandRunner {
  const shell = options.shell ?? findShell(process.env.PATH ?? '');
  const graceMs = options.graceMs ?? 3_000;
  const grace = (): Grace => ({
    SIGINT: options.interruptGraceMs?.() ?? graceMs,
    SIGTERM: graceMs,
    SIGKILL: graceMs,
  });
  const urgent = options.urgent;
  return { run: async (request) => await runCommand({ request, shell, grace, urgent }) };
}

/** bash when it is on PATH, else POSIX sh; both stop at the first failing line of a script. */
export function findShell(searchPath: string): ShellCommand {
  for (const dir of searchPath.split(path.delimiter).filter(Boolean)) {
    const file = path.join(dir, 'bash');
    try {
      accessSync(file, constants.X_OK);
      return { file, args: ['--noprofile', '--norc', '-eo', 'pipefail'] };
    } catch {
      // not in this directory
    }
  }
  return { file: '/bin/sh', args: ['-e'] };
}

async function runCommand(params: {
  request: CommandRequest;
  shell: ShellCommand;
  grace: () => Grace;
  urgent: AbortSignal | undefined;
}): Promise<CommandResult> {
  const { request, shell, grace, urgent } = params;
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  // A function, not a property read: the signal changes while we await.
  const isAborted = () => request.signal?.aborted === true;
  if (isAborted()) {
    return { kind: 'cancelled', exitCode: null, signal: null, durationMs: 0 };
  }
  const launched = await launch(shell, request);
  if (launched.kind === 'failed') {
    return { kind: 'spawn-failed', message: launched.message, durationMs: elapsed() };
  }
  const { child, pid, ended } = launched;
  let stopping: Promise<void> | undefined;
  const stopGroup = (how: Grace = grace()): Promise<void> =>
    (stopping ??= stopProcessGroup({ pid, grace: how }));
  const onAbort = () => void stopGroup();
  const onUrgent = () => {
    signalGroup(pid, 'SIGKILL');
    void stopGroup();
  };
  request.signal?.addEventListener('abort', onAbort, { once: true });
  if (urgent?.aborted === true) onUrgent();
  else urgent?.addEventListener('abort', onUrgent, { once: true });
  try {
    const exit = await ended;
    if (!(await waitAtMost(launched.closed, STREAM_DRAIN_MS)) && !isAborted()) {
      // Background jobs of a non-interactive shell ignore SIGINT: no point waiting on it.
      const usual = grace();
      await stopLeftovers({
        pid,
        request,
        stop: () => stopGroup({ ...usual, SIGINT: usual.SIGTERM }),
      });
      await waitAtMost(launched.closed, STREAM_DRAIN_MS);
    }
    child.stdout.destroy();
    child.stderr.destroy();
    if (isAborted()) {
      await stopGroup();
      return { kind: 'cancelled', exitCode: exit.code, signal: exit.signal, durationMs: elapsed() };
    }
    if (exit.code !== null) return { kind: 'exited', exitCode: exit.code, durationMs: elapsed() };
    return { kind: 'killed', signal: exit.signal ?? 'unknown', durationMs: elapsed() };
  } finally {
    request.signal?.removeEventListener('abort', onAbort);
    urgent?.removeEventListener('abort', onUrgent);
  }
}

/** How long the process group gets after each signal before the next one. */
type Grace = Readonly<Record<'SIGINT' | 'SIGTERM' | 'SIGKILL', number>>;

/** A started shell: its exit, and when its output pipes are closed (which may be never). */
type Launch =
  | {
      readonly kind: 'started';
      readonly child: ChildProcessByStdio<null, Readable, Readable>;
      readonly pid: number;
      readonly ended: Promise<{ code: number | null; signal: string | null }>;
      readonly closed: Promise<void>;
    }
  | { readonly kind: 'failed'; readonly message: string };

/** Start the shell in its own process group, streaming its output; a shell that cannot start is a `failed` launch. */
async function launch(shell: ShellCommand, request: CommandRequest): Promise<Launch> {
  let child: ChildProcessByStdio<null, Readable, Readable>;
  try {
    child = spawn(shell.file, [...shell.args, '-c', request.command], {
      cwd: request.cwd,
      env: request.env,
      // Its own process group: a terminal's Ctrl-C reaches us, and we decide what the step gets.
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    return { kind: 'failed', message: messageOf(error) };
  }
  // A spawn error (missing shell, bad cwd) comes as an event; one once the process runs (none is
  // expected: signals are sent with process.kill) is ignored, as the exit still comes.
  const spawnError = new Promise<Error>((resolve) => child.on('error', resolve));
  const ended = new Promise<{ code: number | null; signal: string | null }>((resolve) => {
    child.once('exit', (code, signal) => {
      resolve({ code, signal });
    });
  });
  const closed = new Promise<void>((resolve) => {
    child.once('close', () => {
      resolve();
    });
  });
  streamOutput(child.stdout, 'stdout', request.onOutput);
  streamOutput(child.stderr, 'stderr', request.onOutput);
  const pid = child.pid;
  if (pid === undefined) {
    const error = await spawnError;
    child.stdout.destroy();
    child.stderr.destroy();
    return { kind: 'failed', message: messageOf(error) };
  }
  return { kind: 'started', child, pid, ended, closed };
}

/** Wait for a promise, but no longer than `ms`, without leaving a timer behind; false on timeout. */
async function waitAtMost(promise: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<false>((resolve) => {
    timer = setTimeout(() => {
      resolve(false);
    }, ms);
  });
  return await Promise.race([promise.then(() => true), timeout]).finally(() => {
    clearTimeout(timer);
  });
}

/**
 * The command exited but processes it started in the background still hold its output: stop its
 * process group (no orphan outlives the step) and say so in the step's output, which goes on being
 * read until the pipes close, so nothing they wrote is dropped.
 */
async function stopLeftovers(params: {
  pid: number;
  request: CommandRequest;
  stop: () => Promise<void>;
}): Promise<void> {
  if (!isGroupAlive(params.pid)) return;
  params.request.onOutput({
    stream: 'stderr',
    text: `[gh-retry] the command exited but left processes running in the background; stopped them after ${String(STREAM_DRAIN_MS / 1000)} s\n`,
  });
  await params.stop();
}

function streamOutput(
  stream: NodeJS.ReadableStream | null,
  name: OutputChunk['stream'],
  onOutput: (chunk: OutputChunk) => void,
): void {
  if (stream === null) return;
  const decoder = new StringDecoder('utf8');
  stream.on('data', (data: Buffer) => {
    const text = decoder.write(data);
    if (text !== '') onOutput({ stream: name, text });
  });
  stream.on('end', () => {
    const rest = decoder.end();
    if (rest !== '') onOutput({ stream: name, text: rest });
  });
}

/**
 * Ask the whole process group to stop: SIGINT (what Ctrl-C sends), then SIGTERM, then SIGKILL,
 * each after a grace period; resolves when no process of the group is left.
 */
async function stopProcessGroup(params: { pid: number; grace: Grace }): Promise<void> {
  const { pid, grace } = params;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGKILL'] as const) {
    if (!signalGroup(pid, signal)) return;
    const deadline = performance.now() + grace[signal];
    while (performance.now() < deadline) {
      await delay(GROUP_POLL_MS);
      if (!isGroupAlive(pid)) return;
    }
  }
}

/**
 * Whether a process group still has a running member. On Linux, read /proc: a killed orphan
 * stays a zombie until its new parent reaps it, and `kill(-pgid, 0)` still counts zombies.
 */
function isGroupAlive(pgid: number): boolean {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return signalGroup(pgid, 0);
  }
  return entries.some((entry) => {
    if (!/^\d+$/.test(entry)) return false;
    const stat = readProcStat(entry);
    return stat !== null && stat.pgrp === pgid && stat.state !== 'Z' && stat.state !== 'X';
  });
}

/** State and process group from `/proc/<pid>/stat`, or null when the process is gone. */
export function readProcStat(pid: string): { state: string; pgrp: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name is in parentheses and may contain spaces: fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { state: fields[0] ?? '', pgrp: Number(fields[2]) };
  } catch {
    return null;
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : 'the shell could not start';
}

/** Send a signal to a process group; false when the group no longer exists. */
function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false;
  }
}
