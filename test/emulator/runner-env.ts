/**
 * The environment a GitHub runner gives a JavaScript action step: `GITHUB_*`, `RUNNER_*`,
 * `ACTIONS_*`, `INPUT_*`, and the `github` expression context its `with:` is evaluated in.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { interpolate, type ExpressionContext } from './expressions.js';
import { fullName } from './state.js';
import type { RepoRecord, RunRecord } from './records.js';

/** What `action.yml` tells the runner: entry points and input defaults. */
export interface ActionMetadata {
  readonly main: string;
  readonly post: string | undefined;
  /** `runs.post-if` (evaluated as-is, with the status functions); absent means `always()`. */
  readonly postIf: string | undefined;
  readonly inputDefaults: Readonly<Record<string, string>>;
}

/** Read `action.yml` (or `action.yaml`) of an action directory. */
export function readActionMetadata(directory: string): ActionMetadata {
  let text: string;
  try {
    text = readFileSync(join(directory, 'action.yml'), 'utf8');
  } catch {
    text = readFileSync(join(directory, 'action.yaml'), 'utf8');
  }
  const document = parse(text) as {
    runs?: { main?: unknown; post?: unknown; 'post-if'?: unknown };
    inputs?: Record<string, { default?: unknown } | null>;
  };
  if (typeof document.runs?.main !== 'string')
    throw new Error(`${directory}/action.yml has no runs.main`);
  const defaults = Object.entries(document.inputs ?? {}).flatMap(([name, input]) =>
    input?.default === undefined || input.default === null
      ? []
      : [[name, String(input.default as string | number | boolean)] as const],
  );
  return {
    main: join(directory, document.runs.main),
    post: typeof document.runs.post === 'string' ? join(directory, document.runs.post) : undefined,
    postIf: typeof document.runs['post-if'] === 'string' ? document.runs['post-if'] : undefined,
    inputDefaults: Object.fromEntries(defaults),
  };
}

/** Where one attempt's files live. */
export interface AttemptPaths {
  readonly workspace: string;
  readonly temp: string;
  readonly toolCache: string;
  readonly eventPath: string;
  readonly summary: string;
  readonly env: string;
  readonly path: string;
}

/** Everything the environment is derived from. */
export interface RunnerEnvParams {
  readonly run: RunRecord;
  readonly repo: RepoRecord;
  readonly workflowPath: string;
  readonly jobId: string;
  readonly stepId: string | undefined;
  readonly token: string;
  readonly runtimeToken: string;
  readonly apiUrl: string;
  readonly resultsUrl: string;
  readonly webUrl: string;
  readonly paths: AttemptPaths;
}

function refName(ref: string): { name: string; type: string } {
  const match = /^refs\/(heads|tags|pull)\/(.+)$/.exec(ref);
  if (!match) return { name: ref, type: 'branch' };
  return { name: match[2] ?? ref, type: match[1] === 'tags' ? 'tag' : 'branch' };
}

/** The `github` context (also the source of most `GITHUB_*` variables). */
export function githubContext(params: RunnerEnvParams): Record<string, unknown> {
  const { run, repo } = params;
  const attempt = run.attempts.at(-1);
  const ref = refName(run.ref);
  const pull = run.payload.pull_request as
    { head?: { ref?: string }; base?: { ref?: string } } | undefined;
  return {
    token: params.token,
    actor: run.actor.login,
    actor_id: String(run.actor.id),
    triggering_actor: attempt?.triggeringActor.login ?? run.actor.login,
    event_name: run.event,
    event: run.payload,
    ref: run.ref,
    ref_name: ref.name,
    ref_type: ref.type,
    ref_protected: 'false',
    sha: run.sha,
    head_ref: pull?.head?.ref ?? '',
    base_ref: pull?.base?.ref ?? '',
    repository: fullName(repo),
    repository_id: String(repo.id),
    repository_owner: repo.owner.login,
    repository_owner_id: String(repo.owner.id),
    run_id: String(run.id),
    run_number: String(run.runNumber),
    run_attempt: String(attempt?.attempt ?? 1),
    retention_days: '90',
    workflow: run.name,
    workflow_ref: `${fullName(repo)}/${params.workflowPath}@${run.ref}`,
    workflow_sha: run.sha,
    job: params.jobId,
    action: params.stepId ?? '__self',
    server_url: params.webUrl,
    api_url: params.apiUrl,
    graphql_url: `${params.apiUrl}/graphql`,
    workspace: params.paths.workspace,
  };
}

/** The expression context of a step's `with:`. */
export function stepContext(
  params: RunnerEnvParams,
  env: Readonly<Record<string, string>>,
): ExpressionContext {
  return {
    github: githubContext(params),
    inputs: params.run.inputs,
    secrets: { GITHUB_TOKEN: params.token },
    env,
    vars: {},
    runner: {
      os: 'Linux',
      arch: 'X64',
      name: 'GitHub Actions 1',
      temp: params.paths.temp,
      tool_cache: params.paths.toolCache,
      environment: 'github-hosted',
    },
    job: { status: 'success' },
  };
}

/** Variables of the machine running the tests that must not leak into an emulated job. */
function isRunnerVariable(name: string): boolean {
  return /^(GITHUB_|ACTIONS_|INPUT_|RUNNER_|STATE_)/.test(name) || name === 'CI';
}

/** The step environment, without `INPUT_*` and the per-step file command paths. */
export function runnerEnv(
  params: RunnerEnvParams,
  extra: Readonly<Record<string, string>>,
): Record<string, string> {
  const github = githubContext(params);
  const inherited = Object.entries(process.env).filter(
    (entry): entry is [string, string] => entry[1] !== undefined && !isRunnerVariable(entry[0]),
  );
  const fromContext = Object.fromEntries(
    [
      'action',
      'actor',
      'actor_id',
      'triggering_actor',
      'event_name',
      'ref',
      'ref_name',
      'ref_type',
      'ref_protected',
      'sha',
      'head_ref',
      'base_ref',
      'repository',
      'repository_id',
      'repository_owner',
      'repository_owner_id',
      'run_id',
      'run_number',
      'run_attempt',
      'retention_days',
      'workflow',
      'workflow_ref',
      'workflow_sha',
      'job',
      'server_url',
      'api_url',
      'graphql_url',
      'workspace',
    ].map((key) => [`GITHUB_${key.toUpperCase()}`, String(github[key])]),
  );
  return {
    ...Object.fromEntries(inherited),
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    ...fromContext,
    GITHUB_ACTION_REPOSITORY: '',
    GITHUB_ACTION_REF: '',
    GITHUB_EVENT_PATH: params.paths.eventPath,
    GITHUB_ENV: params.paths.env,
    GITHUB_PATH: params.paths.path,
    GITHUB_STEP_SUMMARY: params.paths.summary,
    RUNNER_OS: 'Linux',
    RUNNER_ARCH: 'X64',
    RUNNER_NAME: 'GitHub Actions 1',
    RUNNER_ENVIRONMENT: 'github-hosted',
    RUNNER_TEMP: params.paths.temp,
    RUNNER_TOOL_CACHE: params.paths.toolCache,
    RUNNER_WORKSPACE: join(params.paths.workspace, '..'),
    ACTIONS_RUNTIME_TOKEN: params.runtimeToken,
    ACTIONS_RUNTIME_URL: params.resultsUrl,
    ACTIONS_RESULTS_URL: params.resultsUrl,
    ACTIONS_CACHE_URL: params.resultsUrl,
    ...extra,
  };
}

/** `INPUT_<NAME>` variables: the step's `with:` evaluated, over the action's defaults. */
export function inputEnv(params: {
  readonly withInputs: Readonly<Record<string, string>>;
  readonly defaults: Readonly<Record<string, string>>;
  readonly context: ExpressionContext;
}): Record<string, string> {
  const merged = { ...params.defaults, ...params.withInputs };
  return Object.fromEntries(
    Object.entries(merged).map(([name, value]) => [
      `INPUT_${name.replaceAll(' ', '_').toUpperCase()}`,
      interpolate(value, params.context),
    ]),
  );
}
