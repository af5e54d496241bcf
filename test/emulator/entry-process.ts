/**
 * One entry process of an emulated JavaScript action step, run the way a GitHub runner runs it:
 * output captured up to a limit, and cancellation by SIGINT, then SIGTERM, then kill, sent to the
 * entry process only. The job around it (workspace, environment, file commands) is in
 * workflow-runner.ts.
 */
import { spawn } from 'node:child_process';
import type { StepResult } from './workflow-runner.js';

/** Signal timings; the runner's are 7.5 s and 2.5 s. */
export interface CancelTimings {
  readonly sigintTimeoutMs: number;
  readonly sigtermTimeoutMs: number;
}

const outputLimit = 5 * 1024 * 1024;

/** A cancel request, and how the running entry reacts to one. */
export interface CancelSignal {
  requested: boolean;
  onCancel?: (() => void) | undefined;
}

/** Run one entry to its end; a cancel request escalates from SIGINT to SIGKILL. */
export async function runEntry(params: {
  command: readonly string[];
  cwd: string;
  env: Record<string, string>;
  timings: CancelTimings;
  cancelled: CancelSignal;
  onOutput: ((text: string) => void) | undefined;
}): Promise<Omit<StepResult, 'outputs' | 'state'>> {
  const [file, ...args] = params.command;
  if (!file) throw new Error('empty job command');
  const child = spawn(file, args, {
    cwd: params.cwd,
    env: params.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    if (stdout.length < outputLimit) stdout += chunk.toString('utf8');
    params.onOutput?.(chunk.toString('utf8'));
  });
  child.stderr.on('data', (chunk: Buffer) => {
    if (stderr.length < outputLimit) stderr += chunk.toString('utf8');
    params.onOutput?.(chunk.toString('utf8'));
  });
  const timers: NodeJS.Timeout[] = [];
  const escalate = (): void => {
    // The runner signals the entry pid only, never its process group.
    child.kill('SIGINT');
    timers.push(
      setTimeout(() => {
        child.kill('SIGTERM');
        timers.push(setTimeout(() => child.kill('SIGKILL'), params.timings.sigtermTimeoutMs));
      }, params.timings.sigintTimeoutMs),
    );
  };
  params.cancelled.onCancel = escalate;
  if (params.cancelled.requested) escalate();
  const result = await new Promise<{ exitCode: number | null; signal: NodeJS.Signals | null }>(
    (resolve, reject) => {
      child.once('error', reject);
      child.once('close', (exitCode, signal) => {
        resolve({ exitCode, signal });
      });
    },
  ).finally(() => {
    params.cancelled.onCancel = undefined;
    for (const timer of timers) clearTimeout(timer);
  });
  return { ...result, stdout, stderr };
}
