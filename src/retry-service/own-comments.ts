/**
 * The bot's own comments on pull requests, read at most once per pull request while one event
 * is handled: the `/retry` replies, and the retries they note (a comment's retry is noted in its
 * reply rather than on the parent's check run, which saves `/retry` a request).
 */
import type { CommentInfo } from '../ports/github-bot.js';
import type { GitHubRetryContext } from './context.js';
import { parseRetryMarkers, replyNotes, type RetryMarker } from '../core/bot/markers.js';

/** Comments read per pull request; a conversation longer than this is read from its start. */
const MAX_COMMENTS = 500;
/** Pull requests of one run looked at. */
const MAX_PULL_REQUESTS = 5;

/** The bot's comments on a pull request, oldest first. */
export type OwnComments = (pullRequest: number) => Promise<readonly CommentInfo[]>;

/** A reader of the bot's comments that asks GitHub once per pull request. */
export function ownComments(ctx: GitHubRetryContext): OwnComments {
  const read = new Map<number, Promise<readonly CommentInfo[]>>();
  return async (number) => {
    const pending =
      read.get(number) ??
      ctx.github
        .listComments({ ...ctx.repo, issueNumber: number, limit: MAX_COMMENTS })
        .then((comments) => comments.filter((c) => isOwn(ctx, c)));
    read.set(number, pending);
    return await pending;
  };
}

/** Whether a comment is the bot's own (its login, and its App when both are known). */
export function isOwn(
  ctx: GitHubRetryContext,
  comment: { author: string; appId: number | null },
): boolean {
  return (
    comment.author === ctx.identity.login &&
    (ctx.identity.appId === null || comment.appId === null || comment.appId === ctx.identity.appId)
  );
}

/** The retries of `parentRunId` noted in the bot's replies on these pull requests. */
export async function repliedRetries(
  comments: OwnComments,
  params: { pullRequests: readonly number[]; parentRunId: number },
): Promise<RetryMarker[]> {
  const found: RetryMarker[] = [];
  for (const number of params.pullRequests.slice(0, MAX_PULL_REQUESTS)) {
    for (const comment of await comments(number))
      found.push(
        ...parseRetryMarkers(replyNotes(comment.body)).filter(
          (m) => m.parentRunId === params.parentRunId,
        ),
      );
  }
  return found;
}
