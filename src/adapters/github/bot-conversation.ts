import type { BotConversation, CommentInfo, PullRequestInfo } from '../../ports/github-bot.js';
import { orNullOn404, readHttpFailure, type GitHubClient } from './client.js';
import { readPullRequestChecks } from './pull-request-checks.js';

/** The fields of a pull request (full or listed) that a retry needs. */
interface RestPull {
  readonly number: number;
  readonly head: { readonly sha: string; readonly ref: string; readonly repo: unknown };
  readonly base: { readonly repo: { readonly full_name: string } };
}

function toPull(data: RestPull): PullRequestInfo {
  return {
    number: data.number,
    headSha: data.head.sha,
    headRef: data.head.ref,
    // The schema says non-null, but a deleted fork leaves `head.repo` null.
    headRepository: (data.head.repo as { full_name: string } | null)?.full_name ?? null,
    baseRepository: data.base.repo.full_name,
  };
}

/** {@link BotConversation} over GitHub's REST API. */
export function restBotConversation(octokit: GitHubClient): BotConversation {
  return {
    async getPullRequestChecks(params) {
      return await readPullRequestChecks(octokit, params);
    },

    async getPullRequest({ owner, repo, number }) {
      const response = await orNullOn404(
        async () => await octokit.rest.pulls.get({ owner, repo, pull_number: number }),
      );
      return response === null ? null : toPull(response.data);
    },

    async listPullRequestsByHead({ owner, repo, head }) {
      const { data } = await octokit.rest.pulls.list({
        owner,
        repo,
        head,
        state: 'open',
        per_page: 10,
      });
      return data.map(toPull);
    },

    async getPermission({ owner, repo, username }) {
      try {
        const { data } = await octokit.rest.repos.getCollaboratorPermissionLevel({
          owner,
          repo,
          username,
        });
        return { kind: 'found', permission: data.permission, roleName: data.role_name };
      } catch (error) {
        const failure = readHttpFailure(error);
        // 404: not a user GitHub knows on this repository, so no access; anything else is a failed lookup.
        if (failure?.status === 404) return { kind: 'found', permission: 'none', roleName: null };
        const reason =
          failure === null ? 'the lookup failed' : `GitHub answered HTTP ${failure.status}`;
        return { kind: 'failed', reason };
      }
    },

    async createComment({ owner, repo, issueNumber, body }) {
      const { data } = await octokit.rest.issues.createComment({
        owner,
        repo,
        issue_number: issueNumber,
        body,
      });
      return { id: data.id };
    },

    async updateComment({ owner, repo, commentId, body }) {
      await octokit.rest.issues.updateComment({ owner, repo, comment_id: commentId, body });
    },

    async listComments({ owner, repo, issueNumber, limit }) {
      const comments: CommentInfo[] = [];
      const iterator = octokit.paginate.iterator(octokit.rest.issues.listComments, {
        owner,
        repo,
        issue_number: issueNumber,
        per_page: 100,
      });
      for await (const page of iterator) {
        for (const comment of page.data) {
          if (comments.length >= limit) return comments;
          comments.push({
            id: comment.id,
            body: comment.body ?? '',
            author: comment.user?.login ?? '',
            appId: comment.performed_via_github_app?.id ?? null,
          });
        }
      }
      return comments;
    },

    async addReaction({ owner, repo, commentId, content }) {
      const response = await octokit.rest.reactions.createForIssueComment({
        owner,
        repo,
        comment_id: commentId,
        content,
      });
      return { created: response.status === 201 };
    },
  };
}
