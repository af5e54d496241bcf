/**
 * Steps of a pull request's life in the emulator: open it, let its workflows finish, comment.
 * They play in a `Scene`: an App harness, or any emulator with the repository and the bot that
 * serves it (the bot in a workflow, the App's replicas).
 */
import type { AppCredentials, GitHubEmulator } from '../../emulator/index.js';
import { recordFiles, recordFor, type RecordShape } from './records.js';

/** The emulator, the seeded repository and the bot answering there. */
export interface Scene {
  readonly gh: GitHubEmulator;
  readonly repo: string;
  readonly app: Pick<AppCredentials, 'botLogin'>;
}

/** A scene whose bot is an installed App (its check runs carry its id). */
export interface AppScene extends Scene {
  readonly app: Pick<AppCredentials, 'appId' | 'botLogin'>;
}

/** The repository every App scenario seeds. */
export const REPO = 'acme/warehouse';

/** A gh-retry run that failed and uploaded its record. */
export const FAILED = { conclusion: 'failure', record: { status: 'failed' } } as const;

/** How a run ends: its conclusion and the record artifact it uploaded (none: not a gh-retry run). */
export interface RunEnding {
  readonly conclusion: 'success' | 'failure' | 'cancelled';
  readonly record?: RecordShape;
  /** The record artifact has expired by the time anyone looks. */
  readonly expired?: boolean;
  /** The schedule name (artifact `gh-retry-<name>-<attempt>`). */
  readonly name?: string;
}

/** Upload the run's record (if any) and complete it; resolves once the App has handled it. */
export async function finishRun(h: Scene, runId: number, ending: RunEnding): Promise<void> {
  const attempt = h.gh.run(runId).run_attempt ?? 1;
  if (ending.record !== undefined) {
    const name = ending.name ?? 'nightly';
    const record = recordFor({ repository: h.repo, runId, attempt, name, shape: ending.record });
    const artifactId = h.gh.addArtifact({
      runId,
      name: `gh-retry-${name}-${attempt}`,
      files: recordFiles(record),
    });
    if (ending.expired === true) h.gh.expireArtifact(artifactId);
  }
  h.gh.completeRun(runId, ending.conclusion);
  await h.gh.idle();
}

/** Open a pull request and finish the runs it starts; returns its number, head and runs by workflow file. */
export async function openPullRequest(
  h: Scene,
  params: {
    head: string;
    fork?: string;
    endings: Readonly<Record<string, RunEnding>>;
  },
): Promise<{ number: number; headSha: string; runs: Record<string, number> }> {
  const pull = h.gh.addPullRequest({
    repo: h.repo,
    head: params.head,
    ...(params.fork === undefined ? {} : { fork: params.fork }),
  });
  const fired = await h.gh.fire({
    kind: 'pull_request',
    action: 'opened',
    repo: h.repo,
    number: pull.number,
  });
  const runs: Record<string, number> = {};
  for (const runId of fired.runs) {
    const file = h.gh.run(runId).path.replace(/@.*$/, '').split('/').pop() ?? '';
    runs[file] = runId;
    const ending = params.endings[file];
    if (ending !== undefined) await finishRun(h, runId, ending);
  }
  return { number: pull.number, headSha: pull.headSha, runs };
}

/** A pull request from outsider's fork whose Nightly run failed: its number and that run. */
export async function forkWithFailedRun(h: Scene): Promise<{ number: number; runId: number }> {
  const pr = await openPullRequest(h, {
    head: 'patch-1',
    fork: 'outsider',
    endings: { 'nightly.yml': FAILED },
  });
  return { number: pr.number, runId: pr.runs['nightly.yml']! };
}

/** Comment on a pull request (or an issue) as a user; resolves once the bot answered. */
export async function comment(
  h: Scene,
  params: { pr: number; body: string; user?: string },
): Promise<{ commentId: number }> {
  const fired = await h.gh.fire({
    kind: 'issue_comment',
    repo: h.repo,
    issue: params.pr,
    body: params.body,
    user: params.user ?? 'mona',
  });
  await h.gh.idle();
  return { commentId: fired.commentId ?? 0 };
}

/** The App's replies on a pull request (bodies), oldest first. */
export function replies(h: Scene, pr: number): string[] {
  return h.gh
    .comments({ repo: h.repo, issue: pr })
    .filter((c) => c.user?.login === h.app.botLogin)
    .map((c) => c.body ?? '');
}

/** A request the emulator logged. */
export type LoggedRequest = ReturnType<GitHubEmulator['requests']>[number];

/**
 * A mark in the emulator's request log: the returned function lists the requests made since the
 * mark, oldest first (with `'bot'`, the bot's only).
 */
export function requestsFromHere(h: Scene): (by?: 'bot') => LoggedRequest[] {
  const before = h.gh.requests().length;
  return (by) =>
    h.gh
      .requests()
      .slice(before)
      .filter((r) => by === undefined || r.actor === h.app.botLogin);
}

/** Reactions on a comment, in order. */
export function reactions(h: Scene, commentId: number): string[] {
  return h.gh.reactions(commentId).map((r) => r.content);
}

/** Replace run ids with names so snapshots do not depend on id allocation. */
export function named(text: string, ids: Readonly<Record<string, number>>): string {
  return Object.entries(ids).reduce(
    (out, [name, id]) => out.split(String(id)).join(`<${name}>`),
    text,
  );
}

/** Push to main and finish the run it starts of `workflow`; returns the run id and the pushed commit. */
export async function pushAndFinish(
  h: Scene,
  params: { workflow: string; ending: RunEnding },
): Promise<{ runId: number; headSha: string }> {
  const fired = await h.gh.fire({
    kind: 'push',
    repo: h.repo,
    branch: 'main',
    files: { 'models/orders.sql': `select ${Date.now()} as id\n` },
  });
  const runId = fired.runs.find((id) =>
    h.gh.run(id).path.replace(/@.*$/, '').endsWith(`/${params.workflow}`),
  );
  if (runId === undefined) throw new Error(`the push started no run of ${params.workflow}`);
  await finishRun(h, runId, params.ending);
  return { runId, headSha: h.gh.run(runId).head_sha };
}

/** The App's check run describing a run. */
export function checkRunOf(h: AppScene, runId: number) {
  const checks = h.gh
    .checkRuns()
    .filter((c) => c.external_id === String(runId) && c.app?.id === h.app.appId);
  if (checks.length > 1) throw new Error(`run ${runId} has ${checks.length} check runs`);
  return checks[0];
}

/** Markdown as it reads: backslash escapes and the word joiner that defuses mentions removed. */
export function readable(markdown: string | null | undefined): string {
  return (markdown ?? '').replace(/\\(.)/g, '$1').replace(/\u2060/g, '');
}
