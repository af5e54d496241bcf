/**
 * `gh-retry flaky --repo O/R [--workflow W]`: the nodes and tests that were flaky most often over
 * a repository's recent gh-retry runs, read from their record artifacts the way `show --repo`
 * reads them (checked, bounded). At most `--runs` runs (default 20, at most 100) are read.
 */
import { readRunRecords } from '../../src/retry-service/run-records.js';
import type { RunRecord } from '../../src/core/run-record/schema.js';
import type { CliContext } from '../cli-context.js';
import { FLAKY_LIMITS, printRanking, readCount, type FlakyOptions } from '../flaky-command.js';
import { connectGitHub } from './github-access.js';
import { withGitHubErrors } from './github-errors.js';
import { parseRepoOption, type RepoOption } from './run-target.js';

/** Options of the remote `flaky`. */
export interface RemoteFlakyOptions extends FlakyOptions, RepoOption {
  readonly workflow?: string;
}

const REMOTE_RUNS = { default: 20, max: 100 } as const;

/** Rank what was flaky in the recent gh-retry runs of a repository. */
export async function remoteFlakyCommand(
  options: RemoteFlakyOptions,
  context: CliContext,
): Promise<number> {
  const repo = parseRepoOption(options.repo);
  const limit = readCount('--limit', options.limit, FLAKY_LIMITS.rows);
  const runs = readCount('--runs', options.runs, REMOTE_RUNS);
  const access = await connectGitHub(context.env, null);
  const repository = `${repo.owner}/${repo.repo}`;
  return await withGitHubErrors({ repository, apiUrl: access.apiUrl }, async () => {
    const listed = await access.github.listRuns({
      ...repo,
      limit: runs,
      ...(options.workflow === undefined ? {} : { workflow: options.workflow }),
    });
    const records: RunRecord[] = [];
    let problems = 0;
    for (const run of listed.slice(0, runs)) {
      if (run.status !== 'completed') continue;
      const read = await readRunRecords({
        github: access.github,
        repo,
        run: { id: run.id, attempt: run.attempt, repository: run.repository },
      });
      if (read.kind === 'not-gh-retry') continue;
      records.push(...read.records);
      problems += read.problems.length;
    }
    if (problems > 0)
      context.stderr(
        `gh-retry: note: ${problems} record(s) could not be read (expired or invalid); "gh-retry show RUN --repo ${repository}" says why\n`,
      );
    printRanking({ records, limit, json: options.json === true, context });
    return 0;
  });
}
