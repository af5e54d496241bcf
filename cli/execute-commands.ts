import { createFsStateWorkspace } from '../src/adapters/local/fs-state-workspace.js';
import { readGitInfo } from '../src/adapters/local/git-info.js';
import { createProcessRunner } from '../src/adapters/local/process-runner.js';
import { systemClock } from '../src/adapters/local/system-clock.js';
import { renderPlanTable, renderRunTable } from '../src/core/report/text.js';
import type { Schedule } from '../src/core/schedule/step-spec.js';
import { planFromParent } from '../src/execution/plan-from-parent.js';
import { type RunKind, runSchedule } from '../src/execution/run-schedule.js';
import type { RetryMode } from '../src/core/retry/mode.js';
import type { RunStore, StoredRun } from '../src/ports/execution.js';
import {
  type CliContext,
  exitCodeOf,
  openRunStore,
  type StopSignal,
  type StoreOption,
} from './cli-context.js';
import { readRetryMode, type RetryModeOptions } from './retry-mode-options.js';
import { claimRetry, endRunning, livenessOf, refuseRunning, startRunning } from './run-liveness.js';
import { rememberScheduleSource, scheduleForRetry } from './run-schedule-memory.js';
import {
  readScheduleWithSource,
  type ScheduleOptions,
  type ScheduleSource,
} from './schedule-source.js';
import { createTerminalReporter } from './terminal-reporter.js';

/**
 * How long a step gets to end after a person's Ctrl-C before SIGTERM: dbt cancels its warehouse
 * queries and writes its results, which takes seconds on a busy machine. Other signals come from
 * something that will not wait long (a closed terminal, a process manager's SIGTERM before its
 * SIGKILL), so the step gets the runner's usual 3 s. A second Ctrl-C kills the step at once.
 */
const CTRL_C_GRACE_MS = 10_000;
const SIGNAL_GRACE_MS = 3_000;

/** Options of `gh-retry run`. */
export type RunOptions = ScheduleOptions & StoreOption;

/** Options of `gh-retry retry`. */
export type RetryOptions = ScheduleOptions & StoreOption & RetryModeOptions;

/** `gh-retry run`: run the schedule, print progress and a summary; exit 0 on success, 1 on failure. */
export async function runCommand(options: RunOptions, context: CliContext): Promise<number> {
  const { schedule, source } = await readScheduleWithSource(options, context.cwd);
  const store = openRunStore(options, context);
  return await execute({ context, store, schedule, source, run: { kind: 'first-run' } });
}

/** `gh-retry retry [RUN|last]`: plan from that run, print the plan, execute it, record the lineage. */
export async function retryCommand(
  ref: string | undefined,
  options: RetryOptions,
  context: CliContext,
): Promise<number> {
  const mode = readRetryMode(options);
  const store = openRunStore(options, context);
  const parent = await store.loadRun(ref ?? 'last');
  refuseRunning(parent, await livenessOf(parent));
  const release = await claimRetry(parent);
  try {
    return await retryClaimed({ options, context, store, parent, mode });
  } finally {
    await release();
  }
}

async function retryClaimed(params: {
  options: RetryOptions;
  context: CliContext;
  store: RunStore;
  parent: StoredRun;
  mode: RetryMode;
}): Promise<number> {
  const { options, context, store, parent, mode } = params;
  const { schedule, source, said } = await scheduleForRetry({ options, cwd: context.cwd, parent });
  const workspace = createFsStateWorkspace({ workDir: context.cwd });
  const plan = await planFromParent({ schedule, parent, mode, workspace, env: context.env });
  context.stdout(`${said}\n${renderPlanTable(plan)}\n\n`);
  if (plan.nothingToRetry) {
    context.stdout(`nothing to retry: run ${plan.parent} succeeded\n`);
  }
  return await execute({ context, store, schedule, source, run: { kind: 'retry', plan, parent } });
}

async function execute(params: {
  context: CliContext;
  store: RunStore;
  schedule: Schedule;
  source: ScheduleSource;
  run: RunKind;
}): Promise<number> {
  const { context, store, schedule, run } = params;
  const slot = await store.createRun();
  await rememberScheduleSource({
    stateRoot: slot.stateRoot,
    source: params.source,
    name: schedule.name,
  });
  await startRunning(slot.stateRoot, slot.id);
  const count = schedule.steps.length;
  context.stdout(`run ${slot.id}: ${schedule.name} (${count} ${count === 1 ? 'step' : 'steps'})\n`);
  const stop = stopOnSignals(context);
  let record;
  try {
    record = await runSchedule({
      schedule,
      run,
      slot,
      cwd: context.cwd,
      env: context.env,
      git: await readGitInfo(context.cwd),
      trigger: 'local',
      requestedBy: context.env['USER'] ?? null,
      runner: createProcessRunner({ interruptGraceMs: stop.interruptGrace, urgent: stop.urgent }),
      workspace: createFsStateWorkspace({ workDir: context.cwd }),
      recordWriter: store,
      clock: systemClock,
      reporter: createTerminalReporter(context.stdout),
      signal: stop.signal,
    });
  } finally {
    stop.unsubscribe();
    await endRunning(slot.stateRoot);
  }
  context.stdout(`\n${renderRunTable(record)}\n`);
  context.stdout(`run ${record.id}: ${record.status}\n`);
  if (record.status !== 'success') {
    context.stdout(`retry from failure with: gh-retry retry ${record.id}\n`);
  }
  const by = stop.by();
  if (by !== null) return exitCodeOf(by);
  return record.status === 'success' ? 0 : 1;
}

/**
 * While a schedule runs: the first stopping signal asks the running step's process group to stop
 * (SIGINT, then SIGTERM, then SIGKILL, each after a grace period, longer after a Ctrl-C); a second
 * one kills the group at once. Either way gh-retry itself lives on to save the record.
 */
function stopOnSignals(context: CliContext) {
  const gentle = new AbortController();
  const urgent = new AbortController();
  let by: StopSignal | null = null;
  const unsubscribe = context.onSignal((signal) => {
    if (by === null) {
      by = signal;
      context.stderr(`\ngh-retry: ${signal} received, stopping the running step\n`);
      gentle.abort();
      return;
    }
    context.stderr(`\ngh-retry: ${signal} received again, killing the running step\n`);
    urgent.abort();
  });
  const interruptGrace = () => (by === 'SIGINT' ? CTRL_C_GRACE_MS : SIGNAL_GRACE_MS);
  return {
    signal: gentle.signal,
    urgent: urgent.signal,
    by: () => by,
    interruptGrace,
    unsubscribe,
  };
}
