/**
 * Executes the gh-retry step of an emulated job the way a GitHub runner executes a JavaScript
 * action: a fresh workspace, the runner environment, file commands, the `post` entry with
 * `STATE_*`, and cancellation by SIGINT, then SIGTERM, then kill — to the entry process only. Each
 * entry process itself is run by entry-process.ts.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  inputEnv,
  readActionMetadata,
  runnerEnv,
  stepContext,
  type AttemptPaths,
  type RunnerEnvParams,
} from './runner-env.js';
import { summaryTooLarge } from './limits.js';
import { evaluateExpression, type JobStatus } from './expressions.js';
import { parseFileCommands } from './runner-files.js';
import { runEntry, type CancelSignal, type CancelTimings } from './entry-process.js';
import type { Permissions, RunRecord } from './records.js';

/** How a workflow's gh-retry job runs in the emulator. */
export interface JobSpec {
  /** Directory holding `action.yml`: gives `runs.main`/`runs.post` and the inputs' defaults. */
  readonly action?: string;
  /** The main entry (e.g. `[process.execPath, 'dist/index.js']`); overrides the action's `runs.main`. */
  readonly command?: readonly string[];
  /** The post entry; overrides the action's `runs.post`. */
  readonly post?: readonly string[];
  /** The step's `with:` (expressions allowed); default: the workflow's `uses: ./` step. */
  readonly inputs?: Readonly<Record<string, string>>;
  /** Working directory of the entry processes, relative to the workspace. */
  readonly workingDirectory?: string;
  readonly env?: Readonly<Record<string, string>>;
  /** The `GITHUB_TOKEN`'s permissions; default: the workflow's `permissions:`, else write to everything. */
  readonly permissions?: Permissions;
  /** Fill the fresh workspace before the step runs (a checkout, in effect). */
  readonly prepareWorkspace?: (workspace: string, run: RunRecord) => void | Promise<void>;
}

/** What one entry process did. */
export interface StepResult {
  readonly exitCode: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  /** `GITHUB_OUTPUT`. */
  readonly outputs: Readonly<Record<string, string>>;
  /** `GITHUB_STATE` (handed to the post entry as `STATE_*`). */
  readonly state: Readonly<Record<string, string>>;
}

/** What one attempt of a job did. */
export interface JobResult {
  readonly runId: number;
  readonly attempt: number;
  readonly conclusion: 'success' | 'failure' | 'cancelled';
  readonly main: StepResult | undefined;
  readonly post: StepResult | undefined;
  /** `GITHUB_STEP_SUMMARY` of main and post, concatenated; a step's over 1 MiB is dropped. */
  readonly summary: string;
  /** The runner's error annotations (e.g. a step summary over 1 MiB). */
  readonly annotations: readonly string[];
  /** The main step's environment (tests check what the action was given). */
  readonly env: Readonly<Record<string, string>>;
  readonly workspace: string;
  readonly eventPath: string;
}

/** A running job. */
export interface JobExecution {
  cancel(): void;
  readonly done: Promise<JobResult>;
}

async function readCommands(path: string): Promise<Record<string, string>> {
  return parseFileCommands(await readFile(path, 'utf8').catch(() => ''));
}

/** Where the attempt's directories go; created before the step runs. */
export async function createAttemptPaths(root: string, repoName: string): Promise<AttemptPaths> {
  const temp = join(root, '_temp');
  const paths: AttemptPaths = {
    workspace: join(root, 'work', repoName, repoName),
    temp,
    toolCache: join(root, '_tool'),
    eventPath: join(temp, '_github_workflow', 'event.json'),
    summary: join(temp, '_runner_file_commands', `step_summary_${randomUUID()}`),
    env: join(temp, '_runner_file_commands', `set_env_${randomUUID()}`),
    path: join(temp, '_runner_file_commands', `add_path_${randomUUID()}`),
  };
  for (const dir of [
    paths.workspace,
    paths.toolCache,
    join(temp, '_github_workflow'),
    join(temp, '_runner_file_commands'),
  ])
    await mkdir(dir, { recursive: true });
  for (const file of [paths.summary, paths.env, paths.path]) await writeFile(file, '');
  return paths;
}

/** Start the job's step (and its post entry) for the latest attempt of a run. */
export function executeJob(params: {
  readonly spec: JobSpec;
  readonly withInputs: Readonly<Record<string, string>>;
  readonly env: Omit<RunnerEnvParams, 'paths'>;
  readonly root: string;
  readonly timings: CancelTimings;
  /** Called with every chunk of stdout/stderr while the entries run. */
  readonly onOutput?: (text: string) => void;
}): JobExecution {
  const cancelled: CancelSignal = { requested: false };
  const done = runJob(params, cancelled);
  return {
    cancel: () => {
      cancelled.requested = true;
      cancelled.onCancel?.();
    },
    done,
  };
}

async function runJob(
  params: Parameters<typeof executeJob>[0],
  cancelled: CancelSignal,
): Promise<JobResult> {
  const { spec, env: envParams } = params;
  const paths = await createAttemptPaths(params.root, envParams.repo.name);
  await writeFile(paths.eventPath, JSON.stringify(envParams.run.payload, null, 2));
  await spec.prepareWorkspace?.(paths.workspace, envParams.run);
  const metadata = spec.action === undefined ? undefined : readActionMetadata(spec.action);
  const main = spec.command ?? (metadata ? [process.execPath, metadata.main] : undefined);
  const post = spec.post ?? (metadata?.post ? [process.execPath, metadata.post] : undefined);
  if (!main) throw new Error('a job needs `command` or `action`');
  const fullParams: RunnerEnvParams = { ...envParams, paths };
  const baseEnv = runnerEnv(fullParams, spec.env ?? {});
  const inputs = inputEnv({
    withInputs: spec.inputs ?? params.withInputs,
    defaults: metadata?.inputDefaults ?? {},
    context: stepContext(fullParams, spec.env ?? {}),
  });
  const cwd = join(paths.workspace, spec.workingDirectory ?? '');
  const summaries: string[] = [];
  const annotations: string[] = [];
  // Each step's summary is uploaded on its own, or refused whole when over 1 MiB.
  const takeSummary = async () => {
    const text = await readFile(paths.summary, 'utf8');
    await writeFile(paths.summary, '');
    const tooLarge = summaryTooLarge(text);
    if (tooLarge === null) summaries.push(text);
    else annotations.push(tooLarge);
  };
  const step = async (
    command: readonly string[],
    extra: Record<string, string>,
    cancel: typeof cancelled,
  ): Promise<StepResult & { env: Record<string, string> }> => {
    const files = {
      GITHUB_OUTPUT: join(paths.temp, '_runner_file_commands', `set_output_${randomUUID()}`),
      GITHUB_STATE: join(paths.temp, '_runner_file_commands', `save_state_${randomUUID()}`),
    };
    await Promise.all(
      Object.values(files).map(async (file) => {
        await writeFile(file, '');
      }),
    );
    const env = { ...baseEnv, ...inputs, ...extra, ...files };
    const result = await runEntry({
      command,
      cwd,
      env,
      timings: params.timings,
      cancelled: cancel,
      onOutput: params.onOutput,
    });
    await takeSummary();
    return {
      ...result,
      outputs: await readCommands(files.GITHUB_OUTPUT),
      state: await readCommands(files.GITHUB_STATE),
      env,
    };
  };
  const mainResult = cancelled.requested ? undefined : await step(main, {}, cancelled);
  // The post entry runs when `runs.post-if` holds (default `always()`: even after a cancel),
  // evaluated against the job's status with main's GITHUB_ENV; it gets main's state.
  const exported = await readCommands(paths.env);
  const postEnv = {
    ...exported,
    ...Object.fromEntries(
      Object.entries(mainResult?.state ?? {}).map(([key, value]) => [`STATE_${key}`, value]),
    ),
  };
  const jobStatus: JobStatus = cancelled.requested
    ? 'cancelled'
    : mainResult?.exitCode !== 0
      ? 'failure'
      : 'success';
  const runPost =
    mainResult !== undefined &&
    post !== undefined &&
    postCondition(metadata?.postIf, jobStatus, { ...(spec.env ?? {}), ...exported });
  const postResult = runPost ? await step(post, postEnv, { requested: false }) : undefined;
  const failed =
    mainResult?.exitCode !== 0 || (postResult !== undefined && postResult.exitCode !== 0);
  return {
    runId: envParams.run.id,
    attempt: envParams.run.attempts.length,
    conclusion: cancelled.requested ? 'cancelled' : failed ? 'failure' : 'success',
    main: mainResult && withoutEnv(mainResult),
    post: postResult && withoutEnv(postResult),
    summary: summaries.join(''),
    annotations,
    env: mainResult?.env ?? baseEnv,
    workspace: paths.workspace,
    eventPath: paths.eventPath,
  };
}

/** Whether `runs.post-if` holds: evaluated as-is (no implicit `success() &&`), truthy as in Actions. */
function postCondition(
  postIf: string | undefined,
  status: JobStatus,
  env: Readonly<Record<string, string>>,
): boolean {
  if (postIf === undefined) return true;
  const expression = postIf.trim().replace(/^\$\{\{([\s\S]*)\}\}$/, '$1');
  const value = evaluateExpression(expression, { env }, { status });
  return value !== false && value !== 0 && value !== '' && value !== null;
}

function withoutEnv(result: StepResult & { env: Record<string, string> }): StepResult {
  const { env: _env, ...rest } = result;
  return rest;
}
