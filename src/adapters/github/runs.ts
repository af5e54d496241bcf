import type {
  ArtifactDownload,
  ArtifactInfo,
  RunArtifactReader,
  RepoRef,
  WorkflowRunInfo,
} from '../../ports/github-runs.js';
import { orNullOn404, readHttpFailure, type GitHubClient } from './client.js';
import { toWorkflowRunInfo } from './workflow-run.js';

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

/** {@link RunArtifactReader} over GitHub's REST API. */
export function createRestRunReader(octokit: GitHubClient): RunArtifactReader {
  return {
    async getWorkflowRun(params: RepoRef & { runId: number }): Promise<WorkflowRunInfo | null> {
      const response = await orNullOn404(
        async () =>
          await octokit.rest.actions.getWorkflowRun({
            owner: params.owner,
            repo: params.repo,
            run_id: params.runId,
            exclude_pull_requests: true,
          }),
      );
      return response === null ? null : toWorkflowRunInfo(response.data);
    },

    async listRunArtifacts(
      params: RepoRef & { runId: number; namePrefix?: string },
    ): Promise<ArtifactInfo[]> {
      const artifacts = await octokit.paginate(octokit.rest.actions.listWorkflowRunArtifacts, {
        owner: params.owner,
        repo: params.repo,
        run_id: params.runId,
        per_page: 100,
      });
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
    },

    async downloadArtifactZip(
      params: RepoRef & { artifactId: number; maxBytes: number },
    ): Promise<ArtifactDownload> {
      let location: string | undefined;
      try {
        // The zip lives behind a short-lived signed URL: take the redirect by hand so the token never follows it.
        const response = await octokit.rest.actions.downloadArtifact({
          owner: params.owner,
          repo: params.repo,
          artifact_id: params.artifactId,
          archive_format: 'zip',
          request: { redirect: 'manual' },
        });
        location = response.headers.location;
      } catch (error) {
        const failure = readHttpFailure(error);
        if (failure?.status === 410) return { kind: 'expired', message: failure.message };
        if (failure?.status === 404) return { kind: 'not-found' };
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
    },
  };
}
