import { composeConfigGet } from '@probot/octokit-plugin-config';
import type { ConfigRead } from '../../ports/github-bot.js';
import type { RepoRef } from '../../ports/github-runs.js';
import { readHttpFailure, type GitHubClient } from './client.js';

/*
 * The bot's configuration read through Probot's config loader (`_extends`, the organisation's
 * `.github` repository), and the glue that lets it answer from files already read.
 */

/**
 * Read and compose a configuration file with Probot's loader; `known` answers the reads of
 * `path` it already has (see {@link answeringFrom}).
 */
export async function readConfig(
  octokit: GitHubClient,
  {
    owner,
    repo,
    path,
    known,
  }: RepoRef & { path: string; known?: ReadonlyMap<string, string | null> },
): Promise<ConfigRead> {
  try {
    const loader = known === undefined ? octokit : answeringFrom(octokit, { path, known });
    const { files, config } = await composeConfigGet(loader, { owner, repo, path });
    const found = files.some((file) => file.config !== null);
    return { kind: 'found', value: found ? config : null };
  } catch (error) {
    const failure = readHttpFailure(error);
    const message =
      failure !== null
        ? `GitHub answered HTTP ${failure.status}: ${failure.message}`
        : error instanceof Error
          ? error.message
          : String(error);
    return { kind: 'failed', message };
  }
}

/**
 * The client Probot's config loader is given: its reads of `path` on the default branch of a
 * repository in `known` are answered from there (the loader treats a 404 as "no file"); every
 * other request goes to GitHub.
 */
function answeringFrom(
  octokit: GitHubClient,
  params: { path: string; known: ReadonlyMap<string, string | null> },
): GitHubClient {
  type Endpoint = Parameters<GitHubClient['request']>[0] & Record<string, unknown>;
  const request = async (endpoint: Endpoint) => {
    const { owner, repo, path, ref } = endpoint;
    const text =
      path === params.path && ref === undefined
        ? params.known.get(`${String(owner)}/${String(repo)}`)
        : undefined;
    if (text === undefined) return await octokit.request(endpoint);
    if (text === null) throw Object.assign(new Error('Not Found'), { status: 404 });
    return { status: 200, url: '', headers: { 'content-type': 'text/plain' }, data: text };
  };
  return {
    request: Object.assign(request, { endpoint: octokit.request.endpoint }),
  } as unknown as GitHubClient;
}
