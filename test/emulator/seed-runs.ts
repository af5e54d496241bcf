/**
 * Runs and artifacts for tests: dispatch as a user through the REST API, seed completed runs
 * (history that never executes or announces itself), add, read and expire artifacts.
 */
import { createHash } from 'node:crypto';
import { unzipSync, zipSync } from 'fflate';
import type { Hub } from './hub.js';
import { findWorkflow } from './rest/workflows.js';
import { requireSeededRepo, userToken } from './seed.js';
import { newToken } from './auth.js';
import { isoSeconds } from './state.js';
import type { ArtifactRecord, Permissions } from './records.js';
import { parseWorkflowFile, parseWorkflowFileIfValid } from './workflow-file.js';

/** A dispatch to send as a user. */
export interface DispatchOptions {
  readonly repo: string;
  /** Workflow file name or path (`ci.yml`, `.github/workflows/ci.yml`). */
  readonly workflow: string;
  readonly ref?: string;
  readonly inputs?: Readonly<Record<string, string>>;
  /** Login of the user dispatching (default: the repository owner). */
  readonly actor?: string;
}

/** Dispatch a workflow through the REST API as a user (all of GitHub's checks apply); returns the run id. */
export async function dispatchAsUser(hub: Hub, options: DispatchOptions): Promise<number> {
  const repo = requireSeededRepo(hub, options.repo);
  const workflow = findWorkflow(hub, repo, options.workflow.split('/').pop());
  const response = await fetch(
    `${hub.config.apiUrl}/repos/${options.repo}/actions/workflows/${workflow.id}/dispatches`,
    {
      method: 'POST',
      headers: {
        authorization: `token ${userToken(hub, options.actor ?? repo.owner.login)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        ref: options.ref ?? repo.defaultBranch,
        inputs: options.inputs ?? {},
        return_run_details: true,
      }),
    },
  );
  const body = (await response.json()) as { workflow_run_id?: number; message?: string };
  if (response.status !== 200 || body.workflow_run_id === undefined)
    throw new Error(`dispatch failed (${response.status}): ${body.message ?? ''}`);
  return body.workflow_run_id;
}

/** Files to zip into an artifact. */
export type ArtifactFiles = Readonly<Record<string, string | Uint8Array>>;

/** A completed run to seed directly, e.g. a failed parent for App tests. */
export interface SeedRunOptions {
  readonly repo: string;
  /** Workflow file name or path. */
  readonly workflow: string;
  readonly conclusion: 'success' | 'failure' | 'cancelled';
  readonly event?: string;
  readonly branch?: string;
  readonly headSha?: string;
  readonly actor?: string;
  readonly displayTitle?: string;
  /** When the run was created (e.g. 31 days ago, past GitHub's re-run window); default now. */
  readonly createdAt?: string;
  /** How many attempts it had (default 1); 51 is one initial run and GitHub's 50 re-runs. */
  readonly attempts?: number;
  readonly artifacts?: readonly { readonly name: string; readonly files: ArtifactFiles }[];
}

/** Seed a completed run with artifacts, as if it ran earlier: no job executes, no webhook is sent. */
export function addRun(hub: Hub, options: SeedRunOptions): number {
  const repo = requireSeededRepo(hub, options.repo);
  const workflow = findWorkflow(hub, repo, options.workflow.split('/').pop());
  const branch = options.branch ?? repo.defaultBranch;
  const headSha = options.headSha ?? repo.branches.get(branch);
  if (!headSha) throw new Error(`no branch ${branch} in ${options.repo}`);
  const file =
    parseWorkflowFileIfValid(hub.state.fileAt(headSha, workflow.path), workflow.path) ??
    parseWorkflowFile(
      "on: workflow_dispatch\njobs:\n  run:\n    runs-on: ubuntu-latest\n    steps: [{ run: 'true' }]\n",
    );
  const origin = {
    event: options.event ?? 'push',
    headBranch: branch,
    headSha,
    actor: hub.state.ensureUser(options.actor ?? repo.owner.login),
    payload: {},
    defaultTitle: options.displayTitle ?? hub.state.commits.get(headSha)?.message ?? workflow.path,
    chainDepth: 0,
    ...(options.createdAt === undefined
      ? {}
      : { createdAt: isoSeconds(new Date(options.createdAt)) }),
  };
  const run = hub.runs.create({ repo, workflow, file, origin, seeded: true });
  for (const artifact of options.artifacts ?? [])
    addArtifact(hub, { runId: run.id, name: artifact.name, files: artifact.files });
  hub.runs.complete(run, options.conclusion, { quiet: true });
  for (let attempt = 2; attempt <= (options.attempts ?? 1); attempt += 1)
    hub.runs.seedAttempt(run, options.conclusion);
  return run.id;
}

/** An artifact to add: files (zipped here) or raw zip bytes (to test hostile archives). */
export interface AddArtifactOptions {
  readonly runId: number;
  readonly name: string;
  readonly files?: ArtifactFiles;
  readonly zip?: Uint8Array;
  readonly expiresAt?: string;
}

/** Add a finalized artifact to a run. */
export function addArtifact(hub: Hub, options: AddArtifactOptions): number {
  const run = hub.state.runs.get(options.runId);
  if (!run) throw new Error(`no run ${options.runId}`);
  const entries = Object.entries(options.files ?? {}).map(
    ([path, data]) =>
      [path, typeof data === 'string' ? new TextEncoder().encode(data) : data] as const,
  );
  const content = Buffer.from(options.zip ?? zipSync(Object.fromEntries(entries)));
  const now = hub.state.nowIso();
  const artifact: ArtifactRecord = {
    id: hub.state.nextId('artifact'),
    runId: run.id,
    attempt: run.attempts.length,
    name: options.name,
    createdAt: now,
    updatedAt: now,
    expiresAt:
      options.expiresAt ?? isoSeconds(new Date(Date.now() + hub.config.retentionDays * 86_400_000)),
    finalized: true,
    sizeInBytes: content.length,
    digest: `sha256:${createHash('sha256').update(content).digest('hex')}`,
    contentType: 'application/zip',
    blocks: new Map(),
    content,
  };
  hub.state.artifacts.set(artifact.id, artifact);
  return artifact.id;
}

/** The files inside an artifact's zip. */
export function readArtifactFiles(hub: Hub, artifactId: number): Record<string, Uint8Array> {
  const content = hub.state.artifacts.get(artifactId)?.content;
  if (!content) throw new Error(`artifact ${artifactId} has no content`);
  return unzipSync(new Uint8Array(content));
}

/** Make an artifact expired: still listed (with `expired: true`), its download answers 410. */
export function expireArtifact(hub: Hub, artifactId: number): void {
  const artifact = hub.state.artifacts.get(artifactId);
  if (!artifact) throw new Error(`no artifact ${artifactId}`);
  artifact.expiresAt = isoSeconds(new Date(Date.now() - 1000));
}

/** A run's `GITHUB_TOKEN` with the permissions a workflow's `permissions:` block grants. */
export function actionsToken(
  hub: Hub,
  options: { readonly repo: string; readonly runId: number; readonly permissions: Permissions },
): string {
  const repo = requireSeededRepo(hub, options.repo);
  const token = newToken('ghs_');
  hub.state.tokens.set(token, {
    token,
    expiresAt: null,
    principal: {
      kind: 'actions',
      user: hub.state.ensureUser('github-actions[bot]', 'Bot'),
      runId: options.runId,
      repoId: repo.id,
      permissions: { metadata: 'read', ...options.permissions },
    },
  });
  return token;
}
