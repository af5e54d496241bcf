import { describe, expect, it } from 'vitest';
import type { ArtifactInfo } from '../../src/ports/github-runs.js';
import type { BotWorkflowRun, CheckRunInfo, GitHubBot } from '../../src/ports/github-bot.js';
import type { BotContext } from '../context.js';
import { noteUnreportedRetries, REPORT_WITHIN_MS, UNREPORTED_TITLE } from './unreported.js';

const NOW = new Date('2026-12-07T12:00:00Z');
const SHA = 'a'.repeat(40);

function aRun(id: number, fields: Partial<BotWorkflowRun> = {}): BotWorkflowRun {
  return {
    id,
    attempt: 1,
    runNumber: id,
    repository: 'acme/warehouse',
    workflowPath: '.github/workflows/nightly.yml',
    status: 'completed',
    conclusion: 'failure',
    htmlUrl: `https://github.com/acme/warehouse/actions/runs/${id}`,
    displayTitle: 'Retry of #1',
    headSha: SHA,
    headBranch: 'main',
    event: 'workflow_dispatch',
    workflowId: 3,
    workflowName: 'Nightly',
    headRepository: 'acme/warehouse',
    createdAt: new Date(NOW.getTime() - 2 * REPORT_WITHIN_MS).toISOString(),
    updatedAt: new Date(NOW.getTime() - REPORT_WITHIN_MS - 60_000).toISOString(),
    pullRequests: [],
    ...fields,
  };
}

const reportOf = (runId: number): CheckRunInfo => ({
  id: runId + 100,
  name: 'gh-retry',
  headSha: SHA,
  externalId: String(runId),
  appId: 15368,
  conclusion: 'failure',
  output: { title: '', summary: '', text: '' },
});

const record = (runId: number): ArtifactInfo[] => [
  {
    id: runId + 500,
    name: 'gh-retry-nightly-1',
    sizeInBytes: 10,
    expired: false,
    expiresAt: null,
    createdAt: null,
  },
];

/** A repository with these dispatched runs, the bot's check runs and the runs with a record. */
function repository(params: { runs: BotWorkflowRun[]; reported: number[]; recorded: number[] }): {
  ctx: BotContext;
  created: { externalId: string; title: string }[];
  warnings: string[];
} {
  const created: { externalId: string; title: string }[] = [];
  const warnings: string[] = [];
  const github = {
    listRuns: () => Promise.resolve(params.runs),
    getRun: ({ runId }: { runId: number }) => Promise.resolve(aRun(runId)),
    listCheckRuns: () => Promise.resolve(params.reported.map(reportOf)),
    listRunArtifacts: ({ runId }: { runId: number }) =>
      Promise.resolve(params.recorded.includes(runId) ? record(runId) : []),
    createCheckRun: (fields: { externalId: string; output: { title: string } }) => {
      created.push({ externalId: fields.externalId, title: fields.output.title });
      return Promise.resolve({ id: 1 });
    },
  } as unknown as GitHubBot;
  const ctx = {
    github,
    repo: { owner: 'acme', repo: 'warehouse' },
    serverUrl: 'https://github.com',
    log: { info: () => undefined, warn: (m: string) => warnings.push(m), error: () => undefined },
  } as unknown as BotContext;
  return { ctx, created, warnings };
}

describe('noting retries the bot workflow never reported', () => {
  it('notes a settled retry with a record whose parent was reported but it was not', async () => {
    const { ctx, created, warnings } = repository({
      runs: [aRun(2)],
      reported: [1],
      recorded: [2],
    });
    expect(await noteUnreportedRetries(ctx, NOW)).toEqual([2]);
    expect(created).toEqual([{ externalId: '2', title: UNREPORTED_TITLE }]);
    expect(warnings).toHaveLength(1);
  });

  it.each([
    { why: 'it was reported', runs: [aRun(2)], reported: [1, 2], recorded: [2] },
    {
      why: 'its parent was not (a workflow the bot does not watch)',
      runs: [aRun(2)],
      reported: [],
      recorded: [2],
    },
    {
      why: 'it has no record (nothing to report either way)',
      runs: [aRun(2)],
      reported: [1],
      recorded: [],
    },
    {
      why: 'it completed too lately to tell',
      runs: [aRun(2, { updatedAt: new Date(NOW.getTime() - 60_000).toISOString() })],
      reported: [1],
      recorded: [2],
    },
    {
      why: 'it is still running',
      runs: [aRun(2, { status: 'in_progress' })],
      reported: [1],
      recorded: [2],
    },
    {
      why: 'its title names no parent',
      runs: [aRun(2, { displayTitle: 'Nightly' })],
      reported: [1],
      recorded: [2],
    },
  ])('notes nothing when $why', async ({ runs, reported, recorded }) => {
    const { ctx, created } = repository({ runs, reported, recorded });
    expect(await noteUnreportedRetries(ctx, NOW)).toEqual([]);
    expect(created).toEqual([]);
  });
});
