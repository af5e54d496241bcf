// Runs and retries of a schedule through runSchedule with real processes, each test in a new
// temporary folder with a local run store: the setup the execution tests share. An optional
// stand-in for dbt goes to the folder's bin/, first on the PATH.
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { createFsRunStore } from '../../src/adapters/local/fs-run-store.js';
import { createFsStateWorkspace } from '../../src/adapters/local/fs-state-workspace.js';
import { createProcessRunner } from '../../src/adapters/local/process-runner.js';
import { systemClock } from '../../src/adapters/local/system-clock.js';
import type { RetryMode } from '../../src/core/retry/mode.js';
import type { Plan } from '../../src/core/retry/plan.js';
import type { RunRecord } from '../../src/core/run-record/schema.js';
import { parseScheduleFile } from '../../src/core/schedule/command-list.js';
import { planFromParent } from '../../src/execution/plan-from-parent.js';
import { type RunKind, runSchedule } from '../../src/execution/run-schedule.js';
import type { RecordWriter, RunEvent, RunStore } from '../../src/ports/execution.js';
import { makeTempDir } from './temp-dir.js';

export interface ExecuteOptions {
  readonly run?: RunKind;
  readonly signal?: AbortSignal;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly events?: RunEvent[];
  readonly recordWriter?: RecordWriter;
}

export interface ScheduleRuns {
  /** The current test's folder (the working directory of every step). */
  readonly work: () => string;
  readonly store: () => RunStore;
  readonly execute: (yaml: string, options?: ExecuteOptions) => Promise<RunRecord>;
  /** A retry of `parentId` in `mode` (from-failure unless said): its plan and its record. */
  readonly retry: (
    yaml: string,
    parentId: string,
    mode?: RetryMode,
  ) => Promise<{ plan: Plan; record: RunRecord }>;
}

/** Declares the per-test setup in the enclosing `describe` (or file). */
export function scheduleRuns(prefix: string, fakeDbt?: string): ScheduleRuns {
  let current: { work: string; store: RunStore; env: Record<string, string | undefined> } | null =
    null;
  beforeEach(() => {
    const work = makeTempDir(prefix);
    const store = createFsRunStore({ root: path.join(work, '.gh-retry'), clock: systemClock });
    let env: Record<string, string | undefined> = { PATH: process.env.PATH, HOME: work };
    if (fakeDbt !== undefined) {
      const bin = path.join(work, 'bin');
      mkdirSync(bin);
      writeFileSync(path.join(bin, 'dbt'), fakeDbt);
      chmodSync(path.join(bin, 'dbt'), 0o755);
      env = { PATH: `${bin}:${process.env.PATH ?? ''}`, HOME: work };
    }
    current = { work, store, env };
  });
  afterEach(() => {
    if (current !== null) rmSync(current.work, { recursive: true, force: true });
    current = null;
  });
  const now = () => {
    if (current === null) throw new Error('a schedule runs only while a test runs');
    return current;
  };

  async function execute(yaml: string, options: ExecuteOptions = {}): Promise<RunRecord> {
    const { work, store, env } = now();
    const schedule = parseScheduleFile({ text: yaml, fileName: 'schedule.yml' });
    const slot = await store.createRun();
    return await runSchedule({
      schedule,
      run: options.run ?? { kind: 'first-run' },
      slot,
      cwd: work,
      env,
      git: { sha: null, ref: null },
      trigger: 'local',
      runner: createProcessRunner({ graceMs: 300 }),
      workspace: createFsStateWorkspace({ workDir: work }),
      recordWriter: options.recordWriter ?? store,
      clock: systemClock,
      ...(options.events === undefined
        ? {}
        : { reporter: { report: (event: RunEvent) => options.events?.push(event) } }),
      ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  }

  async function retry(yaml: string, parentId: string, mode: RetryMode = { kind: 'from-failure' }) {
    const { work, store, env } = now();
    const schedule = parseScheduleFile({ text: yaml, fileName: 'schedule.yml' });
    const parent = await store.loadRun(parentId);
    const workspace = createFsStateWorkspace({ workDir: work });
    const plan = await planFromParent({ schedule, parent, mode, workspace, env });
    return { plan, record: await execute(yaml, { run: { kind: 'retry', plan, parent } }) };
  }

  return { work: () => now().work, store: () => now().store, execute, retry };
}
