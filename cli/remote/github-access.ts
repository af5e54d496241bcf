/**
 * How the remote commands reach GitHub: the token (`GH_TOKEN`, `GITHUB_TOKEN`, else
 * `gh auth token`) and the REST base (`GITHUB_API_URL`, else the run URL's host or `GH_HOST`:
 * `https://api.github.com` for github.com, `https://HOST/api/v3` for GitHub Enterprise Server).
 * The token is only ever handed to the client; no message names it.
 */
import { execFile } from 'node:child_process';
import { createGitHubClient, type GitHubClient } from '../../src/adapters/github/client.js';
import { createRestGitHubBot } from '../../src/adapters/github/bot.js';
import { UserError } from '../../src/core/errors.js';
import type { Env } from '../../src/core/env.js';
import type { GitHubBot } from '../../src/ports/github-bot.js';

/** A connection to one GitHub server. */
export interface GitHubAccess {
  readonly apiUrl: string;
  readonly host: string;
  readonly client: GitHubClient;
  readonly github: GitHubBot;
}

const GH_AUTH_TIMEOUT_MS = 10_000;

/** The REST base and the host whose token to use. */
export function resolveApi(env: Env, urlHost: string | null): { apiUrl: string; host: string } {
  const host = (urlHost ?? nonEmpty(env['GH_HOST']) ?? 'github.com').toLowerCase();
  const fromEnv = nonEmpty(env['GITHUB_API_URL']);
  if (fromEnv !== undefined) return { apiUrl: fromEnv.replace(/\/+$/, ''), host };
  const apiUrl = host === 'github.com' ? 'https://api.github.com' : `https://${host}/api/v3`;
  return { apiUrl, host };
}

/** The token: `GH_TOKEN`, `GITHUB_TOKEN`, else what `gh auth token` prints for the host. */
export async function resolveToken(env: Env, host: string): Promise<string> {
  const given = nonEmpty(env['GH_TOKEN']) ?? nonEmpty(env['GITHUB_TOKEN']);
  if (given !== undefined) return given;
  const fromGh = await ghAuthToken(env, host);
  if (fromGh !== null) return fromGh;
  throw new UserError(
    `no GitHub token: set GH_TOKEN, or install the GitHub CLI and run "gh auth login --hostname ${host}"`,
  );
}

/** Connect to the server of a run. */
export async function connectGitHub(env: Env, urlHost: string | null): Promise<GitHubAccess> {
  const { apiUrl, host } = resolveApi(env, urlHost);
  const token = await resolveToken(env, host);
  const client = createGitHubClient({ token, baseUrl: apiUrl, userAgent: 'gh-retry-cli' });
  return { apiUrl, host, client, github: createRestGitHubBot(client) };
}

function ghAuthToken(env: Env, host: string): Promise<string | null> {
  return new Promise((resolve) => {
    execFile(
      'gh',
      ['auth', 'token', '--hostname', host],
      { env: { ...env }, timeout: GH_AUTH_TIMEOUT_MS, windowsHide: true },
      (error, stdout) => {
        const token = stdout.trim();
        // Not installed, not logged in, or no answer in time: no token from gh.
        resolve(error === null && /^\S+$/.test(token) ? token : null);
      },
    );
  });
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}
