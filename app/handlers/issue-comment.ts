/**
 * `issue_comment.created` on a pull request: a `/retry` command. React 👀, check the
 * commenter's permission, retry the latest failed run of each workflow on the head commit (or
 * the named one), react 🚀 or 😕, and answer with one reply.
 */
import {
  authorize,
  isBot,
  resolvePermission,
  type PermissionLevel,
  type PermissionLookup,
} from '../../src/core/bot/authorize.js';
import { parseComment, type CommentCommand } from '../../src/core/bot/comment-command.js';
import {
  renderRetryReply,
  type RetryReply,
  type RetryTargetResult,
} from '../../src/core/report/retry-reply.js';
import type { RetryMode } from '../../src/core/retry/mode.js';
import { CONFIG_FILE } from '../../src/core/bot/config.js';
import type { CommitRun, PullRequestChecks } from '../../src/ports/github-bot.js';
import { runUrlOf, type BotContext, type BotDeps } from '../context.js';
import { loadConfig } from '../config.js';
import { CHECK_RUN_NAME } from '../../src/core/report/check-run.js';
import { contextFor, issueCommentEvent, readPayload } from '../payloads.js';
import { ownComments } from '../../src/retry-service/own-comments.js';
import {
  isReplyTo,
  parseRecordsNote,
  renderRetryMarker,
  replyToMarker,
} from '../../src/core/bot/markers.js';
import { routeFromCommitChecks, workflowOf } from '../../src/core/bot/route.js';
import { chooseRoute, retryStartingPoint } from '../../src/retry-service/route.js';
import { checkRunDescribing, executeRoute } from '../../src/retry-service/execute.js';

/** Runs of the head commit looked at; far more than one commit ever has. */
const MAX_RUNS_PER_COMMIT = 200;
/** Conclusions `/retry` retries; `startup_failure` is left out (the workflow file itself is broken). */
const RETRIABLE = new Set(['failure', 'cancelled', 'timed_out']);

type CommentEvent = ReturnType<typeof readCommentEvent>;
type Answer = {
  readonly reply: RetryReply;
  readonly reaction: 'rocket' | 'confused' | null;
  /** Notes of the retries started, hidden in the reply. */
  readonly retries: readonly string[];
};

function readCommentEvent(payload: unknown) {
  return readPayload(issueCommentEvent, payload, 'issue_comment');
}

/** Handle `issue_comment.created`. */
export async function handleIssueComment(deps: BotDeps, payload: unknown): Promise<void> {
  let ctx: BotContext | null = null;
  let event: CommentEvent | null = null;
  try {
    event = readCommentEvent(payload);
    if (event.action !== 'created' || !event.issue.pull_request) return;
    const command = parseComment(event.comment.body ?? '');
    // Bots and the bot itself are never answered: that is how reply loops are avoided.
    if (command.kind === 'none' || isBot(event.sender) || isBot(event.comment.user)) return;
    ctx = contextFor(deps, event);
    // The 👀 comes before any answer, so a new 👀 means this comment was never answered; only
    // when it was already there (a redelivery, or a delivery cut short) are the comments read.
    const { created } = await react(ctx, event, 'eyes');
    if (!created && (await hasAnswered(ctx, event))) {
      ctx.log.info(`comment ${event.comment.id} was answered before (a redelivery); nothing to do`);
      return;
    }
    const answer = await answerCommand(ctx, event, command);
    const body = renderRetryReply({ reply: answer.reply, runUrl: runUrlOf(ctx) });
    await reply(ctx, event, body, answer.retries);
    if (answer.reaction !== null) await react(ctx, event, answer.reaction);
  } catch (error) {
    deps.log.error(
      `could not handle the /retry comment ${event?.comment.id ?? '(unreadable)'}`,
      error,
    );
    if (ctx === null || event === null) return;
    const sorry =
      '😕 gh-retry ran into an unexpected error with this command, so some or all retries did not start. Check the Actions tab, then try the command again in a few minutes; if it keeps failing, ask a maintainer to look at the app’s logs.';
    const answered = ctx;
    const comment = event;
    await reply(answered, comment, sorry)
      .then(async () => {
        await react(answered, comment, 'confused');
      })
      .catch((cause: unknown) => {
        deps.log.error('could not report the error on the pull request', cause);
      });
  }
}

async function answerCommand(
  ctx: BotContext,
  event: CommentEvent,
  command: Exclude<CommentCommand, { kind: 'none' }>,
): Promise<Answer> {
  if (command.kind === 'help') return { reply: { kind: 'help' }, reaction: null, retries: [] };
  if (command.kind === 'invalid') {
    const reply = { kind: 'invalid', message: command.message } as const;
    return { reply, reaction: 'confused', retries: [] };
  }
  const lookup = await ctx.github.getPermission({ ...ctx.repo, username: event.sender.login });
  // A failed lookup denies whatever the level; nothing else is read for it.
  const checks =
    lookup.kind === 'failed'
      ? null
      : await ctx.github.getPullRequestChecks({
          ...ctx.repo,
          number: event.issue.number,
          checkName: CHECK_RUN_NAME,
          appId: ctx.identity.appId,
          configPath: CONFIG_FILE,
          limit: MAX_RUNS_PER_COMMIT,
        });
  const required = await requiredPermission(ctx, lookup, checks);
  const decision = authorize({ required, lookup, sender: event.sender });
  if (decision.kind !== 'allowed')
    return {
      reply: { kind: 'denied', reason: decision.reason },
      reaction: 'confused',
      retries: [],
    };
  if (checks === null) throw new Error(`pull request #${event.issue.number} was not found`);
  const { pull } = checks;
  // The bot in a workflow reads runs over REST: its check runs join GitHub Actions' check suites
  // and would change their conclusions.
  const runs = ctx.identity.appId === null ? await runsOverRest(ctx, pull.headSha) : checks.runs;
  const targets = findTargets(runs, { workflow: command.workflow, mode: command.mode });
  if (targets.length === 0) {
    const reply = {
      kind: 'no-failed-run',
      workflow: command.workflow,
      headSha: pull.headSha,
    } as const;
    return { reply, reaction: 'confused', retries: [] };
  }
  const fork = pull.headRepository?.toLowerCase() !== pull.baseRepository.toLowerCase();
  const results: RetryTargetResult[] = [];
  for (const target of targets) {
    try {
      const mode = command.mode;
      results.push(await retryTarget(ctx, { event, mode, checks, target, fork }));
    } catch (error) {
      // One target's trouble does not hide what happened to the others (nor their notes).
      ctx.log.error(`could not retry run ${target.id}`, error);
      const message = 'GitHub answered with an error';
      results.push({
        workflow: workflowOf(target),
        parentRunId: target.id,
        kind: 'failed',
        message,
      });
    }
  }
  const started = results.some((r) =>
    ['dispatched', 'native-rerun', 'already-retried'].includes(r.kind),
  );
  // The comment's retries are noted in the reply (not on the parent's check run): one request less.
  const retries = results.flatMap((r) =>
    r.kind === 'dispatched' && r.runId !== null
      ? [
          renderRetryMarker({
            runId: r.runId,
            trigger: 'comment',
            requestedBy: event.sender.login,
            parentRunId: r.parentRunId,
          }),
        ]
      : [],
  );
  return {
    reply: { kind: 'results', mode: command.mode, requestedBy: event.sender.login, results },
    reaction: started ? 'rocket' : 'confused',
    retries,
  };
}

/**
 * Retry one target. From the bot's check run alone when it describes the run (and the run is on
 * the pull request's branch); otherwise, and always for the bot in a workflow (whose check runs
 * share GitHub Actions' check suites), from the run and its artifacts.
 */
async function retryTarget(
  ctx: BotContext,
  params: {
    event: CommentEvent;
    mode: RetryMode;
    checks: PullRequestChecks;
    target: CommitRun;
    fork: boolean;
  },
): Promise<RetryTargetResult> {
  const { event, mode, checks, target, fork } = params;
  const request = { trigger: 'comment', requestedBy: event.sender.login } as const;
  const check =
    ctx.identity.appId === null ? null : checkRunDescribing(ctx, checks.checkRuns, target.id);
  const records = check === null ? null : parseRecordsNote(check.output.summary);
  if (records === null || target.headBranch !== checks.pull.headRef) {
    const run = await ctx.github.getRun({ ...ctx.repo, runId: target.id });
    if (run === null) throw new Error(`run ${target.id} was not found`);
    const parent = await retryStartingPoint(ctx, run);
    const route = await chooseRoute(ctx, { parent, mode, forkPullRequest: fork });
    return await executeRoute(ctx, { ...request, parent, route });
  }
  const route = routeFromCommitChecks({
    parent: target,
    mode,
    forkPullRequest: fork,
    records,
    now: new Date(),
  });
  const parent = { ...target, pullRequests: [checks.pull.number] };
  return await executeRoute(ctx, { ...request, parent, route, known: { check } });
}

/** The workflow runs of a commit, read over REST. */
async function runsOverRest(ctx: BotContext, headSha: string): Promise<CommitRun[]> {
  const runs = await ctx.github.listRuns({ ...ctx.repo, headSha, limit: MAX_RUNS_PER_COMMIT });
  return runs.map((run) => ({ ...run, status: run.status ?? 'queued' }));
}

/**
 * The level `/retry` needs, from the configuration; not read when the lookup alone decides (a
 * failed lookup denies whatever the level, and admin meets every level). The configuration
 * files the pull request's read brought along are not read again.
 */
async function requiredPermission(
  ctx: BotContext,
  lookup: PermissionLookup,
  checks: PullRequestChecks | null,
): Promise<PermissionLevel> {
  if (lookup.kind === 'failed' || resolvePermission(lookup) === 'admin') return 'admin';
  return (await loadConfig(ctx, checks?.configFiles)).config.permission;
}

/**
 * The runs to retry: the latest run of each workflow on the head commit that failed, or the
 * latest run of the named workflow (an explicit mode other than from-failure may retry a success).
 */
function findTargets(
  runs: readonly CommitRun[],
  params: { workflow: string | null; mode: RetryMode },
): CommitRun[] {
  const latest = new Map<number, CommitRun>();
  for (const run of runs) {
    const seen = latest.get(run.workflowId);
    if (seen === undefined || run.id > seen.id) latest.set(run.workflowId, run);
  }
  const candidates = [...latest.values()].sort((a, b) =>
    a.workflowPath.localeCompare(b.workflowPath),
  );
  if (params.workflow === null)
    return candidates.filter(
      (run) => run.status === 'completed' && RETRIABLE.has(run.conclusion ?? ''),
    );
  const named = candidates.find((run) => run.workflowPath.split('/').pop() === params.workflow);
  if (named === undefined) return [];
  const succeeded = named.status === 'completed' && !RETRIABLE.has(named.conclusion ?? '');
  return succeeded && params.mode.kind === 'from-failure' ? [] : [named];
}

async function hasAnswered(ctx: BotContext, event: CommentEvent): Promise<boolean> {
  const comments = await ownComments(ctx)(event.issue.number);
  return comments.some((c) => isReplyTo(c.body, event.comment.id));
}

async function reply(
  ctx: BotContext,
  event: CommentEvent,
  body: string,
  notes: readonly string[] = [],
): Promise<void> {
  await ctx.github.createComment({
    ...ctx.repo,
    issueNumber: event.issue.number,
    body: `${body}\n\n${[...notes, replyToMarker(event.comment.id)].join('\n')}`,
  });
}

async function react(
  ctx: BotContext,
  event: CommentEvent,
  content: 'eyes' | 'rocket' | 'confused',
): Promise<{ readonly created: boolean }> {
  return await ctx.github.addReaction({ ...ctx.repo, commentId: event.comment.id, content });
}
