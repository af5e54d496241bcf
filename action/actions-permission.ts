/**
 * The workflow's `GITHUB_TOKEN` may not read Actions: new repositories and organisations default
 * to restricted permissions (`actions: none`), and a `permissions:` block that omits `actions`
 * sets it to none. GitHub then answers 403 "Resource not accessible by integration"; the Action
 * says which line to add instead.
 */
import { UserError } from '../src/core/errors.js';
import type { RunArtifactReader } from '../src/ports/github-runs.js';

/** The message for a token without `actions: read`. */
export function missingActionsPermission(workflowPath: string | null): string {
  const file = workflowPath ?? 'the workflow file';
  return `The GITHUB_TOKEN cannot read this repository's workflow runs (GitHub answered 403 "Resource not accessible by integration"): add the line \`actions: read\` under \`permissions:\` in ${file}, then run it again`;
}

function isMissingPermission(error: unknown): boolean {
  const { status, message } = (error ?? {}) as { status?: unknown; message?: unknown };
  return (
    status === 403 &&
    typeof message === 'string' &&
    /Resource not accessible by integration/i.test(message)
  );
}

/** `github`, with a 403 for a missing `actions` permission turned into a message naming the fix. */
export function withActionsPermissionHint(
  github: RunArtifactReader,
  workflowPath: string | null,
): RunArtifactReader {
  const explain = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      if (isMissingPermission(error)) throw new UserError(missingActionsPermission(workflowPath));
      throw error;
    }
  };
  return {
    getWorkflowRun: (params) => explain(() => github.getWorkflowRun(params)),
    listRunArtifacts: (params) => explain(() => github.listRunArtifacts(params)),
    downloadArtifactZip: (params) => explain(() => github.downloadArtifactZip(params)),
  };
}
