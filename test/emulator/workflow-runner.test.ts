import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeEach, describe, expect, it } from 'vitest';
import { useEmulatorWithRepo } from '../support/emulator.js';

const fixture = (name: string): string =>
  fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));

const workflow = `name: Nightly
run-name: Nightly \${{ inputs.greeting }} by @\${{ github.actor }}
on:
  workflow_dispatch:
    inputs:
      greeting: { type: string, default: hello }
      exit-code: { type: string, default: '0' }
      on-sigint: { type: string, default: '' }
jobs:
  schedule:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - id: gh-retry
        uses: ./
        with:
          greeting: \${{ inputs.greeting }}
          exit-code: \${{ github.event.inputs.exit-code }}
          on-sigint: \${{ inputs.on-sigint }}
`;

describe('workflow runner', () => {
  const { gh } = useEmulatorWithRepo(
    { repo: 'acme/data', files: { '.github/workflows/nightly.yml': workflow } },
    { cancelTimings: { sigintTimeoutMs: 300, sigtermTimeoutMs: 300 } },
  );
  let events: string[];

  beforeEach(() => {
    gh.onWorkflow('.github/workflows/nightly.yml', {
      command: [process.execPath, fixture('job-step.mjs')],
      post: [process.execPath, fixture('job-post.mjs')],
    });
    events = [];
    gh.installApp({
      permissions: { actions: 'read' },
      events: ['workflow_run'],
      webhook: {
        kind: 'handler',
        handler: ({ body }) => void events.push((JSON.parse(body) as { action: string }).action),
      },
    });
  });

  it('runs the step with the runner environment, file commands and the post entry', async () => {
    const runId = await gh.startRun({
      repo: 'acme/data',
      workflow: 'nightly.yml',
      inputs: { greeting: 'hi there' },
      actor: 'mona',
    });
    const run = await gh.waitForRun(runId, { status: 'completed' });
    await gh.idle();

    expect(run.conclusion).toBe('success');
    expect(run.display_title).toBe('Nightly hi there by @mona');
    expect(events).toEqual(['requested', 'in_progress', 'completed']);
    const [job] = gh.jobResults(runId);
    expect(job?.main?.outputs).toEqual({ simple: 'hi there', multi: 'line one\nline two' });
    expect(job?.post?.stdout).toContain('"saved":"1"');
    expect(job?.post?.stdout).toContain('"fromMain":"yes"');
    expect(job?.summary).toBe('### main ran\n### post ran\n');
    expect(JSON.parse(job?.main?.stdout.split('\n')[0] ?? '{}')).toMatchObject({
      cwd: job?.workspace,
      greeting: 'hi there',
      eventInputs: { greeting: 'hi there', 'exit-code': '0', 'on-sigint': '' },
    });
    expect(job?.env).toMatchObject({
      GITHUB_ACTIONS: 'true',
      GITHUB_RUN_ID: String(runId),
      GITHUB_RUN_ATTEMPT: '1',
      GITHUB_EVENT_NAME: 'workflow_dispatch',
      GITHUB_REF: 'refs/heads/main',
      GITHUB_REPOSITORY: 'acme/data',
      GITHUB_JOB: 'schedule',
      GITHUB_ACTION: 'gh-retry',
      GITHUB_ACTOR: 'mona',
      GITHUB_API_URL: gh.url,
      GITHUB_SERVER_URL: 'https://github.com',
      ACTIONS_RESULTS_URL: gh.resultsUrl,
      INPUT_GREETING: 'hi there',
      'INPUT_ON-SIGINT': '',
    });
    const claims = JSON.parse(
      Buffer.from(job?.env.ACTIONS_RUNTIME_TOKEN?.split('.')[1] ?? '', 'base64url').toString(),
    ) as { scp: string };
    expect(claims.scp).toMatch(/Actions\.Results:[0-9a-f-]{36}:[0-9a-f-]{36}/);
  });

  it('fails on a non-zero exit and re-runs failed jobs as the next attempt of the same run', async () => {
    const runId = await gh.startRun({
      repo: 'acme/data',
      workflow: 'nightly.yml',
      inputs: { 'exit-code': '3' },
    });
    expect((await gh.waitForRun(runId)).conclusion).toBe('failure');

    gh.rerunFailedJobs(runId, 'mona');
    const second = await gh.waitForRun(runId, { status: 'completed', attempt: 2 });

    expect(second.id).toBe(runId);
    expect(second.run_attempt).toBe(2);
    expect(second.triggering_actor?.login).toBe('mona');
    expect(second.previous_attempt_url).toMatch(/\/attempts\/1$/);
    const [first, again] = gh.jobResults(runId);
    expect(again?.env.GITHUB_RUN_ATTEMPT).toBe('2');
    expect(again?.post?.stdout).toContain('"saved":"2"');
    expect(again?.env.ACTIONS_RUNTIME_TOKEN).not.toBe(first?.env.ACTIONS_RUNTIME_TOKEN);
    expect(again?.workspace).not.toBe(first?.workspace);
  });

  it.each([
    { onSigint: 'exit', signals: ['got SIGINT'] },
    { onSigint: 'ignore-int', signals: ['got SIGINT', 'got SIGTERM'] },
    { onSigint: 'ignore-all', signals: ['got SIGINT', 'got SIGTERM'] },
  ])('cancels with SIGINT, then SIGTERM, then kill ($onSigint)', async ({ onSigint, signals }) => {
    const runId = await gh.startRun({
      repo: 'acme/data',
      workflow: 'nightly.yml',
      inputs: { 'on-sigint': onSigint },
    });
    // The step prints "waiting" once its signal handlers are installed.
    await gh.waitForOutput(runId, 'waiting');
    gh.cancelRun(runId);
    const run = await gh.waitForRun(runId, { status: 'completed' });

    expect(run.conclusion).toBe('cancelled');
    const [job] = gh.jobResults(runId);
    expect(job?.main?.stdout.split('\n').filter((line) => line.startsWith('got '))).toEqual(
      signals,
    );
    expect(job?.main?.signal).toBe(onSigint === 'ignore-all' ? 'SIGKILL' : null);
    expect(job?.post?.stdout).toContain('"phase":"post"');
  });

  it('drops a step summary over 1 MiB (UTF-8 bytes) with the runner error, keeping the other step', async () => {
    // 'é' is two bytes: 524,289 of them are 1,048,578 bytes in half as many characters.
    const write = (text: string) =>
      `require('node:fs').appendFileSync(process.env.GITHUB_STEP_SUMMARY, ${text})`;
    gh.onWorkflow('.github/workflows/nightly.yml', {
      command: [process.execPath, '-e', write(`'é'.repeat(524_289)`)],
      post: [process.execPath, '-e', write(`'### post ran\\n'`)],
    });
    const runId = await gh.startRun({ repo: 'acme/data', workflow: 'nightly.yml' });
    const run = await gh.waitForRun(runId, { status: 'completed' });

    expect(run.conclusion).toBe('success');
    const [job] = gh.jobResults(runId);
    expect(job?.summary).toBe('### post ran\n');
    expect(job?.annotations).toEqual([
      expect.stringMatching(
        /^\$GITHUB_STEP_SUMMARY upload aborted, supports content up to a size of 1024k, got 1024k\. /,
      ),
    ]);
  });

  it('keeps a step summary of exactly 1 MiB', async () => {
    const script = `require('node:fs').appendFileSync(process.env.GITHUB_STEP_SUMMARY, 'é'.repeat(524_288))`;
    gh.onWorkflow('.github/workflows/nightly.yml', { command: [process.execPath, '-e', script] });
    const runId = await gh.startRun({ repo: 'acme/data', workflow: 'nightly.yml' });
    await gh.waitForRun(runId, { status: 'completed' });

    const [job] = gh.jobResults(runId);
    expect(Buffer.byteLength(job?.summary ?? '')).toBe(1024 * 1024);
    expect(job?.annotations).toEqual([]);
  });

  it.each([
    { postIf: "!success() || env.PENDING != ''", exitCode: '0', runsPost: false },
    { postIf: "!success() || env.PENDING != ''", exitCode: '1', runsPost: true },
    { postIf: "env.FROM_MAIN == 'yes'", exitCode: '0', runsPost: true },
    { postIf: '${{ failure() }}', exitCode: '0', runsPost: false },
  ])(
    'starts post only when runs.post-if holds ($postIf, main exits $exitCode)',
    async ({ postIf, exitCode, runsPost }) => {
      const action = mkdtempSync(path.join(tmpdir(), 'post-if-action-'));
      try {
        copyFileSync(fixture('job-step.mjs'), path.join(action, 'main.mjs'));
        copyFileSync(fixture('job-post.mjs'), path.join(action, 'post.mjs'));
        writeFileSync(
          path.join(action, 'action.yml'),
          `name: post-if\nruns:\n  using: node24\n  main: main.mjs\n  post: post.mjs\n  post-if: ${JSON.stringify(postIf)}\n`,
        );
        gh.onWorkflow('.github/workflows/nightly.yml', {
          action,
          inputs: { 'exit-code': exitCode },
        });
        const runId = await gh.startRun({ repo: 'acme/data', workflow: 'nightly.yml' });
        await gh.waitForRun(runId, { status: 'completed' });
        const [job] = gh.jobResults(runId);
        expect(job?.main?.exitCode).toBe(Number(exitCode));
        expect(job?.post !== undefined).toBe(runsPost);
      } finally {
        rmSync(action, { recursive: true, force: true });
      }
    },
  );
});
