/**
 * The permissions of a run's `GITHUB_TOKEN`, as GitHub computes them: the job's or workflow's
 * `permissions:`, else the repository's default (GitHub's restricted default, or write to
 * everything); and "The GITHUB_TOKEN has read-only permissions in pull requests from forked
 * repositories" (GitHub's docs, "Automatic token authentication"): on a `pull_request` run whose
 * head is a fork, every write becomes read, whatever the workflow asks (`pull_request_target`
 * runs in the base repository and keeps them).
 */
import type { Permissions, RunRecord } from './records.js';
import { WRITABLE_PERMISSIONS } from './workflow-file.js';

const writeAll: Permissions = Object.fromEntries(
  WRITABLE_PERMISSIONS.map((name) => [name, 'write']),
);
/** GitHub's restricted default: contents and packages read, nothing else (`actions: none`). */
const restricted: Permissions = { contents: 'read', packages: 'read', metadata: 'read' };

function readOnly(permissions: Permissions): Permissions {
  return Object.fromEntries(
    Object.entries(permissions).map(([name, level]) => [name, level === 'write' ? 'read' : level]),
  );
}

/** The token's permissions for an attempt of `run`. */
export function tokenPermissions(params: {
  readonly run: Pick<RunRecord, 'event' | 'repoId' | 'headRepoId'>;
  /** The job spec's or the workflow file's `permissions:`, if any. */
  readonly asked: Permissions | undefined;
  readonly repoDefault: 'read' | 'write';
}): Permissions {
  const { run } = params;
  const permissions = params.asked ?? (params.repoDefault === 'write' ? writeAll : restricted);
  const fromFork = run.event === 'pull_request' && run.headRepoId !== run.repoId;
  return fromFork ? readOnly(permissions) : permissions;
}
