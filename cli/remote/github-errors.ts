/**
 * GitHub's refusals during a remote command as one line saying what to do next (exit 2): a bad
 * token, a token that may not read or write, a repository it cannot see, a server not reached.
 */
import { errorMessage, UserError } from '../../src/core/errors.js';

/** Run `work`, turning GitHub's and the network's refusals into a {@link UserError}. */
export async function withGitHubErrors<T>(
  params: { repository: string; apiUrl: string },
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UserError) throw error;
    const status = statusOf(error);
    const detail = messageOf(error);
    if (status === 401)
      throw new UserError(
        `GitHub refused the token (${detail}): set GH_TOKEN to a valid token, or run "gh auth login"`,
      );
    if (status === 403)
      throw new UserError(
        `your token may not do this in ${params.repository} (GitHub: ${detail}): use a token with Actions and Checks access to it`,
      );
    if (status === 404)
      throw new UserError(
        `${params.repository} or its run was not found, or your token cannot see it: check the run, or use a token with access to ${params.repository}`,
      );
    if (status === null && error instanceof Error && /fetch failed|ECONN|ENOTFOUND/i.test(detail))
      throw new UserError(
        `cannot reach the GitHub API at ${params.apiUrl} (${detail}): check GITHUB_API_URL / GH_HOST and your network`,
      );
    throw error;
  }
}

function statusOf(error: unknown): number | null {
  if (typeof error !== 'object' || error === null || !('status' in error)) return null;
  return typeof error.status === 'number' ? error.status : null;
}

function messageOf(error: unknown): string {
  const data = (error as { response?: { data?: { message?: unknown } } }).response?.data;
  if (typeof data?.message === 'string') return data.message.split('\n')[0] ?? data.message;
  const message = errorMessage(error);
  const cause =
    error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return `${message.split('\n')[0] ?? message}${cause}`.replace(
    / - https:\/\/docs\.github\.com\S*/,
    '',
  );
}
