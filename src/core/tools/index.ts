import { parseCommandLine } from '../schedule/command-line.js';
import type { Env } from '../env.js';
import type { StepAction, StepRecord, ToolName } from '../run-record/schema.js';
import type { StepSpec } from '../schedule/step-spec.js';
import { customTool } from './custom.js';
import { dbtTool } from './dbt.js';
import { playwrightTool } from './playwright.js';
import { pytestTool } from './pytest.js';
import {
  NO_SUMMARY,
  type RetryContext,
  type RetryForm,
  type StateSummary,
  type ToolDeclaration,
} from './tool.js';

export { mergeNodeSummaries, parseRunResults, summariseRunResults } from './dbt-run-results.js';
export type { NodeResult, RunResults } from './dbt-run-results.js';
export type { ParentStateFile, RetryForm, StateSummary, ToolDeclaration } from './tool.js';
export { customTool, dbtTool, playwrightTool, pytestTool };

/** A tool bound to the step it recognised. */
interface BoundTool {
  readonly name: ToolName;
  readonly configPaths: (env: Env) => string[];
  readonly statePaths: (env: Env, config: ReadonlyMap<string, string>) => string[];
  readonly rewritesState: boolean;
  readonly stateRefusal: (env: Env, config: ReadonlyMap<string, string>) => string | null;
  readonly retryForm: (context: Omit<RetryContext<unknown>, 'match'>) => RetryForm;
  readonly summarise: (files: ReadonlyMap<string, string>) => StateSummary;
}

function bind<M>(tool: ToolDeclaration<M>, step: StepSpec): BoundTool | null {
  const match = tool.recognise(step);
  if (match === null) return null;
  return {
    name: tool.name,
    configPaths: (env) => tool.configPaths?.(match, env) ?? [],
    statePaths: (env, config) => tool.statePaths(match, env, config),
    rewritesState: tool.rewritesState === true,
    stateRefusal: (env, config) => tool.stateRefusal?.(match, env, config) ?? null,
    retryForm: (context) => tool.retryForm({ ...context, match }),
    summarise: (files) => tool.summarise(match, files),
  };
}

/** A declared tool, whatever its match type: its name, its retry exit codes, and its binder. */
interface RegisteredTool {
  readonly name: ToolName;
  readonly retrySuccessExitCodes: readonly number[];
  readonly bind: (step: StepSpec) => BoundTool | null;
}

function register<M>(tool: ToolDeclaration<M>): RegisteredTool {
  return {
    name: tool.name,
    retrySuccessExitCodes: tool.retrySuccessExitCodes,
    bind: (step) => bind(tool, step),
  };
}

/**
 * The one list of tools, in order of precedence: a step's own `retry-with` beats the tool its
 * command runs. Adding a tool is adding it here.
 */
const TOOLS: readonly RegisteredTool[] = [
  register(customTool),
  register(dbtTool),
  register(pytestTool),
  register(playwrightTool),
];

function findTool(step: StepSpec): BoundTool | null {
  for (const tool of TOOLS) {
    const bound = tool.bind(step);
    if (bound !== null) return bound;
  }
  return null;
}

/** The tool with a retry form that runs this step, or null (commands with shell operators have none). */
export function recogniseTool(step: StepSpec): ToolName | null {
  return findTool(step)?.name ?? null;
}

/** Working-directory files to read before `statePathsFor` (dbt_project.yml), relative paths. */
export function configPathsFor(params: { step: StepSpec; env: Env }): string[] {
  return findTool(params.step)?.configPaths(params.env) ?? [];
}

/**
 * The state files to save right after the step runs, relative to the working directory; `config`
 * holds the `configPathsFor` files that could be read, by path.
 */
export function statePathsFor(params: {
  step: StepSpec;
  env: Env;
  config?: ReadonlyMap<string, string>;
}): string[] {
  const config = params.config ?? new Map<string, string>();
  return [...new Set(findTool(params.step)?.statePaths(params.env, config) ?? [])];
}

/** Whether the step's tool rewrites its state files in every run (see `ToolDeclaration`). */
export function rewritesStateFor(step: StepSpec): boolean {
  return findTool(step)?.rewritesState ?? false;
}

/** One line saying why the step's state is not saved although it could be, or null. */
export function stateRefusalFor(params: {
  step: StepSpec;
  env: Env;
  config: ReadonlyMap<string, string>;
}): string | null {
  return findTool(params.step)?.stateRefusal(params.env, params.config) ?? null;
}

/** What the step's saved state files (keyed by the paths statePathsFor gave) say about it. */
export function summariseStepState(params: {
  step: StepSpec;
  files: ReadonlyMap<string, string>;
}): StateSummary {
  return findTool(params.step)?.summarise(params.files) ?? NO_SUMMARY;
}

/**
 * How a step that failed in the parent is retried: its tool's retry form when that is safe,
 * else the command as written with the reason. `parentState` maps stored paths to contents.
 */
export function retryFormFor(params: {
  step: StepSpec;
  parent: StepRecord;
  parentState: ReadonlyMap<string, string>;
  stateRoot: string;
  env: Env;
  parentRun?: string;
}): RetryForm {
  const tool = findTool(params.step);
  if (tool === null) {
    const { compound } = parseCommandLine(params.step.run);
    return {
      kind: 'as-written',
      reason:
        compound === null
          ? 'no tool retry form for this command'
          : `the command ${compound}, so no tool retry form applies`,
    };
  }
  const files = params.parent.state.map((file) => ({
    path: file.path,
    stored: file.stored,
    content: params.parentState.get(file.stored),
  }));
  return tool.retryForm({
    step: params.step,
    parent: params.parent,
    files,
    stateRoot: params.stateRoot,
    env: params.env,
    ...(params.parentRun === undefined ? {} : { parentRun: params.parentRun }),
  });
}

/** Exit codes that count as success for a planned step (pytest's retry form also accepts 5: nothing left). */
export function successExitCodesFor(params: {
  tool: ToolName | null;
  action: StepAction;
}): readonly number[] {
  if (params.action !== 'retry' || params.tool === null) return [0];
  return TOOLS.find((tool) => tool.name === params.tool)?.retrySuccessExitCodes ?? [0];
}
