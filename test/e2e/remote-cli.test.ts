/**
 * `gh-retry retry|plan|show|history` on GitHub runs, end to end: the GitHub emulator runs the
 * bundled Action for each run (a dbt project with failing models), and the CLI reaches it the
 * way a user's terminal does, through GITHUB_API_URL and a token.
 */
import { mkdtempSync, rmSync, symlinkSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MODELS,
  nightlyWorkflow,
  REPO,
  RETRIED_STATUSES,
  startActionHarness,
  type ActionHarness,
} from '../support/action/harness.js';
import type { PlanJson, ShowJson } from '../../cli/json-output.js';
import type { RetryJson } from '../../cli/remote/retry-outcome.js';
import type { FlakyJson } from '../../cli/flaky-command.js';
import {
  EXTENSION_SCRIPT,
  requireCliBundle,
  runRemote,
  spawnScript,
} from '../support/e2e/remote-cli.js';

/** The nightly workflow, also run for pull requests (to have a fork's run). */
const WORKFLOW_YAML = nightlyWorkflow().replace('on:\n', 'on:\n  pull_request:\n');

describe('gh-retry on GitHub runs', { timeout: 240_000 }, () => {
  let harness: ActionHarness;
  let env: Record<string, string>;
  let parentId: number;
  let parentUrl: string;
  const scratch = mkdtempSync(path.join(tmpdir(), 'gh-retry-remote-'));

  beforeAll(async () => {
    harness = await startActionHarness({ workflow: WORKFLOW_YAML });
    env = { GITHUB_API_URL: harness.gh.url, GH_TOKEN: harness.gh.userToken('mona') };
    const parent = await harness.dispatch();
    expect(parent.conclusion).toBe('failure');
    expect(parent.record?.status).toBe('failed');
    parentId = parent.runId;
    parentUrl = harness.gh.run(parentId).html_url;
  });
  afterAll(async () => {
    rmSync(scratch, { recursive: true, force: true });
    await harness.gh.stop();
  });

  it('plan URL --json and show URL --json print the local contracts from the record artifact', async () => {
    const plan = await runRemote(['plan', parentUrl, '--json'], env);
    expect(plan).toMatchObject({ code: 0, stderr: '' });
    const planJson = JSON.parse(plan.stdout) as PlanJson;
    expect(Object.keys(planJson).sort()).toEqual(['mode', 'nothingToRetry', 'parent', 'steps']);
    expect(planJson).toMatchObject({ parent: `${parentId}-1`, mode: 'from-failure' });
    expect(planJson.steps.map((s) => [s.id, s.action])).toEqual([
      ['dbt-deps', 'setup'],
      ['dbt-seed', 'reuse'],
      ['dbt-run', 'retry'],
      ['dbt-test', 'run'],
    ]);
    expect(planJson.steps[2]?.exec).toMatch(/^dbt retry /);

    const show = await runRemote(['show', `${REPO}#${parentId}`, '--json'], env);
    expect(show.code).toBe(0);
    const showJson = JSON.parse(show.stdout) as ShowJson;
    expect(Object.keys(showJson).sort()).toEqual(['id', 'lineage', 'status', 'steps']);
    expect(showJson).toMatchObject({ id: `${parentId}-1`, status: 'failed' });
    const failed = showJson.steps.find((s) => s.id === 'dbt-run')?.nodes?.failed ?? [];
    expect([...failed].sort()).toEqual(
      MODELS.failing.map((m) => `model.emulated_shop.${m}`).sort(),
    );

    const text = await runRemote(['show', String(parentId), '--repo', REPO], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`Run ${parentId}-1 (nightly): failed`);
    expect(text.stdout).toMatch(/failed nodes: model\.emulated_shop\./);
  });

  it('refuses, in one line, a token without actions: write; nothing is dispatched', async () => {
    const app = harness.gh.installApp({
      slug: 'reader',
      permissions: { actions: 'read', checks: 'read', contents: 'read', pull_requests: 'read' },
      events: [],
    });
    const token = harness.gh.installationToken(app.installationId);
    const before = harness.gh.dispatches().length;
    const result = await runRemote(['retry', parentUrl], { ...env, GH_TOKEN: token });
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^gh-retry: your token may not start runs in acme\/warehouse/);
    expect(result.stderr).toContain('Actions: read and write');
    expect(`${result.stdout}${result.stderr}`).not.toContain(token);
    expect(harness.gh.dispatches()).toHaveLength(before);
  });

  it('retry URL --follow --json dispatches, follows the new run to success and exits 0', async () => {
    harness.scenario.failing = [];
    const before = harness.gh.dispatches().length;
    const result = await runRemote(['retry', parentUrl, '--follow', '--json'], env);
    expect(result.stderr).toContain(`started a retry of run ${parentId}`);
    expect(result.stderr).toMatch(/: completed, success/);
    expect(result.stderr).toMatch(/^ {2}job dbt: completed, success$/m);
    expect(result.code).toBe(0);
    expect(`${result.stdout}${result.stderr}`).not.toContain(env.GH_TOKEN);
    const json = JSON.parse(result.stdout) as RetryJson;
    const dispatches = harness.gh.dispatches();
    expect(dispatches).toHaveLength(before + 1);
    const dispatch = dispatches.at(-1);
    expect(dispatch?.inputs).toMatchObject({ 'retry-of': String(parentId) });
    const newId = json.run?.id ?? 0;
    expect(json).toMatchObject({
      repository: REPO,
      parent: { id: parentId, url: parentUrl },
      mode: 'from-failure',
      outcome: 'dispatched',
      reason: null,
      run: { id: newId, attempt: null, url: harness.gh.run(newId).html_url },
      result: { conclusion: 'success', problems: [] },
    });
    const [record] = json.result?.records ?? [];
    expect(record?.lineage).toMatchObject({ parent: `${parentId}-1`, retryNumber: 1 });
    expect(record?.steps.map((s) => [s.id, s.status])).toEqual(RETRIED_STATUSES);
    // Polls of an unchanged run are conditional: GitHub answers 304 and does not count them.
    const polls = harness.gh
      .requests()
      .filter((r) => r.operationId === 'actions/get-workflow-run' && r.status === 304);
    expect(polls.length).toBeGreaterThan(0);
  });

  it('flaky --repo ranks the nodes that failed in the run and passed in its retry, same commit', async () => {
    const result = await runRemote(['flaky', '--repo', REPO, '--json'], env);
    expect(result).toMatchObject({ code: 0, stderr: '' });
    const json = JSON.parse(result.stdout) as FlakyJson;
    expect(json.runs).toBe(2);
    expect(json.flaky.map((rank) => [rank.id, rank.kind, rank.count, rank.steps])).toEqual(
      MODELS.failing
        .map((m) => [`model.emulated_shop.${m}`, 'node', 1, ['dbt-run']])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0]))),
    );
  });

  it('a second retry of the same run names the retry already started (one retry per run)', async () => {
    const before = harness.gh.dispatches().length;
    const result = await runRemote(['retry', parentUrl, '--json'], env);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ outcome: 'already-retried' });
    expect(harness.gh.dispatches()).toHaveLength(before);
  });

  it('a fork pull request’s run is re-run by GitHub (failed jobs), says why, and is followed', async () => {
    harness.scenario.failing = [...MODELS.failing];
    const pull = harness.gh.addPullRequest({
      repo: REPO,
      head: 'fix',
      fork: 'outsider',
      user: 'outsider',
    });
    const fired = await harness.gh.fire({
      kind: 'pull_request',
      action: 'opened',
      repo: REPO,
      number: pull.number,
    });
    const [runId] = fired.runs;
    expect(runId).toBeDefined();
    const parent = await harness.complete(runId ?? 0);
    expect(parent.conclusion).toBe('failure');
    harness.scenario.failing = [];
    const dispatches = harness.gh.dispatches().length;
    const result = await runRemote(['retry', `${REPO}#${runId}`, '--follow'], env);
    expect(result.stdout).toContain(`GitHub re-runs the failed jobs of run ${runId}`);
    expect(result.stdout).toContain('the run comes from a fork');
    expect(result.stdout).toMatch(/completed, success \(attempt 2\)/);
    expect(result.stdout).toMatch(/^ {2}job dbt: completed, success$/m);
    expect(result.code).toBe(0);
    expect(harness.gh.dispatches()).toHaveLength(dispatches);
  });

  it('an expired record: retry and plan refuse in one line and say to retry with --all', async () => {
    harness.scenario.failing = [...MODELS.failing];
    const parent = await harness.dispatch();
    for (const artifact of harness.gh.artifacts(parent.runId))
      harness.gh.expireArtifact(artifact.id);
    const url = harness.gh.run(parent.runId).html_url;
    for (const command of ['retry', 'plan']) {
      const result = await runRemote([command, url], env);
      expect(result.code).toBe(2);
      expect(result.stderr.trim().split('\n')).toHaveLength(1);
      expect(result.stderr).toMatch(/expired on \d{4}-\d{2}-\d{2}.*--all/);
    }
  });

  it('history --repo lists the gh-retry runs with their lineage', async () => {
    const result = await runRemote(['history', '--repo', REPO, '--json'], env);
    expect(result.code).toBe(0);
    const entries = JSON.parse(result.stdout) as {
      id: number;
      retryOf: number | null;
      root: number;
    }[];
    const retry = entries.find((e) => e.retryOf === parentId);
    expect(retry).toMatchObject({ root: parentId });
    expect(entries.find((e) => e.id === parentId)).toMatchObject({ retryOf: null, root: parentId });
  });

  it('the extension entry runs as gh runs it: through a symlink, from another folder', async () => {
    requireCliBundle();
    const extensionDir = path.join(scratch, 'extensions', 'gh-retry');
    mkdirSync(extensionDir, { recursive: true });
    const link = path.join(extensionDir, 'gh-retry');
    symlinkSync(EXTENSION_SCRIPT, link);
    const baseEnv = { PATH: process.env.PATH ?? '', ...env };
    const viaGh = await spawnScript({
      file: link,
      args: ['show', parentUrl, '--json'],
      cwd: scratch,
      env: baseEnv,
    });
    expect(viaGh.stderr).toBe('');
    expect(viaGh.code).toBe(0);
    const inProcess = await runRemote(['show', parentUrl, '--json'], env);
    expect(JSON.parse(viaGh.stdout)).toEqual(JSON.parse(inProcess.stdout));
    const help = await spawnScript({ file: link, args: ['--help'], cwd: scratch, env: baseEnv });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: gh-retry');
  });

  it('takes the token from `gh auth token` when no variable holds one, and never prints it', async () => {
    const bin = path.join(scratch, 'bin');
    mkdirSync(bin, { recursive: true });
    const token = env.GH_TOKEN ?? '';
    writeFileSync(path.join(bin, 'gh'), `#!/bin/sh\n[ "$1 $2" = "auth token" ] && echo ${token}\n`);
    chmodSync(path.join(bin, 'gh'), 0o755);
    const viaGh = {
      GITHUB_API_URL: harness.gh.url,
      PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
    };
    const shown = await runRemote(['show', parentUrl], viaGh);
    expect(shown.code).toBe(0);
    expect(shown.stdout).not.toContain(token);

    const bad = await runRemote(['retry', parentUrl], {
      ...env,
      GH_TOKEN: 'ghp_not-a-real-token-1234',
    });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^gh-retry: GitHub refused the token \(Bad credentials\)/);
    expect(`${bad.stdout}${bad.stderr}`).not.toContain('ghp_not-a-real-token-1234');
  });
});
