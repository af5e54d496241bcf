import { z } from 'zod';

/** The run record version this build writes and reads. */
export const RUN_RECORD_VERSION = 1;

/** The `kind` marker every run record carries, so a stray JSON file is never taken for one. */
export const RUN_RECORD_KIND = 'gh-retry/run-record';

/** Hard bounds that keep an untrusted record cheap to read. */
export const RECORD_LIMITS = {
  /** Bytes of a serialised record. */
  maxRecordBytes: 8 * 1024 * 1024,
  /** Characters of output kept per step (the tail). */
  maxOutputTail: 16 * 1024,
  maxSteps: 500,
  maxStateFilesPerStep: 50,
  /** Node ids listed per step (failed + skipped); counts stay exact beyond it. */
  maxNodeIds: 20_000,
  maxStringLength: 4096,
} as const;

const text = z.string().max(RECORD_LIMITS.maxStringLength);
const isoTime = z.iso.datetime({ offset: true });

/** A path relative to a root: no absolute paths, no `..`, no backslashes, no empty segments. */
export const safeRelativePath = z
  .string()
  .min(1)
  .max(1024)
  .refine(
    (p) =>
      !p.startsWith('/') &&
      !p.includes('\\') &&
      !p.includes('\0') &&
      !/^[A-Za-z]:/.test(p) &&
      p.split('/').every((s) => s !== '' && s !== '.' && s !== '..'),
    { message: 'must be a relative path without "..", "." or empty segments' },
  );

/** Overall status of a run. */
const runStatus = z.enum(['success', 'failed', 'cancelled']);
/** Step statuses in a run record. */
const stepStatus = z.enum(['success', 'failed', 'skipped', 'reused', 'cancelled']);
/** What the plan does with one step (the `action` of `plan --json`). */
const stepAction = z.enum(['setup', 'run', 'retry', 'reuse', 'skip']);
/** Tools with a retry form. */
const toolName = z.enum(['dbt', 'pytest', 'playwright', 'custom']);
/** What started a run. */
const trigger = z.enum(['comment', 'check', 'dispatch', 'policy', 'rerun', 'cli', 'local']);

/** A retry mode as stored: `from-failure`, `all`, `from STEP`, `only A,B`. */
const retryModeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('from-failure') }),
  z.object({ kind: z.literal('all') }),
  z.object({ kind: z.literal('from'), step: text }),
  z.object({ kind: z.literal('only'), steps: z.array(text).min(1).max(RECORD_LIMITS.maxSteps) }),
]);

/** A failed dbt node (status `error`, `fail`, `runtime error` or `partial success`). */
const failedNode = z.object({
  id: text,
  status: text,
  message: z.string().max(RECORD_LIMITS.maxStringLength).nullable(),
});

/** The node picture of a dbt step: counts by status and the ids worth showing. */
export const nodeSummarySchema = z.object({
  /** `args.which` of the run_results.json the summary was read from. */
  which: text.nullable(),
  /** Node counts by dbt status (`success`, `error`, `fail`, `skipped`, `pass`, `warn`, …). */
  counts: z.record(text, z.number().int().nonnegative()),
  failed: z.array(failedNode).max(RECORD_LIMITS.maxNodeIds),
  skipped: z.array(text).max(RECORD_LIMITS.maxNodeIds),
  /** True when this picture merges the parent's successes with this run's retry results. */
  merged: z.boolean(),
});

/** A tool state file saved after a step, for a later retry. */
const savedStateFile = z.object({
  /** Where the tool wrote it, relative to the working directory. */
  path: safeRelativePath,
  /** Where the copy lives, relative to the run's state root (`<step-id>/<path>`). */
  stored: safeRelativePath,
  bytes: z.number().int().nonnegative(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

/** How an in-run attempt ran its command: as written, in the tool's retry form, or `retry-with`. */
const attemptForm = z.enum(['as-written', 'tool-retry', 'retry-with']);

/** One in-run attempt of a step (a step with `retries: N` runs up to N + 1 of them). */
const attemptRecord = z.object({
  /** 1 for the first attempt. */
  number: z.number().int().positive(),
  /** The command line this attempt ran. */
  executed: text,
  form: attemptForm,
  exitCode: z.number().int().nullable(),
  signal: text.nullable(),
  startedAt: isoTime.nullable(),
  durationMs: z.number().nonnegative(),
  /** The dbt node picture of this attempt alone (not merged), when the tool wrote one. */
  nodes: nodeSummarySchema.nullable(),
  /** Tests this attempt left failing (pytest / Playwright), when the tool reported them. */
  failedTests: z.array(text).max(RECORD_LIMITS.maxNodeIds).nullable(),
});

/** A node or test that failed and then passed with no change to the code in between. */
const flakyEntry = z.object({
  /** The dbt unique_id or the test id as the tool names it. */
  id: text,
  kind: z.enum(['node', 'test']),
  /** Where it failed: the run id and the attempt number within that run's step. */
  failedIn: z.object({ run: text, attempt: z.number().int().positive() }),
  /** The error message of that failure, when the tool gave one. */
  message: z.string().max(RECORD_LIMITS.maxStringLength).nullable(),
});

/** What a fix-aware dbt retry rebuilt besides the nodes `dbt retry` re-runs, and why. */
const fixAwareRecord = z.object({
  /** Node ids dbt listed: changed since `parentRun`, on the way to a failed or skipped node. */
  added: z.array(text).max(RECORD_LIMITS.maxNodeIds),
  parentRun: text,
  reason: text,
});

const stepRecord = z.object({
  id: text,
  name: text,
  /** The command as written in the schedule. */
  command: text,
  /** The command line that ran (a retry form, or the command), null when the step did not run. */
  executed: text.nullable(),
  action: stepAction,
  /** Why the planner chose the action (for a fresh run: "first run"). */
  reason: text,
  status: stepStatus,
  exitCode: z.number().int().nullable(),
  /** The signal that ended the command, if any (`SIGTERM`, …). */
  signal: text.nullable(),
  setup: z.boolean(),
  continueOnError: z.boolean(),
  /** How many times the command ran (1 + in-step retries used). 0 when it did not run. */
  attempts: z.number().int().nonnegative(),
  startedAt: isoTime.nullable(),
  durationMs: z.number().nonnegative(),
  tool: toolName.nullable(),
  /** For `reused`: the run that produced the success. */
  reusedFrom: text.nullable(),
  /**
   * The run whose results this step holds because it produced none of its own: a failure a retry
   * left alone, or a tool retry that ended without node results (exit 2, a cancel). Its state
   * files are copies of that run's, so the next retry resumes from them.
   */
  carriedFrom: text.nullable().optional(),
  nodes: nodeSummarySchema.nullable(),
  /** Tests a pytest / Playwright step left failing (ids as the tool names them). */
  failedTests: z.array(text).max(RECORD_LIMITS.maxNodeIds).nullable(),
  state: z.array(savedStateFile).max(RECORD_LIMITS.maxStateFilesPerStep),
  // Fix-aware dbt retry (issue 14).
  /** Set when a dbt retry also rebuilt nodes changed since the parent. */
  fixAware: fixAwareRecord.nullable().optional(),
  outputTail: z.string().max(RECORD_LIMITS.maxOutputTail),
  outputTruncated: z.boolean(),
  /** Each in-run attempt, in order, when the step ran more than once (absent in older records). */
  attemptLog: z.array(attemptRecord).max(11).optional(),
  /** What this step showed to be flaky (absent when nothing was, and in older records). */
  flaky: z.array(flakyEntry).max(RECORD_LIMITS.maxNodeIds).optional(),
});

const lineageSchema = z.object({
  /** The run this one retried; null for a first run. */
  parent: text.nullable(),
  /** The first run of the chain (itself for a first run). */
  root: text,
  /** 0 for a first run, parent's + 1 for a retry. */
  retryNumber: z.number().int().nonnegative(),
  mode: retryModeSchema.nullable(),
  trigger: trigger,
  requestedBy: text.nullable(),
});

/** Where the run happened on GitHub; absent for local runs. */
const githubSchema = z.object({
  repository: text,
  workflow: text,
  workflowRef: text.nullable(),
  job: text,
  runId: z.number().int().positive(),
  runAttempt: z.number().int().positive(),
  runNumber: z.number().int().positive().nullable(),
  serverUrl: text,
  actor: text.nullable(),
});

/** The versioned JSON document of one run. */
export const runRecordSchema = z.object({
  kind: z.literal(RUN_RECORD_KIND),
  version: z.literal(RUN_RECORD_VERSION),
  id: text,
  name: text,
  status: runStatus,
  /** "Nothing to retry": a from-failure retry of a run that had succeeded. */
  nothingToRetry: z.boolean(),
  startedAt: isoTime,
  finishedAt: isoTime,
  durationMs: z.number().nonnegative(),
  git: z.object({ sha: text.nullable(), ref: text.nullable() }),
  github: githubSchema.nullable(),
  lineage: lineageSchema,
  steps: z.array(stepRecord).max(RECORD_LIMITS.maxSteps),
});

export type RunRecord = z.infer<typeof runRecordSchema>;
export type RunStatus = z.infer<typeof runStatus>;
export type StepStatus = z.infer<typeof stepStatus>;
export type StepAction = z.infer<typeof stepAction>;
export type ToolName = z.infer<typeof toolName>;
export type Trigger = z.infer<typeof trigger>;
export type StepRecord = z.infer<typeof stepRecord>;
export type NodeSummary = z.infer<typeof nodeSummarySchema>;
export type SavedStateFile = z.infer<typeof savedStateFile>;
export type AttemptRecord = z.infer<typeof attemptRecord>;
export type FlakyEntry = z.infer<typeof flakyEntry>;
export type FixAwareRecord = z.infer<typeof fixAwareRecord>;
export type Lineage = z.infer<typeof lineageSchema>;
export type GitHubRunInfo = z.infer<typeof githubSchema>;
