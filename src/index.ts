/** gh-retry as a library: the pure core, the orchestrator that runs a schedule, and its local adapters. */
export * from './core/index.js';
export type * from './ports/execution.js';
export { runSchedule, type RunKind, type RunScheduleParams } from './execution/run-schedule.js';
export { planFromParent, readParentState } from './execution/plan-from-parent.js';
export { createProcessRunner, type ProcessRunnerOptions } from './adapters/local/process-runner.js';
export { createFsStateWorkspace } from './adapters/local/fs-state-workspace.js';
export { createFsRunStore, RunNotFoundError } from './adapters/local/fs-run-store.js';
export { systemClock } from './adapters/local/system-clock.js';
