/**
 * The records of a workflow run as GitHub creates them: the run itself (number, refs, title from
 * `run-name`, check suite), each attempt with its job's GITHUB_TOKEN and runtime token, and the
 * limits of a re-run.
 */
import { randomUUID } from 'node:crypto';
import { newToken } from './auth.js';
import { interpolate, type ExpressionContext } from './expressions.js';
import { HttpError } from './rest/request.js';
import { fullName, type State } from './state.js';
import type {
  AttemptRecord,
  Permissions,
  RepoRecord,
  RunRecord,
  UserRecord,
  WorkflowRecord,
} from './records.js';
import { tokenPermissions } from './token-permissions.js';
import type { WorkflowFile } from './workflow-file.js';

/** How a run came to be: its event and what it runs on. */
export interface RunOrigin {
  readonly event: string;
  readonly headBranch: string | null;
  readonly headSha: string;
  readonly headRepoId?: number;
  /** `GITHUB_REF` / `GITHUB_SHA`; default `refs/heads/<headBranch>` and the head sha. */
  readonly ref?: string;
  readonly sha?: string;
  readonly actor: UserRecord;
  readonly payload: Record<string, unknown>;
  /** The title when the workflow has no `run-name`. */
  readonly defaultTitle: string;
  readonly inputs?: Readonly<Record<string, string | boolean | number>>;
  readonly chainDepth: number;
  /** Dispatched with a job's `GITHUB_TOKEN`. */
  readonly byActionsToken?: boolean;
  /** When the run was created (seeded history); default now. */
  readonly createdAt?: string;
}

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

function runTitle(runName: string, context: ExpressionContext): string {
  try {
    return interpolate(runName, context).trim();
  } catch (error) {
    // GitHub rejects such a file as an invalid workflow.
    throw new HttpError(422, `Invalid workflow file: run-name: ${(error as Error).message}`);
  }
}

/** "A workflow run can be re-run a maximum of 50 times" (GitHub's docs). */
export const MAX_RERUNS = 50;
/** "up to 30 days after its initial run" (GitHub's docs). */
const RERUN_WINDOW_MS = 30 * 86_400_000;

/** Refuse a re-run as GitHub does: while it runs, of a success (failed jobs only), past 30 days. */
export function checkRerun(state: State, run: RunRecord, failedOnly: boolean): void {
  const attempt = state.latestAttempt(run);
  if (attempt.status !== 'completed') throw new HttpError(403, 'This workflow is already running');
  if (failedOnly && attempt.conclusion === 'success')
    throw new HttpError(403, 'This workflow run cannot be retried');
  if (state.now().getTime() - Date.parse(run.createdAt) > RERUN_WINDOW_MS)
    throw new HttpError(403, 'This workflow run cannot be retried');
}

/** A new run for `origin` (not stored yet), and the `github` context its expressions see. */
export function newRunRecord(
  state: State,
  params: { repo: RepoRecord; workflow: WorkflowRecord; file: WorkflowFile; origin: RunOrigin },
): { run: RunRecord; github: Readonly<Record<string, unknown>> } {
  const { repo, workflow, file, origin } = params;
  const id = state.nextId('run');
  const now = state.nowIso();
  const name = file.name ?? workflow.path;
  const ref = origin.ref ?? `refs/heads/${origin.headBranch ?? repo.defaultBranch}`;
  const github = {
    actor: origin.actor.login,
    event: origin.payload,
    event_name: origin.event,
    ref,
    sha: origin.sha ?? origin.headSha,
    repository: fullName(repo),
    run_id: String(id),
  };
  const title = file.runName?.trim()
    ? runTitle(file.runName, { github, inputs: origin.inputs ?? {} })
    : '';
  const run: RunRecord = {
    id,
    repoId: repo.id,
    workflowId: workflow.id,
    runNumber:
      [...state.runs.values()].filter((other) => other.workflowId === workflow.id).length + 1,
    event: origin.event,
    headBranch: origin.headBranch,
    headSha: origin.headSha,
    headRepoId: origin.headRepoId ?? repo.id,
    ref,
    sha: origin.sha ?? origin.headSha,
    name,
    displayTitle: title || origin.defaultTitle,
    actor: origin.actor,
    createdAt: origin.createdAt ?? now,
    checkSuiteId: state.checkSuiteId(repo.id, origin.headSha, `actions:${id}`),
    payload: origin.payload,
    inputs: origin.inputs ?? {},
    attempts: [],
    chainDepth: origin.chainDepth,
    ...(origin.byActionsToken === true ? { byActionsToken: true } : {}),
    updatedAt: now,
  };
  return { run, github };
}

/** Add the next attempt to a run and register its job's GITHUB_TOKEN (`asked`: `permissions:`). */
export function addAttempt(
  state: State,
  run: RunRecord,
  params: { actor: UserRecord; asked: Permissions | undefined },
): AttemptRecord {
  const { actor, asked } = params;
  const token = newToken('ghs_');
  const runBackendId = randomUUID();
  const jobBackendId = randomUUID();
  const now = Math.floor(Date.now() / 1000);
  const claims = {
    scp: `Actions.ExampleScope Actions.Results:${runBackendId}:${jobBackendId}`,
    iss: 'vstoken.actions.githubusercontent.com',
    aud: 'vso:emulator',
    nbf: now,
    iat: now,
    exp: now + 6 * 3600,
  };
  const attempt: AttemptRecord = {
    attempt: run.attempts.length + 1,
    runBackendId,
    jobBackendId,
    token,
    runtimeToken: `${base64url({ alg: 'none', typ: 'JWT' })}.${base64url(claims)}.${Buffer.from(randomUUID()).toString('base64url')}`,
    triggeringActor: actor,
    startedAt: state.nowIso(),
    status: 'queued',
    conclusion: null,
  };
  run.attempts.push(attempt);
  state.tokens.set(token, {
    token,
    expiresAt: null,
    principal: {
      kind: 'actions',
      user: state.ensureUser('github-actions[bot]', 'Bot'),
      runId: run.id,
      repoId: run.repoId,
      permissions: tokenPermissions({
        run,
        asked,
        repoDefault: state.repos.get(run.repoId)?.defaultWorkflowPermissions ?? 'read',
      }),
    },
  });
  return attempt;
}
