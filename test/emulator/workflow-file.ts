/**
 * Workflow files (`.github/workflows/*.yml`) as the emulator understands them: name, run-name,
 * `on:` triggers with their filters, workflow_dispatch inputs, permissions, and the step that
 * uses the action under test. Validity is GitHub's parser's verdict (github-workflow.ts).
 */
import { parse } from 'yaml';
import { filterAllows, pathsAllow } from './filter-patterns.js';
import { parseWithGitHub } from './github-workflow.js';
import type { PermissionLevel, Permissions } from './records.js';

/** A `workflow_dispatch` input declaration. */
export interface DispatchInput {
  readonly name: string;
  readonly type: 'string' | 'boolean' | 'choice' | 'number' | 'environment';
  readonly required: boolean;
  readonly default?: string | boolean | number;
  readonly options: readonly string[];
}

/** The step of a job that runs the action under test: the first local action (`./`, `./app`) or gh-retry reference. */
export interface ActionStep {
  readonly jobId: string;
  readonly stepId: string | undefined;
  readonly uses: string;
  readonly with: Readonly<Record<string, string>>;
}

/** A parsed workflow file. */
export interface WorkflowFile {
  readonly name: string | undefined;
  readonly runName: string | undefined;
  /** Trigger name → its configuration (an empty object when written without one). */
  readonly triggers: ReadonlyMap<string, Readonly<Record<string, unknown>>>;
  /** The dispatch inputs, or undefined when the file has no `workflow_dispatch` trigger. */
  readonly dispatchInputs: readonly DispatchInput[] | undefined;
  readonly permissions: Permissions | undefined;
  readonly jobIds: readonly string[];
  readonly actionStep: ActionStep | undefined;
  /** The workflow-level `concurrency:` (`group` may hold expressions), if any. */
  readonly concurrency: Concurrency | undefined;
}

/** A workflow-level `concurrency:` as written (`cancel-in-progress` may be an expression). */
export interface Concurrency {
  readonly group: string;
  readonly cancelInProgress: boolean | string;
}

/** The file cannot be used as a workflow; GitHub would show it as an invalid workflow file. */
export class WorkflowFileError extends Error {
  override name = 'WorkflowFileError';
}

const inputTypes = new Set(['string', 'boolean', 'choice', 'number', 'environment']);
/** The `GITHUB_TOKEN` permissions a workflow can grant write on (`metadata` is read-only). */
export const WRITABLE_PERMISSIONS = [
  'actions',
  'checks',
  'contents',
  'deployments',
  'issues',
  'packages',
  'pages',
  'pull_requests',
  'statuses',
] as const;
const permissionNames = [...WRITABLE_PERMISSIONS, 'metadata'];

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function triggersOf(
  events: Readonly<Record<string, unknown>>,
): Map<string, Record<string, unknown>> {
  return new Map(
    Object.entries(events).map(([name, config]) => [
      name,
      isRecord(config) ? config : { entries: config },
    ]),
  );
}

function parseInputs(config: Readonly<Record<string, unknown>>): DispatchInput[] {
  const inputs = isRecord(config.inputs) ? config.inputs : {};
  const declared = Object.entries(inputs).map(([name, raw]): DispatchInput => {
    const spec = isRecord(raw) ? raw : {};
    const type = typeof spec.type === 'string' ? spec.type : 'string';
    if (!inputTypes.has(type))
      throw new WorkflowFileError(`input '${name}' has an unknown type '${type}'`);
    const options = Array.isArray(spec.options) ? spec.options.map(String) : [];
    if (type === 'choice' && options.length === 0)
      throw new WorkflowFileError(`choice input '${name}' needs options`);
    const fallback = spec.default;
    const defaultValue =
      typeof fallback === 'string' || typeof fallback === 'boolean' || typeof fallback === 'number'
        ? fallback
        : undefined;
    return {
      name,
      type: type as DispatchInput['type'],
      required: spec.required === true,
      ...(defaultValue === undefined ? {} : { default: defaultValue }),
      options,
    };
  });
  if (declared.length > 25)
    throw new WorkflowFileError(
      'you may only define up to 25 `inputs` for a `workflow_dispatch` event',
    );
  return declared;
}

function parsePermissions(value: unknown): Permissions | undefined {
  if (value === undefined) return undefined;
  if (value === 'read-all' || value === 'write-all') {
    const level: PermissionLevel = value === 'read-all' ? 'read' : 'write';
    return Object.fromEntries(permissionNames.map((name) => [name, level]));
  }
  if (!isRecord(value)) return {};
  // Naming any permission sets every other one to none.
  const granted: Record<string, PermissionLevel> = { metadata: 'read' };
  for (const [name, level] of Object.entries(value)) {
    if (level === 'read' || level === 'write') granted[name.replaceAll('-', '_')] = level;
  }
  return granted;
}

function findActionStep(jobs: Record<string, unknown>): ActionStep | undefined {
  for (const [jobId, job] of Object.entries(jobs)) {
    const steps = isRecord(job) && Array.isArray(job.steps) ? job.steps : [];
    for (const step of steps) {
      if (!isRecord(step) || typeof step.uses !== 'string') continue;
      if (
        step.uses === '.' ||
        step.uses.startsWith('./') ||
        /(^|\/)gh-retry(\/[^@]*)?@/.test(step.uses)
      ) {
        const withMap = isRecord(step.with) ? step.with : {};
        return {
          jobId,
          stepId: typeof step.id === 'string' ? step.id : undefined,
          uses: step.uses,
          with: Object.fromEntries(
            Object.entries(withMap).map(([key, value]) => [key, String(value)]),
          ),
        };
      }
    }
  }
  return undefined;
}

function parseConcurrency(value: unknown): Concurrency | undefined {
  if (typeof value === 'string') return { group: value, cancelInProgress: false };
  if (!isRecord(value) || typeof value.group !== 'string') return undefined;
  const cancel = value['cancel-in-progress'];
  return {
    group: value.group,
    cancelInProgress: typeof cancel === 'boolean' || typeof cancel === 'string' ? cancel : false,
  };
}

/** Parse a workflow file; throws WorkflowFileError with GitHub's messages when GitHub would reject it. */
export function parseWorkflowFile(
  text: string,
  path = '.github/workflows/workflow.yml',
): WorkflowFile {
  const verdict = parseWithGitHub(path, text);
  if (!verdict.ok) throw new WorkflowFileError(verdict.errors.join('\n'));
  const document = parse(text) as unknown;
  if (!isRecord(document)) throw new WorkflowFileError('a workflow file must be a mapping');
  const triggers = triggersOf(verdict.events);
  // Inputs as written: the parser's conversion drops `type: number`, which GitHub accepts.
  const rawOn = isRecord(document.on) ? document.on : {};
  const dispatch = triggers.has('workflow_dispatch')
    ? isRecord(rawOn.workflow_dispatch)
      ? rawOn.workflow_dispatch
      : {}
    : undefined;
  const jobs = isRecord(document.jobs) ? document.jobs : {};
  return {
    name: typeof document.name === 'string' ? document.name : undefined,
    runName: typeof document['run-name'] === 'string' ? document['run-name'] : undefined,
    triggers,
    dispatchInputs: dispatch ? parseInputs(dispatch) : undefined,
    permissions: parsePermissions(document.permissions),
    jobIds: Object.keys(jobs),
    actionStep: findActionStep(jobs),
    concurrency: parseConcurrency(document.concurrency),
  };
}

/** Parse a workflow file that may be absent or invalid (runs are simply not started for those). */
export function parseWorkflowFileIfValid(
  text: string | undefined,
  path?: string,
): WorkflowFile | undefined {
  if (text === undefined) return undefined;
  try {
    return parseWorkflowFile(text, path);
  } catch (error) {
    if (error instanceof WorkflowFileError) return undefined;
    throw error;
  }
}

/** An event a workflow may react to. */
export interface TriggerEvent {
  readonly name: string;
  readonly action?: string;
  /** The branch the filter applies to (push: pushed branch; pull_request: base; workflow_run: head). */
  readonly branch?: string;
  /** For workflow_run: the triggering workflow's name. */
  readonly workflowName?: string;
  /** For push and pull_request: the changed files, when known (`paths` filters apply then). */
  readonly paths?: readonly string[];
}

/** Branch and tag filters: a push of a branch does not start a workflow that filters only tags. */
function refAllows(config: Readonly<Record<string, unknown>>, event: TriggerEvent): boolean {
  const filtersBranches = config.branches !== undefined || config['branches-ignore'] !== undefined;
  const filtersTags = config.tags !== undefined || config['tags-ignore'] !== undefined;
  if (event.branch === undefined) return !filtersBranches;
  if (event.name === 'push' && filtersTags && !filtersBranches) return false;
  return filterAllows(config, 'branches', event.branch);
}

const defaultTypes: Readonly<Record<string, readonly string[]>> = {
  pull_request: ['opened', 'synchronize', 'reopened'],
};

/** Whether a workflow's `on:` starts a run for this event. */
export function matchesTrigger(file: WorkflowFile, event: TriggerEvent): boolean {
  const config = file.triggers.get(event.name);
  if (!config || event.name === 'workflow_dispatch') return false;
  const types = Array.isArray(config.types) ? config.types.map(String) : defaultTypes[event.name];
  if (event.action !== undefined && types && !types.includes(event.action)) return false;
  if (event.name === 'workflow_run') {
    const workflows = Array.isArray(config.workflows) ? config.workflows.map(String) : [];
    if (event.workflowName === undefined || !workflows.includes(event.workflowName)) return false;
  }
  if (event.paths !== undefined && !pathsAllow(config, event.paths)) return false;
  if (['push', 'pull_request', 'workflow_run'].includes(event.name))
    return refAllows(config, event);
  return true;
}
