/**
 * The walk-through of test/emulator/README.md ("Try /retry on your machine"), call for call:
 * the emulator seeded with examples/retry-walkthrough.yml, the App on its credentials, then the
 * HTTP requests the README shows with curl — open a pull request, read the failed run's job log,
 * comment `/retry`, see the dispatched retry. Probot receives the deliveries in-process here
 * (the README starts it with `npm start`).
 */
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { startEmulator, type GitHubEmulator } from '../emulator/index.js';
import { applySeed, parseSeedFile } from '../emulator/seed-file.js';
import { loadRetryApp, TestLog } from '../support/app/harness.js';

const seedPath = fileURLToPath(
  new URL('../emulator/examples/retry-walkthrough.yml', import.meta.url),
);

describe('the emulator walk-through: /retry on your machine', () => {
  let gh: GitHubEmulator | undefined;
  afterEach(async () => {
    await gh?.stop();
  });

  it('opens a pull request, shows the failed job log, and dispatches a retry for /retry', async () => {
    gh = await startEmulator();
    const seeded = applySeed(gh, parseSeedFile(readFileSync(seedPath, 'utf8')), dirname(seedPath));
    const log = new TestLog();
    await loadRetryApp(gh, seeded.apps[0]!, {
      log,
      maxDelaySeconds: 60,
      schedule: async ({ task }) => {
        await task();
      },
    });
    const token = seeded.tokens.mona!;
    const api = async (method: string, path: string, body?: unknown): Promise<Response> =>
      await fetch(`${gh!.url}${path}`, {
        method,
        headers: {
          authorization: `token ${token}`,
          accept: 'application/vnd.github+json',
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const json = async <T>(response: Response, status = 200): Promise<T> => {
      expect(response.status).toBe(status);
      return (await response.json()) as T;
    };

    // curl -X POST …/repos/acme/data/pulls -d '{"title":"A change","head":"feature","base":"main"}'
    const pull = await json<{ number: number }>(
      await api('POST', '/repos/acme/data/pulls', {
        title: 'A change',
        head: 'feature',
        base: 'main',
      }),
      201,
    );
    // curl …/repos/acme/data/actions/runs?event=pull_request
    const { workflow_runs: prRuns } = await json<{ workflow_runs: { id: number }[] }>(
      await api('GET', '/repos/acme/data/actions/runs?event=pull_request'),
    );
    const parent = prRuns[0]!.id;
    await gh.waitForRun(parent, { timeoutMs: 120_000 });
    await gh.idle();
    expect(gh.run(parent).conclusion).toBe('failure');

    // curl …/actions/runs/$RUN/jobs, then curl -L …/actions/jobs/$JOB/logs
    const { jobs } = await json<{ jobs: { id: number; conclusion: string }[] }>(
      await api('GET', `/repos/acme/data/actions/runs/${parent}/jobs`),
    );
    expect(jobs.map((job) => job.conclusion)).toEqual(['failure']);
    const logs = await api('GET', `/repos/acme/data/actions/jobs/${jobs[0]!.id}/logs`);
    expect(logs.status).toBe(200);
    expect(logs.redirected).toBe(true);
    const text = await logs.text();
    expect(text).toContain('exit 3');

    // curl -X POST …/repos/acme/data/issues/$PR/comments -d '{"body":"/retry"}'
    await json(
      await api('POST', `/repos/acme/data/issues/${pull.number}/comments`, { body: '/retry' }),
      201,
    );
    await gh.idle();
    // curl …/repos/acme/data/actions/runs?event=workflow_dispatch
    const { workflow_runs: retries } = await json<{
      workflow_runs: { id: number; display_title: string }[];
    }>(await api('GET', '/repos/acme/data/actions/runs?event=workflow_dispatch'));
    expect(retries.map((run) => run.display_title)).toEqual([`Retry of #${parent}`]);
    await gh.waitForRun(retries[0]!.id, { timeoutMs: 120_000 });
    await gh.idle();
    expect(gh.run(retries[0]!.id).conclusion).toBe('success');

    // A run that fails on a bad input says why in its job log.
    const dispatch = {
      ref: 'feature',
      inputs: { 'retry-of': String(parent), 'retry-mode': 'sideways' },
    };
    const started = await api(
      'POST',
      '/repos/acme/data/actions/workflows/nightly.yml/dispatches',
      dispatch,
    );
    expect(started.status).toBe(204);
    const bad = gh.dispatches().at(-1)!.runId;
    await gh.waitForRun(bad, { timeoutMs: 120_000 });
    await gh.idle();
    const { jobs: badJobs } = await json<{ jobs: { id: number }[] }>(
      await api('GET', `/repos/acme/data/actions/runs/${bad}/jobs`),
    );
    const badLog = await (
      await api('GET', `/repos/acme/data/actions/jobs/${badJobs[0]!.id}/logs`)
    ).text();
    expect(badLog).toMatch(/##\[error\].*sideways/);
    expect(log.errors).toEqual([]);
  }, 300_000);
});
