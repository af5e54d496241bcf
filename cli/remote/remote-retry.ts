/**
 * `gh-retry retry RUN` for a GitHub run: the route (`chooseRoute`) and the way of carrying it out
 * (`executeRoute`: one retry per parent, GitHub's re-run of failed jobs for forks and workflows
 * without a dispatch trigger) that the bot uses too, from `src/retry-service/`; then, with
 * `--follow`, the new run to its end.
 */
import { RecentRetries } from '../../src/retry-service/recent.js';
import { chooseRoute } from '../../src/retry-service/route.js';
import { executeRoute } from '../../src/retry-service/execute.js';
import type { GitHubRetryContext } from '../../src/retry-service/context.js';
import type { RetryTargetResult } from '../../src/core/report/retry-reply.js';
import type { BotWorkflowRun } from '../../src/ports/github-bot.js';
import type { CliContext } from '../cli-context.js';
import { jsonText } from '../json-output.js';
import type { JsonOption } from '../inspect-commands.js';
import { readRetryMode, type RetryModeOptions } from '../retry-mode-options.js';
import { followRun, type FollowOptions } from './follow-run.js';
import { locateRetry } from './locate-retry.js';
import { connectGitHub, type GitHubAccess } from './github-access.js';
import { withGitHubErrors } from './github-errors.js';
import { describeResult, toRetryJson, type RetryRun } from './retry-outcome.js';
import { parseRunTarget, runNotFound, type RepoOption, type RunTarget } from './run-target.js';

/** Options of the remote `retry`. */
export type RemoteRetryOptions = RepoOption & RetryModeOptions & JsonOption & FollowOptions;

/** Exit code of a refusal, a usage or an access error. */
const EXIT_REFUSED = 2;

/** `gh-retry retry RUN [--all|--from S|--only A,B] [--follow] [--json]` for a GitHub run. */
export async function remoteRetryCommand(
  ref: string | undefined,
  options: RemoteRetryOptions,
  context: CliContext,
): Promise<number> {
  const mode = readRetryMode(options);
  const target = parseRunTarget(ref, options);
  const access = await connectGitHub(context.env, target.host);
  const repository = `${target.owner}/${target.repo}`;
  return await withGitHubErrors({ repository, apiUrl: access.apiUrl }, async () => {
    const parent = await readParent(access, target);
    const ctx = cliRetryContext(access, target, parent);
    const route = await chooseRoute(ctx, { parent, mode });
    const result = await executeRoute(ctx, {
      parent,
      route,
      trigger: 'cli',
      requestedBy: 'unknown',
    });
    const run = retryRun(parent, await located(access, target, parent, result, context));
    const described = describeResult(result, { run, repository });
    const json = options.json === true;
    const say = json ? context.stderr : context.stdout;
    if (described.outcome === 'refused') context.stderr(`gh-retry: ${described.message}\n`);
    else say(`${described.message}\n`);
    const followed =
      options.follow === true && run !== null
        ? await followRun({
            access,
            target,
            parent,
            run,
            options: { ...options, ...pollSeconds(context) },
            say,
          })
        : null;
    if (json) {
      const parentRef = { id: parent.id, url: parent.htmlUrl };
      const object = toRetryJson({
        repository,
        parent: parentRef,
        mode,
        described,
        run,
        result: followed?.json ?? null,
      });
      context.stdout(jsonText(object));
    }
    if (described.outcome === 'refused') return EXIT_REFUSED;
    if (followed === null) return 0;
    return followed.json.conclusion === 'success' ? 0 : 1;
  });
}

async function readParent(access: GitHubAccess, target: RunTarget): Promise<BotWorkflowRun> {
  const parent = await access.github.getRun({ ...target, runId: target.runId });
  if (parent === null) throw runNotFound(target);
  return parent;
}

/** The retry context of one command: the App's identity, this process's memory of retries. */
function cliRetryContext(
  access: GitHubAccess,
  target: RunTarget,
  parent: BotWorkflowRun,
): GitHubRetryContext {
  return {
    github: access.github,
    // The App's login: its replies and check runs are where earlier retries are noted.
    identity: { login: 'gh-retry[bot]', appId: null },
    recentRetries: new RecentRetries(),
    repo: { owner: target.owner, repo: target.repo },
    serverUrl: serverUrlOf(parent),
  };
}

/** The web address of the server, from the run's own address. */
function serverUrlOf(run: BotWorkflowRun): string {
  const at = run.htmlUrl.indexOf(`/${run.repository}/`);
  return at === -1 ? 'https://github.com' : run.htmlUrl.slice(0, at);
}

/** The run that retries the parent: a new run, the parent's next attempt, or none. */
function retryRun(parent: BotWorkflowRun, result: RetryTargetResult): RetryRun | null {
  const base = `${serverUrlOf(parent)}/${parent.repository}/actions/runs`;
  switch (result.kind) {
    case 'dispatched':
    case 'already-retried':
      return result.runId === null
        ? null
        : { id: result.runId, attempt: null, url: `${base}/${result.runId}` };
    case 'native-rerun': {
      const attempt = parent.attempt + 1;
      return { id: parent.id, attempt, url: `${base}/${parent.id}/attempts/${attempt}` };
    }
    default:
      return null;
  }
}

/** A dispatch GitHub did not name the run of: find that run by its title. */
async function located(
  access: GitHubAccess,
  target: RunTarget,
  parent: BotWorkflowRun,
  result: RetryTargetResult,
  context: CliContext,
): Promise<RetryTargetResult> {
  if (result.kind !== 'dispatched' || result.runId !== null) return result;
  const intervalSeconds = pollSeconds(context).pollSeconds ?? 3;
  const runId = await locateRetry({ github: access.github, target, parent, intervalSeconds });
  return { ...result, runId };
}

/** `GH_RETRY_POLL_SECONDS`: the first interval between polls of `--follow` (default 5). */
function pollSeconds(context: CliContext): { pollSeconds?: number } {
  const value = Number(context.env['GH_RETRY_POLL_SECONDS'] ?? '');
  return Number.isFinite(value) && value > 0 ? { pollSeconds: value } : {};
}
