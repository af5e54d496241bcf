/**
 * The App's cost, measured on the real App bundle served over HTTP against the GitHub emulator:
 * API requests and time per `/retry` comment and per `workflow_run.completed` (counted from the
 * emulator's request log), and the throughput of signed webhook deliveries on loopback
 * (app-throughput.ts). The failed run's record it seeds as an artifact is app-failed-record.ts.
 */
import { performance } from 'node:perf_hooks';
import {
  startEmulator,
  type GitHubEmulator,
  type RequestLogEntry,
} from '../test/emulator/index.js';
import { startAppProcess } from '../test/support/app-process.js';
import { scheduleWorkflow } from '../test/support/e2e/workflows.js';
import { readManifest } from '../test/support/e2e/loop.js';
import { WRITE_BURST } from '../app/probot/octokit.js';
import { failedRecord } from './app-failed-record.js';
import { measureThroughput, type AppThroughput } from './app-throughput.js';
import { median } from './statistics.js';

/**
 * Before each `/retry`, the App is left idle long enough for its write bucket to refill: a person
 * comments on a pull request some seconds after its check run appeared, not within the App's own
 * burst of writes. (An installation writing without pause is paced at one write a second.)
 */
const IDLE_BEFORE_COMMENT_MS = WRITE_BURST * 1000 + 500;

/** What handling one event cost the App. */
export interface EventCost {
  /** Median number of API requests the App made (installation token fetches excluded). */
  readonly requests: number;
  /** The requests of the last sample, by operation id. */
  readonly operations: Readonly<Record<string, number>>;
  /** Median time from the delivery to the App's answer (Probot answers once its handler is done). */
  readonly handlerMs: number;
  readonly samples: readonly { readonly requests: number; readonly ms: number }[];
}

/** Time from the emulator sending a `/retry` delivery to the App's 👀 reaction and its dispatch. */
export interface RetryLatency {
  /** Medians, ms (from the delivery's send to each request in the emulator's log). */
  readonly reactionMs: number;
  readonly dispatchMs: number;
  readonly samples: readonly { readonly reactionMs: number; readonly dispatchMs: number }[];
}

/** The App figures. */
export interface AppCost {
  readonly retryComment: EventCost;
  /** Absent from results written before it was measured. */
  readonly retryLatency?: RetryLatency;
  readonly runCompleted: EventCost;
  /** Installation token requests over the whole measurement (Probot caches the token). */
  readonly tokenRequests: number;
  readonly throughput: AppThroughput;
}

const REPO = 'bench/app';
const WORKFLOW = '.github/workflows/nightly.yml';
const TOKEN_OPERATION = 'apps/create-installation-access-token';
const REACTION_OPERATION = 'reactions/create-for-issue-comment';
const DISPATCH_OPERATION = 'actions/create-workflow-dispatch';

/** From the delivery's send to the App's first reaction and its dispatch, in a slice of the log. */
function retryLatency(
  fired: { deliveries: readonly { event: string; sentAt: string | undefined }[] },
  log: readonly RequestLogEntry[],
): { reactionMs: number; dispatchMs: number } {
  const sentAt = fired.deliveries.find((d) => d.event === 'issue_comment')?.sentAt;
  const at = (operation: string) => log.find((e) => e.operationId === operation)?.at;
  const reaction = at(REACTION_OPERATION);
  const dispatch = at(DISPATCH_OPERATION);
  if (sentAt === undefined || reaction === undefined || dispatch === undefined)
    throw new Error(
      `the /retry delivery (${sentAt ?? 'not sent'}), its reaction (${reaction ?? 'none'}) or its dispatch (${dispatch ?? 'none'}) is missing from the log of ${log.map((e) => e.operationId ?? e.path).join(', ')}`,
    );
  return {
    reactionMs: Date.parse(reaction) - Date.parse(sentAt),
    dispatchMs: Date.parse(dispatch) - Date.parse(sentAt),
  };
}

/** The App's requests in a slice of the log, by operation. */
function appRequests(log: readonly RequestLogEntry[], actors: readonly string[]) {
  const mine = log.filter((e) => e.actor !== undefined && actors.includes(e.actor));
  const operations: Record<string, number> = {};
  let tokens = 0;
  for (const entry of mine) {
    const op = entry.operationId ?? `${entry.method} ${entry.path}`;
    if (op === TOKEN_OPERATION) tokens += 1;
    else operations[op] = (operations[op] ?? 0) + 1;
  }
  return { requests: mine.length - tokens, operations, tokens };
}

async function timed(gh: GitHubEmulator, actors: readonly string[], act: () => Promise<unknown>) {
  const start = gh.requests().length;
  const started = performance.now();
  await act();
  const ms = performance.now() - started;
  await gh.idle();
  return { ms, ...appRequests(gh.requests().slice(start), actors) };
}

/** Measure `samples` pull requests (a failed run completes, then `/retry`) and `deliveries` signed deliveries. */
export async function measureAppCost(params: {
  /** The App server bundle (`dist/app/index.js`). */
  readonly app: string;
  readonly samples: number;
  readonly deliveries: number;
  readonly concurrency: number;
}): Promise<AppCost> {
  const gh = await startEmulator();
  const yaml = scheduleWorkflow({
    name: 'nightly',
    job: 'dbt',
    scheduleName: 'nightly',
    commands: ['dbt deps', 'dbt run', 'dbt test'],
  });
  gh.seedRepo({
    repo: REPO,
    private: true,
    files: { [WORKFLOW]: yaml },
    collaborators: { mona: 'write' },
  });
  const app = gh.installApp({ slug: 'gh-retry', ...readManifest() });
  const server = await startAppProcess({
    gh,
    app,
    bundle: params.app,
  });
  const actors = [app.botLogin, `app:${app.appId}`];
  try {
    const completed: {
      requests: number;
      ms: number;
      operations: Record<string, number>;
      tokens: number;
    }[] = [];
    const comments: typeof completed = [];
    const latencies: { reactionMs: number; dispatchMs: number }[] = [];
    for (let i = 0; i < params.samples; i += 1) {
      const pull = gh.addPullRequest({ repo: REPO, head: `feature-${i}` });
      const fired = await gh.fire({
        kind: 'pull_request',
        action: 'opened',
        repo: REPO,
        number: pull.number,
      });
      await gh.idle();
      const runId = fired.runs[0];
      if (runId === undefined) throw new Error('the pull request started no run');
      gh.addArtifact({
        runId,
        name: 'gh-retry-nightly-1',
        files: { 'record.json': failedRecord(REPO, runId) },
      });
      completed.push(
        await timed(gh, actors, async () => {
          gh.completeRun(runId, 'failure');
          await gh.idle();
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, IDLE_BEFORE_COMMENT_MS));
      const logStart = gh.requests().length;
      let comment: Awaited<ReturnType<GitHubEmulator['fire']>> | undefined;
      comments.push(
        await timed(gh, actors, async () => {
          comment = await gh.fire({
            kind: 'issue_comment',
            repo: REPO,
            issue: pull.number,
            body: '/retry',
            user: 'mona',
          });
        }),
      );
      // The dispatch may follow the App's answer (its writes are spaced): wait for it, bounded.
      for (let waited = 0; waited < 30_000 && gh.dispatches().length < i + 1; waited += 100)
        await new Promise((resolve) => setTimeout(resolve, 100));
      if (comment !== undefined)
        latencies.push(retryLatency(comment, gh.requests().slice(logStart)));
      if (gh.dispatches().length !== i + 1)
        throw new Error(
          `/retry on pull request ${pull.number} dispatched nothing:\n${server.output().slice(-2000)}`,
        );
    }
    const throughput = await measureThroughput(gh, server.url, app.webhookSecret, params);
    return {
      retryComment: summarise(comments),
      retryLatency: {
        reactionMs: median(latencies.map((l) => l.reactionMs)),
        dispatchMs: median(latencies.map((l) => l.dispatchMs)),
        samples: latencies,
      },
      runCompleted: summarise(completed),
      tokenRequests: [...completed, ...comments].reduce((sum, s) => sum + s.tokens, 0),
      throughput,
    };
  } finally {
    await server.stop();
    await gh.stop();
  }
}

function summarise(
  samples: readonly { requests: number; ms: number; operations: Record<string, number> }[],
): EventCost {
  return {
    requests: median(samples.map((s) => s.requests)),
    operations: samples.at(-1)?.operations ?? {},
    handlerMs: median(samples.map((s) => s.ms)),
    samples: samples.map(({ requests, ms }) => ({ requests, ms })),
  };
}
