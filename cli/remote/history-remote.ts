/**
 * `gh-retry history --repo O/R [--workflow W]`: the repository's recent gh-retry runs, newest
 * first, with their lineage as GitHub shows it: a dispatched retry names its parent in its title
 * (`Retry of #123`, the documented `run-name`), a re-run of failed jobs is a later attempt.
 */
import { RECORD_ARTIFACT_PREFIX } from '../../src/core/run-record/artifact.js';
import { parseRetryTitle } from '../../src/core/bot/retry-title.js';
import { renderTextTable } from '../../src/core/report/text-table.js';
import type { BotWorkflowRun } from '../../src/ports/github-bot.js';
import type { CliContext } from '../cli-context.js';
import { jsonText } from '../json-output.js';
import type { JsonOption } from '../inspect-commands.js';
import { connectGitHub } from './github-access.js';
import { withGitHubErrors } from './github-errors.js';
import { parseRepoOption, type RepoOption } from './run-target.js';

/** Options of the remote `history`. */
export interface RemoteHistoryOptions extends RepoOption, JsonOption {
  readonly workflow?: string;
  readonly limit?: string;
}

/** `history --json` for a repository: one entry per gh-retry run (README, "CLI: remote runs"). */
export interface RemoteHistoryEntry {
  readonly id: number;
  readonly attempt: number;
  readonly workflow: string;
  readonly status: string | null;
  readonly conclusion: string | null;
  readonly createdAt: string;
  readonly url: string;
  /** The run this one retries (from its title); null for a first run. */
  readonly retryOf: number | null;
  /** The first run of its chain, as far as the listed runs tell. */
  readonly root: number;
}

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;

/** The recent gh-retry runs of a repository (runs that uploaded a record artifact). */
export async function remoteHistoryCommand(
  options: RemoteHistoryOptions,
  context: CliContext,
): Promise<number> {
  const repo = parseRepoOption(options.repo);
  const limit = readLimit(options.limit);
  const access = await connectGitHub(context.env, null);
  const repository = `${repo.owner}/${repo.repo}`;
  return await withGitHubErrors({ repository, apiUrl: access.apiUrl }, async () => {
    const runs = await access.github.listRuns({
      ...repo,
      limit,
      ...(options.workflow === undefined ? {} : { workflow: options.workflow }),
    });
    const used: BotWorkflowRun[] = [];
    for (const run of runs) {
      if (run.status !== 'completed') continue;
      const artifacts = await access.github.listRunArtifacts({
        ...repo,
        runId: run.id,
        namePrefix: RECORD_ARTIFACT_PREFIX,
      });
      if (artifacts.length > 0) used.push(run);
    }
    const entries = lineage(used);
    if (options.json === true) context.stdout(jsonText(entries));
    else if (entries.length === 0)
      context.stdout(`no finished gh-retry runs among the last ${limit} runs of ${repository}\n`);
    else context.stdout(`${renderEntries(entries)}\n`);
    return 0;
  });
}

function lineage(runs: readonly BotWorkflowRun[]): RemoteHistoryEntry[] {
  const parentOf = new Map(runs.map((run) => [run.id, parseRetryTitle(run.displayTitle)]));
  const rootOf = (id: number): number => {
    let current = id;
    // Bounded: a chain is at most as long as the list.
    for (let hops = 0; hops < runs.length; hops += 1) {
      const parent = parentOf.get(current);
      if (parent === null || parent === undefined) return current;
      current = parent;
    }
    return current;
  };
  return runs.map((run) => ({
    id: run.id,
    attempt: run.attempt,
    workflow: run.workflowName,
    status: run.status,
    conclusion: run.conclusion,
    createdAt: run.createdAt,
    url: run.htmlUrl,
    retryOf: parentOf.get(run.id) ?? null,
    root: rootOf(run.id),
  }));
}

function renderEntries(entries: readonly RemoteHistoryEntry[]): string {
  const rows = entries.map((entry) => [
    String(entry.id),
    entry.conclusion ?? entry.status ?? '-',
    entry.createdAt.slice(0, 19).replace('T', ' '),
    entry.workflow,
    describe(entry),
  ]);
  return renderTextTable(['RUN', 'CONCLUSION', 'CREATED (UTC)', 'WORKFLOW', 'LINEAGE'], rows);
}

function describe(entry: RemoteHistoryEntry): string {
  const rerun = entry.attempt > 1 ? `, ${entry.attempt - 1} re-run(s) of failed jobs` : '';
  if (entry.retryOf === null) return `first run${rerun}`;
  const root = entry.root === entry.retryOf ? '' : ` (root ${entry.root})`;
  return `retry of ${entry.retryOf}${root}${rerun}`;
}

function readLimit(text: string | undefined): number {
  if (text === undefined) return DEFAULT_LIMIT;
  const limit = Number(text);
  return Number.isInteger(limit) && limit > 0 ? Math.min(limit, MAX_LIMIT) : DEFAULT_LIMIT;
}
