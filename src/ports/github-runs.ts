/**
 * The GitHub operations gh-retry needs, as one small interface: the Action reads a parent run and its
 * record artifact through it, and the App builds on the same shape. Adapters: `adapters/github/runs.ts`.
 */

/** Names one repository. */
export interface RepoRef {
  readonly owner: string;
  readonly repo: string;
}

/** A workflow run, reduced to what gh-retry decides on. */
export interface WorkflowRunInfo {
  readonly id: number;
  readonly attempt: number;
  readonly runNumber: number;
  /** `owner/name` of the repository the run belongs to. */
  readonly repository: string;
  /** Path of the workflow file (`.github/workflows/nightly.yml`). */
  readonly workflowPath: string;
  readonly status: string | null;
  readonly conclusion: string | null;
  readonly htmlUrl: string;
  readonly displayTitle: string;
  readonly headSha: string;
  readonly headBranch: string | null;
  readonly event: string;
}

/** An artifact of a workflow run. */
export interface ArtifactInfo {
  readonly id: number;
  readonly name: string;
  readonly sizeInBytes: number;
  readonly expired: boolean;
  readonly expiresAt: string | null;
  readonly createdAt: string | null;
}

/** The outcome of downloading an artifact's zip. */
export type ArtifactDownload =
  | { readonly kind: 'downloaded'; readonly bytes: Uint8Array }
  | { readonly kind: 'expired'; readonly message: string }
  | { readonly kind: 'not-found' }
  | { readonly kind: 'too-large'; readonly maxBytes: number };

/** Read access to workflow runs and their artifacts. */
export interface RunArtifactReader {
  /** The run, or null when it does not exist (or the token cannot see it). */
  getWorkflowRun(params: RepoRef & { readonly runId: number }): Promise<WorkflowRunInfo | null>;
  /** Every artifact of the run (all pages), optionally only those whose name starts with a prefix. */
  listRunArtifacts(
    params: RepoRef & { readonly runId: number; readonly namePrefix?: string },
  ): Promise<ArtifactInfo[]>;
  /** The artifact's zip, read at most `maxBytes` far. */
  downloadArtifactZip(
    params: RepoRef & { readonly artifactId: number; readonly maxBytes: number },
  ): Promise<ArtifactDownload>;
}
