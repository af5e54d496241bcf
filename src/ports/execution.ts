/**
 * The small interfaces between the orchestration (`runSchedule`) and the outside world.
 * Adapters in `src/adapters/` implement them for a laptop (processes, files); the Action brings
 * its own where they differ (artifacts), so nothing here assumes a local store or GitHub.
 */
import type { Env } from '../core/env.js';
import type { PlannedStep, RestoreFile } from '../core/retry/plan.js';
import type { RunRecord, SavedStateFile, StepRecord } from '../core/run-record/schema.js';

/** A piece of a command's output, as it arrives. */
export interface OutputChunk {
  readonly stream: 'stdout' | 'stderr';
  readonly text: string;
}

/** How a command ended. `cancelled` means the caller aborted it, whatever the process did then. */
export type CommandResult =
  | { readonly kind: 'exited'; readonly exitCode: number; readonly durationMs: number }
  | { readonly kind: 'killed'; readonly signal: string; readonly durationMs: number }
  | {
      readonly kind: 'cancelled';
      readonly exitCode: number | null;
      readonly signal: string | null;
      readonly durationMs: number;
    }
  | { readonly kind: 'spawn-failed'; readonly message: string; readonly durationMs: number };

/** What to run and where. */
export interface CommandRequest {
  /** A command line, run through a shell. */
  readonly command: string;
  readonly cwd: string;
  /** The complete environment of the command (nothing else is inherited). */
  readonly env: Env;
  /** Aborting forwards SIGINT, then SIGTERM, then SIGKILL to the command's process group. */
  readonly signal?: AbortSignal;
  readonly onOutput: (chunk: OutputChunk) => void;
}

/** Runs one command in its own process group and streams its output. */
export interface CommandRunner {
  /** Run a command to its end; never rejects for a failing command. */
  run(request: CommandRequest): Promise<CommandResult>;
}

/** A state file's version on disk (opaque: equal strings mean untouched), by requested path. */
export type StateFingerprints = ReadonlyMap<string, string>;

/** Saving, reading and restoring tool state files (run_results.json, pytest's lastfailed, …). */
export interface StateWorkspace {
  /**
   * Copy the files at `paths` (relative to the working directory) that exist into
   * `<stateRoot>/<stepId>/<path>`; missing or unsafe paths are left out and reported in `skipped`.
   */
  saveState(params: {
    readonly stateRoot: string;
    readonly stepId: string;
    readonly paths: readonly string[];
    /** Files still as `fingerprintState` found them were not written by the step: skipped. */
    readonly unchangedSince?: StateFingerprints;
  }): Promise<SavedState>;
  /** Which version of each file at `paths` is on disk now (missing ones are left out). */
  fingerprintState(params: { readonly paths: readonly string[] }): Promise<StateFingerprints>;
  /**
   * Read small files of the working directory (a tool's project file, e.g. dbt_project.yml), keyed
   * by the relative path asked for; missing, unsafe (links, outside) or large ones are left out.
   */
  readWorkingFiles(params: { readonly paths: readonly string[] }): Promise<Map<string, string>>;
  /** Read saved files (bounded in size), keyed by their `stored` path; unreadable ones are left out. */
  readState(params: {
    readonly stateRoot: string;
    readonly files: readonly SavedStateFile[];
  }): Promise<Map<string, string>>;
  /** Put saved files back in the working directory before a retry; rejects unsafe paths and links. */
  restoreState(params: {
    readonly stateRoot: string;
    readonly files: readonly RestoreFile[];
  }): Promise<void>;
  /**
   * Copy saved files from one run's state root to another's under the same `stored` paths, so a
   * step that keeps its parent's results holds them itself; files that cannot be read are left out.
   */
  carryState(params: {
    readonly from: string;
    readonly to: string;
    readonly files: readonly SavedStateFile[];
  }): Promise<SavedStateFile[]>;
}

/** The outcome of saving a step's state files. */
export interface SavedState {
  /** Each saved file with the path it was asked for (before normalising, e.g. `./target/x`). */
  readonly files: readonly { readonly requested: string; readonly file: SavedStateFile }[];
  /** Paths that were not saved, with why (missing files are not listed). */
  readonly skipped: readonly { readonly path: string; readonly reason: string }[];
}

/** Where a run's record goes; the orchestrator saves after every step so nothing is lost. */
export interface RecordWriter {
  /** Save the record atomically (a reader sees the old or the new one, never a mix). */
  saveRecord(record: RunRecord): Promise<void>;
}

/** A run folder: its id and the directory holding its saved state files. */
export interface RunSlot {
  readonly id: string;
  readonly stateRoot: string;
}

/** A run read back from a store. */
export interface StoredRun {
  readonly record: RunRecord;
  readonly stateRoot: string;
}

/** Runs on disk: one folder per run with `record.json` and `state/`. */
export interface RunStore extends RecordWriter {
  /** Reserve a new run id and its folder; concurrent callers always get different ids. */
  createRun(): Promise<RunSlot>;
  /** Load a run by id, or the latest run with `last`. */
  loadRun(ref: string): Promise<StoredRun>;
  /** Every readable run, oldest first. */
  listRuns(): Promise<StoredRun[]>;
}

/** The time, passed in so records are testable. */
export interface Clock {
  now(): Date;
}

/** Progress of a run, for a terminal or a log. */
export type RunEvent =
  | {
      readonly kind: 'step-started';
      readonly step: PlannedStep;
      readonly index: number;
      readonly total: number;
      readonly attempt: number;
    }
  | { readonly kind: 'step-output'; readonly stepId: string; readonly chunk: OutputChunk }
  | {
      readonly kind: 'step-finished';
      readonly step: StepRecord;
      readonly index: number;
      readonly total: number;
    }
  | { readonly kind: 'note'; readonly stepId: string | null; readonly message: string };

/** Receives progress events; must not throw. */
export interface RunReporter {
  report(event: RunEvent): void;
}
