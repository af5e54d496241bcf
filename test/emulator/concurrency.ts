/**
 * Workflow-level `concurrency:` groups as GitHub applies them: in a repository, at most one run
 * of a group runs and one waits (pending). A newer run cancels the pending one; with
 * `cancel-in-progress: true` it also cancels the running one. When the running run completes,
 * the pending one starts.
 */
import { interpolate, type ExpressionContext } from './expressions.js';
import type { Concurrency } from './workflow-file.js';

/** A run's group, evaluated when the run was created. */
export interface RunGroup {
  readonly key: string;
  readonly cancelInProgress: boolean;
}

/** What admitting a run decided. */
export interface Admission {
  /** The run may start now (else it is pending). */
  readonly start: boolean;
  /** Runs to cancel: the group's previous pending run, and its running run with cancel-in-progress. */
  readonly cancel: readonly number[];
}

/** Evaluate a workflow's `concurrency:` for a run (`github` and `inputs` contexts); undefined without one. */
export function evaluateGroup(
  repoId: number,
  concurrency: Concurrency | undefined,
  context: ExpressionContext,
): RunGroup | undefined {
  if (!concurrency) return undefined;
  try {
    const group = interpolate(concurrency.group, context).trim();
    const cancel = concurrency.cancelInProgress;
    const cancelInProgress =
      typeof cancel === 'boolean' ? cancel : interpolate(cancel, context).trim() === 'true';
    return group === '' ? undefined : { key: `${repoId}:${group}`, cancelInProgress };
  } catch {
    // GitHub fails such a run; the emulator runs it outside any group.
    return undefined;
  }
}

/** The running and pending run of every group. */
export class ConcurrencyGroups {
  private readonly groups = new Map<number, RunGroup>();
  private readonly running = new Map<string, number>();
  private readonly pending = new Map<string, number>();

  /** Remember a run's group (evaluated once, kept for its re-runs). */
  assign(runId: number, group: RunGroup | undefined): void {
    if (group) this.groups.set(runId, group);
  }

  /** Whether the run waits in its group. */
  isPending(runId: number): boolean {
    const group = this.groups.get(runId);
    return group !== undefined && this.pending.get(group.key) === runId;
  }

  /** A run (or a re-run attempt) is about to start. */
  admit(runId: number): Admission {
    const group = this.groups.get(runId);
    if (!group) return { start: true, cancel: [] };
    const holder = this.running.get(group.key);
    if (holder === undefined || holder === runId) {
      this.running.set(group.key, runId);
      return { start: true, cancel: [] };
    }
    const previous = this.pending.get(group.key);
    this.pending.set(group.key, runId);
    return {
      start: false,
      cancel: [
        ...(previous === undefined ? [] : [previous]),
        ...(group.cancelInProgress ? [holder] : []),
      ],
    };
  }

  /** A run completed: the pending run of its group that starts now, if any. */
  release(runId: number): number | undefined {
    const group = this.groups.get(runId);
    if (!group) return undefined;
    if (this.pending.get(group.key) === runId) {
      this.pending.delete(group.key);
      return undefined;
    }
    if (this.running.get(group.key) !== runId) return undefined;
    this.running.delete(group.key);
    const next = this.pending.get(group.key);
    if (next === undefined) return undefined;
    this.pending.delete(group.key);
    this.running.set(group.key, next);
    return next;
  }
}
