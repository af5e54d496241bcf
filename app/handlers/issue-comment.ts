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
} from '../../src/core/authorize.js';
import { parseComment, type CommentCommand } from '../../src/core/comment-command.js';
import { renderRetryReply, type RetryReply } from '../../src/core/markdown-report.js';
import type { RetryMode } from '../../src/core/model.js';
import type { BotWorkflowRun, PullRequestInfo } from '../../src/ports-github-bot.js';
import { runUrlOf, type BotContext, type BotDeps } from '../bot-context.js';
import { loadConfig } from '../bot-config.js';
import { contextFor, issueCommentEvent, readPayload } from '../payloads.js';
import { chooseRoute, executeRoute } from '../retry-target.js';

/** Runs of the head commit looked at; far more than one commit ever has. */
const MAX_RUNS_PER_COMMIT = 200;
/** Comments read to find an earlier answer to the same comment. */
const MAX_COMMENTS = 500;
/** Conclusions `/retry` retries; `startup_failure` is left out (the workflow file itself is broken). */
const RETRIABLE = new Set(['failure', 'cancelled', 'timed_out']);

type CommentEvent = ReturnType<typeof readCommentEvent>;
type Answer = { readonly reply: RetryReply; readonly reaction: 'rocket' | 'confused' | null };

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
    await reply(ctx, event, renderRetryReply({ reply: answer.reply, runUrl: runUrlOf(ctx) }));
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
  if (command.kind === 'help') return { reply: { kind: 'help' }, reaction: null };
  if (command.kind === 'invalid')
    return { reply: { kind: 'invalid', message: command.message }, reaction: 'confused' };
  const lookup = await ctx.github.getPermission({ ...ctx.repo, username: event.sender.login });
  const required = await requiredPermission(ctx, lookup);
  const decision = authorize({ required, lookup, sender: event.sender });
  if (decision.kind !== 'allowed')
    return { reply: { kind: 'denied', reason: decision.reason }, reaction: 'confused' };
  const pull = await ctx.github.getPullRequest({ ...ctx.repo, number: event.issue.number });
  if (pull === null) throw new Error(`pull request #${event.issue.number} was not found`);
  const targets = await findTargets(ctx, { pull, workflow: command.workflow, mode: command.mode });
  if (targets.length === 0) {
    return {
      reply: { kind: 'no-failed-run', workflow: command.workflow, headSha: pull.headSha },
      reaction: 'confused',
    };
  }
  const fork = pull.headRepository?.toLowerCase() !== pull.baseRepository.toLowerCase();
  const results = [];
  for (const parent of targets) {
    const route = await chooseRoute(ctx, { parent, mode: command.mode, forkPullRequest: fork });
    const request = { parent, trigger: 'comment', requestedBy: event.sender.login } as const;
    results.push(await executeRoute(ctx, { ...request, route }));
  }
  const started = results.some((r) =>
    ['dispatched', 'native-rerun', 'already-retried'].includes(r.kind),
  );
  return {
    reply: { kind: 'results', mode: command.mode, requestedBy: event.sender.login, results },
    reaction: started ? 'rocket' : 'confused',
  };
}

/**
 * The level `/retry` needs, from the configuration; not read when the lookup alone decides (a
 * failed lookup denies whatever the level, and admin meets every level).
 */
async function requiredPermission(
  ctx: BotContext,
  lookup: PermissionLookup,
): Promise<PermissionLevel> {
  if (lookup.kind === 'failed' || resolvePermission(lookup) === 'admin') return 'admin';
  return (await loadConfig(ctx)).config.permission;
}

/**
 * The runs to retry: the latest run of each workflow on the head commit that failed, or the
 * latest run of the named workflow (an explicit mode other than from-failure may retry a success).
 */
async function findTargets(
  ctx: BotContext,
  params: { pull: PullRequestInfo; workflow: string | null; mode: RetryMode },
): Promise<BotWorkflowRun[]> {
  const runs = await ctx.github.listRuns({
    ...ctx.repo,
    headSha: params.pull.headSha,
    limit: MAX_RUNS_PER_COMMIT,
  });
  const latest = new Map<number, BotWorkflowRun>();
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

function replyMarker(commentId: number): string {
  return `<!-- gh-retry:reply-to=${commentId} -->`;
}

async function hasAnswered(ctx: BotContext, event: CommentEvent): Promise<boolean> {
  const comments = await ctx.github.listComments({
    ...ctx.repo,
    issueNumber: event.issue.number,
    limit: MAX_COMMENTS,
  });
  return comments.some(
    (c) => c.author === ctx.identity.login && c.body.includes(replyMarker(event.comment.id)),
  );
}

async function reply(ctx: BotContext, event: CommentEvent, body: string): Promise<void> {
  await ctx.github.createComment({
    ...ctx.repo,
    issueNumber: event.issue.number,
    body: `${body}\n\n${replyMarker(event.comment.id)}`,
  });
}

async function react(
  ctx: BotContext,
  event: CommentEvent,
  content: 'eyes' | 'rocket' | 'confused',
): Promise<{ readonly created: boolean }> {
  return await ctx.github.addReaction({ ...ctx.repo, commentId: event.comment.id, content });
}
