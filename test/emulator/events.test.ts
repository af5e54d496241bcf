import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { commentRetry, useEmulatorWithRepo } from '../support/emulator.js';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

const workflows = {
  '.github/workflows/ci.yml': `name: CI
on:
  push: { branches: [main] }
  pull_request:
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: ./
`,
  '.github/workflows/nightly.yml': `name: Nightly
on:
  schedule: [{ cron: '0 3 * * *' }]
  workflow_dispatch:
jobs:
  run:
    runs-on: ubuntu-latest
    steps:
      - uses: ./
        with:
          greeting: nightly
`,
  '.github/workflows/bot.yml': `name: Bot
on:
  issue_comment: { types: [created] }
  workflow_run:
    workflows: [Nightly]
    types: [completed]
permissions:
  issues: write
jobs:
  bot:
    runs-on: ubuntu-latest
    steps:
      - uses: ./
        with:
          github-token: \${{ secrets.GITHUB_TOKEN }}
`,
};

describe('events start the workflows whose triggers match', () => {
  const { gh } = useEmulatorWithRepo({ repo: 'acme/app', files: workflows });

  it('push to a filtered branch', async () => {
    const onMain = await gh.fire({
      kind: 'push',
      repo: 'acme/app',
      branch: 'main',
      files: { 'a.txt': '1' },
      message: 'Add a',
    });
    const onFeature = await gh.fire({
      kind: 'push',
      repo: 'acme/app',
      branch: 'feature',
      files: { 'b.txt': '2' },
    });

    expect(onFeature.runs).toEqual([]);
    expect(onMain.runs).toHaveLength(1);
    expect(gh.run(onMain.runs[0]!)).toMatchObject({
      event: 'push',
      name: 'CI',
      head_branch: 'main',
      head_sha: gh.headSha('acme/app'),
      display_title: 'Add a',
    });
    expect(gh.eventPayload(onMain.runs[0]!)).toMatchObject({
      ref: 'refs/heads/main',
      after: gh.headSha('acme/app'),
    });
  });

  it('pull requests from the same repository and from a fork', async () => {
    const same = gh.addPullRequest({ repo: 'acme/app', head: 'feature', title: 'Feature' });
    const fork = gh.addPullRequest({
      repo: 'acme/app',
      head: 'patch',
      fork: 'outsider',
      title: 'Patch',
    });
    const opened = async (number: number) =>
      (await gh.fire({ kind: 'pull_request', action: 'opened', repo: 'acme/app', number })).runs;
    const [sameRun] = await opened(same.number);
    const [forkRun] = await opened(fork.number);

    expect(gh.run(sameRun!)).toMatchObject({
      event: 'pull_request',
      head_branch: 'feature',
      head_sha: same.headSha,
      display_title: 'Feature',
      pull_requests: [{ number: same.number }],
    });
    expect(gh.run(forkRun!)).toMatchObject({
      head_branch: 'patch',
      head_sha: fork.headSha,
      head_repository: { full_name: 'outsider/app', fork: true },
      pull_requests: [],
    });
  });

  it('a schedule, then workflow_run of the completed run', async () => {
    const { runs } = await gh.fire({ kind: 'schedule', repo: 'acme/app', cron: '0 3 * * *' });
    expect(runs).toHaveLength(1);
    gh.completeRun(runs[0]!, 'failure');

    const bot = gh.runs('acme/app').find((run) => run.name === 'Bot');
    expect(gh.run(runs[0]!)).toMatchObject({ event: 'schedule', name: 'Nightly' });
    expect(bot).toMatchObject({ event: 'workflow_run' });
    expect(gh.eventPayload(Number(bot!.id))).toMatchObject({
      action: 'completed',
      workflow_run: { id: runs[0], conclusion: 'failure', name: 'Nightly' },
    });
  });

  it('re-announces a seeded run as workflow_run to Apps and workflows', async () => {
    const received: unknown[] = [];
    gh.installApp({
      permissions: { actions: 'read' },
      events: ['workflow_run'],
      webhook: { kind: 'handler', handler: ({ body }) => void received.push(JSON.parse(body)) },
    });
    const runId = gh.addRun({
      repo: 'acme/app',
      workflow: 'nightly.yml',
      conclusion: 'failure',
      artifacts: [{ name: 'gh-retry-nightly-1', files: { 'record.json': '{}' } }],
    });
    expect(gh.deliveries()).toEqual([]);

    const { runs } = await gh.fire({ kind: 'workflow_run', action: 'completed', runId });

    expect(received).toMatchObject([
      {
        action: 'completed',
        workflow_run: { id: runId, conclusion: 'failure', status: 'completed' },
      },
      { action: 'requested', workflow_run: { name: 'Bot', event: 'workflow_run' } },
    ]);
    expect(runs.map((id) => gh.run(id).name)).toEqual(['Bot']);
    expect(gh.artifacts(runId)).toMatchObject([{ name: 'gh-retry-nightly-1', expired: false }]);
  });

  it('issue comments, except those made with a GITHUB_TOKEN', async () => {
    gh.onWorkflow('.github/workflows/bot.yml', {
      command: [process.execPath, fixture('comment-back.mjs')],
    });
    const pr = gh.addPullRequest({ repo: 'acme/app', head: 'feature' });
    const { runs } = await commentRetry(gh, { repo: 'acme/app', issue: pr.number });
    const run = await gh.waitForRun(runs[0]!);
    await gh.idle();

    expect(run).toMatchObject({
      event: 'issue_comment',
      conclusion: 'success',
      head_branch: 'main',
    });
    expect(
      gh.comments({ issue: pr.number }).map((comment) => [comment.user?.login, comment.body]),
    ).toEqual([
      ['mona', '/retry'],
      ['github-actions[bot]', 'seen: /retry'],
    ]);
    expect(
      gh.runs('acme/app').filter((candidate) => candidate.event === 'issue_comment'),
    ).toHaveLength(1);
  });
});

describe('a job started from its action.yml', () => {
  const { gh } = useEmulatorWithRepo({ repo: 'acme/app', files: workflows });

  it('uses runs.main and runs.post, the workflow step inputs and the action defaults', async () => {
    gh.onWorkflow('.github/workflows/nightly.yml', { action: fixture('action-under-test') });
    const runId = await gh.startRun({ repo: 'acme/app', workflow: 'nightly.yml' });
    await gh.waitForRun(runId);
    const [job] = gh.jobResults(runId);

    expect(JSON.parse(job?.main?.stdout ?? '{}')).toEqual({
      'INPUT_GITHUB-TOKEN': expect.stringMatching(/^ghs_/) as string,
      INPUT_GREETING: 'nightly',
    });
    expect(job?.post?.stdout).toBe('post entry ran\n');
    expect(job?.conclusion).toBe('success');
  });
});
