/** The pure core of gh-retry: schedules, run records, retry planning, tool adapters, reports. */
export { PlanError, RunRecordError, ScheduleError, UserError } from './errors.js';
export {
  type Env,
  type Plan,
  type PlannedStep,
  type RestoreFile,
  type RetryMode,
  type RunStatus,
  type Schedule,
  type StepAction,
  type StepSpec,
  type StepStatus,
  type ToolName,
  type Trigger,
} from './model.js';
export { safeRelativePath } from './run-record/schema.js';
export {
  RECORD_LIMITS,
  RUN_RECORD_KIND,
  RUN_RECORD_VERSION,
  appendOutputTail,
  parseRunRecord,
  runRecordSchema,
  serializeRunRecord,
  type GitHubRunInfo,
  type Lineage,
  type NodeSummary,
  type OutputTail,
  type RunRecord,
  type SavedStateFile,
  type StepRecord,
} from './run-record/record.js';
export {
  DEFAULT_SCHEDULE_NAME,
  isSetupCommand,
  parseCommandList,
  parseScheduleFile,
} from './schedule/command-list.js';
export { STEP_ID_PATTERN, deriveBaseStepId, isValidStepId } from './schedule/step-ids.js';
export { RETRY_MODE_FORMS, formatRetryMode, parseRetryMode } from './retry/mode.js';
export {
  planFirstRun,
  planRetry,
  type RetryPlanParams,
} from './retry/planner.js';
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
export { describeLineage, describeNodeCounts, renderPlanTable, renderRunTable } from './report/text.js';
export { formatDuration, renderTextTable } from './report/text-table.js';
