/**
 * Opening a pull request (`POST /repos/{o}/{r}/pulls`) from a branch of the repository: GitHub's
 * 422s for a missing branch or a head without commits, then `pull_request.opened` to the Apps and
 * the workflows it starts, as when a person opens one in the browser.
 */
import { fireEvent } from '../fire.js';
import type { Hub } from '../hub.js';
import { pullRequestView } from '../issue-views.js';
import type { IssueRecord } from '../records.js';
import { actorOf, HttpError, requestRepo, type RestHandler } from './request.js';

interface CreateBody {
  readonly title?: string;
  readonly head: string;
  readonly base: string;
  readonly body?: string;
}

function invalid(field: string, message?: string): HttpError {
  return new HttpError(422, 'Validation Failed', [
    {
      resource: 'PullRequest',
      field,
      code: message === undefined ? 'invalid' : 'custom',
      ...(message === undefined ? {} : { message }),
    },
  ]);
}

/** Handlers by operation id. */
export const pullHandlers: Readonly<Record<string, RestHandler>> = {
  'pulls/create': (request, hub) => {
    const repo = requestRepo(request);
    const body = request.body as CreateBody;
    const head = body.head.includes(':') ? body.head.slice(body.head.indexOf(':') + 1) : body.head;
    const headSha = repo.branches.get(head);
    const baseSha = repo.branches.get(body.base);
    if (baseSha === undefined) throw invalid('base');
    if (headSha === undefined) throw invalid('head');
    if (headSha === baseSha) throw invalid('head', `No commits between ${body.base} and ${head}`);
    const user = actorOf(request, hub);
    const issue: IssueRecord = {
      id: hub.state.nextId('issue'),
      repoId: repo.id,
      number: hub.state.nextIssueNumber(repo.id),
      title: body.title ?? head,
      body: body.body ?? '',
      user,
      createdAt: hub.state.nowIso(),
      pull: {
        id: hub.state.nextId('pull'),
        headRepoId: repo.id,
        headRef: head,
        headSha,
        baseRef: body.base,
      },
    };
    hub.state.issues.set(hub.state.issueKey(repo.id, issue.number), issue);
    announceOpened(hub, {
      repo: `${repo.owner.login}/${repo.name}`,
      number: issue.number,
      user: user.login,
    });
    const view = pullRequestView(hub.view, issue);
    return { status: 201, body: view, headers: { location: String(view.url) } };
  },
};

/** `pull_request.opened`: webhooks go out and workflows start; the answer does not wait for the Apps. */
function announceOpened(hub: Hub, params: { repo: string; number: number; user: string }): void {
  fireEvent(hub, { kind: 'pull_request', action: 'opened', ...params }).catch((error: unknown) => {
    hub.violations.record({
      kind: 'webhook',
      subject: `pull_request.opened of #${params.number}`,
      where: 'POST /repos/{owner}/{repo}/pulls',
      problems: [String(error)],
    });
  });
}
