/**
 * Issues and pull-request conversations: get an issue, create/update/get/list comments (with
 * `issue_comment` webhooks and workflows), and reactions on comments (201 new, 200 existing).
 */
import { deliverToApps, startTriggeredRuns } from '../events.js';
import type { Hub } from '../hub.js';
import { issueCommentView, issueView, reactionView } from '../issue-views.js';
import { limitCommentBody } from '../limits.js';
import type { CommentRecord, IssueRecord, RepoRecord, UserRecord } from '../records.js';
import { issueCommentPayload } from '../webhook-payloads.js';
import {
  actorOf,
  getOne,
  notFound,
  numberParam,
  pageReply,
  pathRecord,
  requestRepo,
  type RestHandler,
  type RestRequest,
} from './request.js';

function findIssue(hub: Hub, repo: RepoRecord, issueNumber: number): IssueRecord {
  const issue = hub.state.issues.get(hub.state.issueKey(repo.id, issueNumber));
  if (!issue) throw notFound();
  return issue;
}

function findComment(hub: Hub, repo: RepoRecord, id: number): CommentRecord {
  const comment = hub.state.comments.get(id);
  if (comment?.repoId !== repo.id) throw notFound();
  return comment;
}

/**
 * Tell Apps and workflows about a comment event. Comments made with an Actions `GITHUB_TOKEN`
 * reach Apps but start no workflow runs (GitHub's loop guard).
 */
export function announceComment(
  hub: Hub,
  params: {
    action: string;
    comment: CommentRecord;
    sender: UserRecord;
    byActionsToken: boolean;
    changes?: unknown;
  },
): void {
  const repo = hub.state.repos.get(params.comment.repoId);
  if (!repo) return;
  const payload = {
    ...issueCommentPayload(hub.view, params.action, params.comment, params.sender),
    ...(params.changes === undefined ? {} : { changes: params.changes }),
  };
  deliverToApps(hub, { event: 'issue_comment', repo, payload });
  const sha = repo.branches.get(repo.defaultBranch);
  if (!sha) return;
  const issue = hub.state.issues.get(hub.state.issueKey(repo.id, params.comment.issueNumber));
  startTriggeredRuns(hub, {
    repo,
    trigger: { name: 'issue_comment', action: params.action },
    filesSha: sha,
    byActionsToken: params.byActionsToken,
    origin: {
      event: 'issue_comment',
      headBranch: repo.defaultBranch,
      headSha: sha,
      actor: params.sender,
      payload,
      defaultTitle: issue?.title ?? '',
      chainDepth: 0,
    },
  });
}

/** Create a comment as a user or App and announce it. */
export function createComment(
  hub: Hub,
  params: {
    repo: RepoRecord;
    issueNumber: number;
    body: string;
    user: UserRecord;
    appId: number | null;
    byActionsToken: boolean;
  },
): CommentRecord {
  const now = hub.state.nowIso();
  const comment: CommentRecord = {
    id: hub.state.nextId('comment'),
    repoId: params.repo.id,
    issueNumber: params.issueNumber,
    user: params.user,
    appId: params.appId,
    createdAt: now,
    updatedAt: now,
    body: params.body,
  };
  hub.state.comments.set(comment.id, comment);
  announceComment(hub, {
    action: 'created',
    comment,
    sender: params.user,
    byActionsToken: params.byActionsToken,
  });
  return comment;
}

function appIdOf(request: RestRequest): number | null {
  return request.principal?.kind === 'installation' ? request.principal.appId : null;
}

/** Handlers by operation id. */
export const issueHandlers: Readonly<Record<string, RestHandler>> = {
  'issues/get': getOne('issue_number', findIssue, issueView),
  'issues/create-comment': (request, hub) => {
    const repo = requestRepo(request);
    const issue = findIssue(hub, repo, numberParam(request.path, 'issue_number'));
    const body = (request.body as { body: string }).body;
    limitCommentBody(body);
    const comment = createComment(hub, {
      repo,
      issueNumber: issue.number,
      body,
      user: actorOf(request, hub),
      appId: appIdOf(request),
      byActionsToken: request.principal?.kind === 'actions',
    });
    const view = issueCommentView(hub.view, comment);
    return { status: 201, body: view, headers: { location: String(view.url) } };
  },
  'issues/update-comment': (request, hub) => {
    const comment = pathRecord(request, hub, 'comment_id', findComment);
    const previous = comment.body;
    limitCommentBody((request.body as { body: string }).body);
    comment.body = (request.body as { body: string }).body;
    comment.updatedAt = hub.state.nowIso();
    announceComment(hub, {
      action: 'edited',
      comment,
      sender: actorOf(request, hub),
      byActionsToken: request.principal?.kind === 'actions',
      changes: { body: { from: previous } },
    });
    return { status: 200, body: issueCommentView(hub.view, comment) };
  },
  'issues/get-comment': getOne('comment_id', findComment, issueCommentView),
  'issues/list-comments': (request, hub) => {
    const repo = requestRepo(request);
    const issue = findIssue(hub, repo, numberParam(request.path, 'issue_number'));
    const comments = [...hub.state.comments.values()].filter(
      (comment) => comment.repoId === repo.id && comment.issueNumber === issue.number,
    );
    return pageReply(request, comments, (comment) => issueCommentView(hub.view, comment));
  },
  'reactions/create-for-issue-comment': (request, hub) => {
    const comment = pathRecord(request, hub, 'comment_id', findComment);
    const content = (request.body as { content: string }).content;
    const user = actorOf(request, hub);
    const existing = hub.state.reactions.find(
      (reaction) =>
        reaction.commentId === comment.id &&
        reaction.user.id === user.id &&
        reaction.content === content,
    );
    if (existing) return { status: 200, body: reactionView(hub.view, existing) };
    const reaction = {
      id: hub.state.nextId('reaction'),
      commentId: comment.id,
      user,
      content,
      createdAt: hub.state.nowIso(),
    };
    hub.state.reactions.push(reaction);
    return { status: 201, body: reactionView(hub.view, reaction) };
  },
  'reactions/list-for-issue-comment': (request, hub) => {
    const comment = pathRecord(request, hub, 'comment_id', findComment);
    const reactions = hub.state.reactions.filter(
      (reaction) =>
        reaction.commentId === comment.id &&
        (request.query.content === undefined || reaction.content === request.query.content),
    );
    return pageReply(request, reactions, (reaction) => reactionView(hub.view, reaction));
  },
};
