/**
 * The whole loop in one place: the GitHub emulator running the real Action bundle for each
 * workflow, and the real App bundle as a server receiving signed webhooks over HTTP. A test opens
 * pull requests, comments, clicks check-run buttons and reads what happened.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { readRecordArtifact } from '../action/harness.js';
import {
  startEmulator,
  type AppCredentials,
  type CheckRun,
  type GitHubEmulator,
  type JobSpec,
  type Permissions,
  type WorkflowRun,
} from '../../emulator/index.js';
import type { RunRecord } from '../../../src/core/run-record/schema.js';
import { REPO_ROOT, startAppProcess, type AppProcess } from '../app-process.js';

/** The repository of every scenario, and its maintainer (write access). */
export const REPO = 'acme/warehouse';
export const MAINTAINER = 'mona';

/** How long the App must make no request before the loop counts as settled. */
const APP_QUIET_MS = 1_500;

async function sleep(ms: number): Promise<void> {
  await new Promise<void>((resolve) => {
    setTimeout(resolve, ms);
  });
}

/** A workflow of the scenario: its file and how its gh-retry job runs. */
export interface LoopWorkflow {
  readonly yaml: string;
  readonly job: JobSpec;
}

/** A running loop. */
export interface Loop {
  readonly gh: GitHubEmulator;
  readonly app: AppCredentials;
  readonly server: AppProcess;
  /** Wait until every run has completed and the App answered every delivery (bounded). */
  settle(timeoutMs?: number): Promise<void>;
  /** Open a pull request (a fork head if `fork` names its owner) and let its runs finish. */
  openPullRequest(params: { head: string; fork?: string }): Promise<PullRequest>;
  /** Comment on a pull request; resolves once the App answered and every run it started finished. */
  comment(pr: number, body: string, user?: string): Promise<number>;
  /** The App's replies on a pull request, oldest first. */
  replies(pr: number): string[];
  /** The ids of every run so far. */
  runIds(): number[];
  /** Runs created after the given ids, oldest first. */
  runsAfter(known: readonly number[]): NumberedRun[];
  /** The App's check run describing a run. */
  checkRunOf(runId: number): CheckRunWithActions | undefined;
  /** The record an attempt of a run uploaded, with its files. */
  record(
    runId: number,
    attempt?: number,
  ): { record: RunRecord | null; files: Record<string, Uint8Array> };
  stop(): Promise<void>;
}

/** A pull request and the runs it started, by workflow file. */
export interface PullRequest {
  readonly number: number;
  readonly headSha: string;
  readonly runs: Readonly<Record<string, number>>;
}

/** A workflow run with its id as a number. */
export type NumberedRun = Omit<WorkflowRun, 'id'> & { readonly id: number };

/** A check run with the buttons it offers. */
export type CheckRunWithActions = CheckRun & {
  actions: { label: string; description: string; identifier: string }[];
};

/** The model unique ids a dbt step's saved run_results.json lists: the nodes that command executed. */
export function executedNodes(
  files: Readonly<Record<string, Uint8Array>>,
  stepId: string,
): string[] {
  const file = files[`state/${stepId}/target/run_results.json`];
  if (file === undefined) throw new Error(`no run_results.json was saved for ${stepId}`);
  const results = JSON.parse(new TextDecoder().decode(file)) as {
    results: { unique_id: string }[];
  };
  return results.results.map((r) => r.unique_id).sort();
}

/** The App manifest (`app/app.yml`): the permissions and events the emulator installs it with. */
export function readManifest(): { permissions: Permissions; events: string[] } {
  const manifest = parse(readFileSync(`${REPO_ROOT}/app/app.yml`, 'utf8')) as {
    default_permissions: Permissions;
    default_events: string[];
  };
  return { permissions: manifest.default_permissions, events: manifest.default_events };
}

/** Start the emulator with the workflows (and an optional `.github/gh-retry.yml`), install and serve the App. */
export async function startLoop(params: {
  readonly workflows: Readonly<Record<string, LoopWorkflow>>;
  readonly config?: string;
}): Promise<Loop> {
  const gh = await startEmulator();
  let server: AppProcess | undefined;
  try {
    const files: Record<string, string> = {};
    for (const [path, workflow] of Object.entries(params.workflows)) files[path] = workflow.yaml;
    if (params.config !== undefined) files['.github/gh-retry.yml'] = params.config;
    gh.seedRepo({ repo: REPO, private: true, files, collaborators: { [MAINTAINER]: 'write' } });
    for (const [path, workflow] of Object.entries(params.workflows))
      gh.onWorkflow(path, workflow.job);
    const app = gh.installApp({ slug: 'gh-retry', ...readManifest() });
    server = await startAppProcess({ gh, app });
    return makeLoop(gh, app, server);
  } catch (error) {
    await server?.stop();
    await gh.stop().catch(() => undefined);
    throw error;
  }
}

function makeLoop(gh: GitHubEmulator, app: AppCredentials, server: AppProcess): Loop {
  const actors = [app.botLogin, `app:${app.appId}`];
  /** Milliseconds since the App's last API request (Infinity before its first). */
  const appIdleFor = () => {
    const last = gh
      .requests()
      .findLast((entry) => entry.actor !== undefined && actors.includes(entry.actor));
    return last === undefined ? Number.POSITIVE_INFINITY : Date.now() - Date.parse(last.at);
  };
  const settle = async (timeoutMs = 180_000) => {
    const deadline = Date.now() + timeoutMs;
    let seen = -1;
    for (;;) {
      await gh.idle();
      const running = gh
        .runs(REPO)
        .filter((run) => run.status !== 'completed')
        .map((run) => Number(run.id));
      const deliveries = gh.deliveries().length;
      // Probot answers a delivery after 9 s even if its handler still works (its writes are
      // spaced 1 s apart): settled also means the App has been quiet for a while.
      const quiet = appIdleFor();
      if (running.length === 0 && deliveries === seen && quiet >= APP_QUIET_MS) return;
      seen = deliveries;
      if (Date.now() > deadline)
        throw new Error(`the loop did not settle: runs ${running.join(', ')} still running`);
      const [first] = running;
      if (first !== undefined)
        await gh.waitForRun(first, { status: 'completed', timeoutMs: deadline - Date.now() });
      else await sleep(Math.max(50, Math.min(APP_QUIET_MS - quiet, APP_QUIET_MS)));
    }
  };
  return {
    gh,
    app,
    server,
    settle,
    openPullRequest: async ({ head, fork }) => {
      const pull = gh.addPullRequest({
        repo: REPO,
        head,
        ...(fork === undefined ? {} : { fork, user: fork }),
      });
      const fired = await gh.fire({
        kind: 'pull_request',
        action: 'opened',
        repo: REPO,
        number: pull.number,
      });
      await settle();
      const runs: Record<string, number> = {};
      for (const id of fired.runs) runs[gh.run(id).path.replace(/@.*$/, '')] = id;
      return { number: pull.number, headSha: pull.headSha, runs };
    },
    comment: async (pr, body, user = MAINTAINER) => {
      const fired = await gh.fire({ kind: 'issue_comment', repo: REPO, issue: pr, body, user });
      await settle();
      return fired.commentId ?? 0;
    },
    replies: (pr) =>
      gh
        .comments({ repo: REPO, issue: pr })
        .filter((c) => c.user?.login === app.botLogin)
        .map((c) => c.body ?? ''),
    runIds: () => gh.runs(REPO).map((run) => Number(run.id)),
    runsAfter: (known) =>
      gh
        .runs(REPO)
        .map((run) => ({ ...run, id: Number(run.id) }))
        .filter((run) => !known.includes(run.id))
        .sort((a, b) => a.id - b.id),
    checkRunOf: (runId) =>
      gh
        .checkRuns()
        .find((check) => check.app?.id === app.appId && check.external_id === String(runId)),
    record: (runId, attempt = 1) => readRecordArtifact(gh, runId, attempt),
    stop: async () => {
      await server.stop();
      await gh.stop();
    },
  };
}
