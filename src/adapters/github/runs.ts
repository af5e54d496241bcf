import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { Octokit } from '@octokit/rest';
import type {
  ArtifactDownload,
  ArtifactInfo,
  GitHubActions,
  RepoRef,
  WorkflowRunInfo,
} from '../../ports/github-runs.js';

const ResilientOctokit = Octokit.plugin(retry, throttling);

/** An Octokit with GitHub's retry and rate-limit plugins, as gh-retry uses it. */
export type GitHubClient = Octokit;

/** Options of {@link createGitHubClient}. */
export interface GitHubClientOptions {
  readonly token: string;
  /** REST base, e.g. `GITHUB_API_URL` (`https://api.github.com`, a GHES `/api/v3`, or an emulator). */
  readonly baseUrl: string;
  readonly userAgent?: string;
  /** Rate-limit retries before giving up (primary and secondary limits). */
  readonly maxRateLimitRetries?: number;
}

/** Build the REST client: retries transient errors with backoff and waits out rate limits a bounded number of times. */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const maxRetries = options.maxRateLimitRetries ?? 2;
  return new ResilientOctokit({
    auth: options.token,
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    userAgent: options.userAgent ?? 'gh-retry',
    log: {
      debug: () => undefined,
      info: () => undefined,
      warn: () => undefined,
      error: () => undefined,
    },
    throttle: {
      onRateLimit: (_after, _options, _octokit, retryCount) => retryCount < maxRetries,
      onSecondaryRateLimit: (_after, _options, _octokit, retryCount) => retryCount < maxRetries,
    },
  });
}

function statusOf(error: unknown): number | null {
  if (
    typeof error === 'object' &&
    error !== null &&
    'status' in error &&
    typeof error.status === 'number'
  ) {
    return error.status;
  }
  return null;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Read a response body, stopping as soon as it passes `maxBytes`. */
async function readBounded(response: Response, maxBytes: number): Promise<Uint8Array | null> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) return null;
  if (response.body === null) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    total += chunk.length;
    if (total > maxBytes) return null;
    chunks.push(chunk);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/**
 * The workflow file of a run from its REST `path`, which comes as `.github/workflows/x.yml`,
 * `.github/workflows/x.yml@main` or `owner/repo/.github/workflows/x.yml@main`.
 */
export function parseRunWorkflowPath(path: string, repository: string): string {
  const at = path.indexOf('@');
  const withoutRef = at === -1 ? path : path.slice(0, at);
  const prefix = `${repository}/`;
  return withoutRef.toLowerCase().startsWith(prefix.toLowerCase())
    ? withoutRef.slice(prefix.length)
    : withoutRef;
}

/** {@link GitHubActions} over GitHub's REST API. */
export class OctokitGitHub implements GitHubActions {
  constructor(private readonly octokit: GitHubClient) {}

  async getWorkflowRun(params: RepoRef & { runId: number }): Promise<WorkflowRunInfo | null> {
    try {
      const { data } = await this.octokit.rest.actions.getWorkflowRun({
        owner: params.owner,
        repo: params.repo,
        run_id: params.runId,
        exclude_pull_requests: true,
      });
      return {
        id: data.id,
        attempt: data.run_attempt ?? 1,
        runNumber: data.run_number,
        repository: data.repository.full_name,
        workflowPath: parseRunWorkflowPath(data.path, data.repository.full_name),
        status: data.status,
        conclusion: data.conclusion,
        htmlUrl: data.html_url,
        displayTitle: data.display_title,
        headSha: data.head_sha,
        headBranch: data.head_branch,
        event: data.event,
      };
    } catch (error) {
      if (statusOf(error) === 404) return null;
      throw error;
    }
  }

  async listRunArtifacts(
    params: RepoRef & { runId: number; namePrefix?: string },
  ): Promise<ArtifactInfo[]> {
    const artifacts = await this.octokit.paginate(
      this.octokit.rest.actions.listWorkflowRunArtifacts,
      {
        owner: params.owner,
        repo: params.repo,
        run_id: params.runId,
        per_page: 100,
      },
    );
    return artifacts
      .filter((a) => params.namePrefix === undefined || a.name.startsWith(params.namePrefix))
      .map((a) => ({
        id: a.id,
        name: a.name,
        sizeInBytes: a.size_in_bytes,
        expired: a.expired,
        expiresAt: a.expires_at,
        createdAt: a.created_at,
      }));
  }

  async downloadArtifactZip(
    params: RepoRef & { artifactId: number; maxBytes: number },
  ): Promise<ArtifactDownload> {
    let location: string | undefined;
    try {
      // The zip lives behind a short-lived signed URL: take the redirect by hand so the token never follows it.
      const response = await this.octokit.rest.actions.downloadArtifact({
        owner: params.owner,
        repo: params.repo,
        artifact_id: params.artifactId,
        archive_format: 'zip',
        request: { redirect: 'manual' },
      });
      location = response.headers.location;
    } catch (error) {
      const status = statusOf(error);
      if (status === 410) return { kind: 'expired', message: messageOf(error) };
      if (status === 404) return { kind: 'not-found' };
      throw error;
    }
    if (location === undefined || !/^https?:\/\//.test(location)) {
      throw new Error(
        `GitHub did not redirect the download of artifact ${params.artifactId} to a URL`,
      );
    }
    const response = await fetch(location, { redirect: 'follow' });
    if (!response.ok) {
      throw new Error(
        `downloading artifact ${params.artifactId} failed with HTTP ${response.status}`,
      );
    }
    const bytes = await readBounded(response, params.maxBytes);
    return bytes === null
      ? { kind: 'too-large', maxBytes: params.maxBytes }
      : { kind: 'downloaded', bytes };
  }
}
