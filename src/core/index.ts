/** The pure core of gh-retry: schedules, run records, retry planning, tool adapters, reports. */
export { PlanError, RunRecordError, ScheduleError, UserError } from './errors.js';
export type { Env } from './env.js';
export type { Plan, PlannedStep, RestoreFile } from './retry/plan.js';
export type { RetryMode } from './retry/mode.js';
export type { Schedule, StepSpec } from './schedule/step-spec.js';
// The run record is the library's data contract: its schema module is public as a whole.
export * from './run-record/schema.js';
export {
  appendOutputTail,
  parseRunRecord,
  serializeRunRecord,
  type OutputTail,
} from './run-record/record.js';
export {
  DEFAULT_SCHEDULE_NAME,
  isSetupCommand,
  parseCommandList,
  parseScheduleFile,
} from './schedule/command-list.js';
export { STEP_ID_PATTERN, deriveBaseStepId, isValidStepId } from './schedule/step-ids.js';
export { RETRY_MODE_FORMS, formatRetryMode, parseRetryMode } from './retry/mode.js';
export { planFirstRun, planRetry, type RetryPlanParams } from './retry/planner.js';
export {
  mergeNodeSummaries,
  parseRunResults,
  recogniseTool,
  configPathsFor,
  retryFormFor,
  stateRefusalFor,
  statePathsFor,
  successExitCodesFor,
  summariseRunResults,
  summariseStepState,
  type RetryForm,
  type RunResults,
  type StateSummary,
} from './tools/index.js';
export {
  describeLineage,
  describeNodeCounts,
  renderPlanTable,
  renderRunTable,
} from './report/text.js';
export { formatDuration, renderTextTable } from './report/text-table.js';
