/**
 * Events a test can cause as if a person acted on GitHub: comment on a pull request, click a
 * check-run button, "Re-run" or "Re-run all checks", push, open or update a pull request, or let
 * a schedule fire.
 */
import { findSuite, rerequestSuite } from './check-suites.js';
import { deliverToApps, startTriggeredRuns } from './events.js';
import type { Hub } from './hub.js';
import { announceCheckRequest } from './rest/checks.js';
import { createComment } from './rest/issues.js';
import type { RunOrigin } from './run-records.js';
import { requireSeededRepo } from './seed.js';
import type { RepoRecord } from './records.js';
import { pullRequestPayload, pushPayload, schedulePayload } from './webhook-payloads.js';
import type { DeliveryRecord } from './webhooks.js';
import { parseWorkflowFileIfValid, type TriggerEvent } from './workflow-file.js';

/** An event to fire. */
export type FireEvent =
  | {
      readonly kind: 'issue_comment';
      readonly repo: string;
      readonly issue: number;
      readonly body: string;
      readonly user: string;
    }
  | {
      readonly kind: 'check_run.requested_action';
      readonly checkRunId: number;
      readonly identifier: string;
      readonly user: string;
    }
  | { readonly kind: 'check_run.rerequested'; readonly checkRunId: number; readonly user: string }
  | {
      readonly kind: 'check_suite.rerequested';
      readonly checkSuiteId: number;
      readonly user: string;
    }
  | {
      readonly kind: 'push';
      readonly repo: string;
      readonly branch: string;
      readonly files: Readonly<Record<string, string | null>>;
      readonly user?: string;
      readonly message?: string;
    }
  | {
      readonly kind: 'pull_request';
      readonly action: 'opened' | 'reopened' | 'synchronize';
      readonly repo: string;
      readonly number: number;
      readonly user?: string;
      readonly files?: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'schedule'; readonly repo: string; readonly cron?: string }
  | {
      readonly kind: 'workflow_run';
      readonly action: 'requested' | 'in_progress' | 'completed';
      readonly runId: number;
    };

/** What firing caused (deliveries have been answered when this is returned). */
export interface FireResult {
  readonly deliveries: readonly DeliveryRecord[];
  /** Ids of the runs the event started. */
  readonly runs: readonly number[];
  /** For `issue_comment`: the new comment's id. */
  readonly commentId?: number;
}

/**
 * Ids of the runs a person's event starts: the workflows at the head commit whose trigger matches,
 * each the first link of its chain.
 */
function startRuns(
  hub: Hub,
  params: {
    repo: RepoRecord;
    trigger: TriggerEvent;
    origin: Omit<RunOrigin, 'event' | 'chainDepth'>;
  },
): number[] {
  const { repo, trigger, origin } = params;
  return startTriggeredRuns(hub, {
    repo,
    trigger,
    filesSha: origin.headSha,
    origin: { ...origin, event: trigger.name, chainDepth: 0 },
  }).map((run) => run.id);
}

function fireCheck(
  hub: Hub,
  event: Extract<FireEvent, { kind: `check_run.${string}` }>,
): Omit<FireResult, 'deliveries'> {
  const check = hub.state.checkRuns.get(event.checkRunId);
  if (!check) throw new Error(`no check run ${event.checkRunId}`);
  const sender = hub.state.ensureUser(event.user);
  if (event.kind === 'check_run.rerequested') {
    announceCheckRequest(hub, { check, sender });
  } else {
    if (check.status !== 'completed')
      throw new Error('GitHub shows check-run buttons only once the check run is completed');
    if (!check.actions.some((action) => action.identifier === event.identifier))
      throw new Error(`check run ${check.id} has no button '${event.identifier}'`);
    announceCheckRequest(hub, { check, sender, identifier: event.identifier });
  }
  return { runs: [] };
}

function firePush(
  hub: Hub,
  event: Extract<FireEvent, { kind: 'push' }>,
): Omit<FireResult, 'deliveries'> {
  const repo = requireSeededRepo(hub, event.repo);
  const sender = hub.state.ensureUser(event.user ?? repo.owner.login);
  const before = repo.branches.get(event.branch) ?? '0'.repeat(40);
  const after = hub.state.commit({
    repo,
    branch: event.branch,
    files: event.files,
    message: event.message ?? `Push to ${event.branch}`,
    author: sender,
  });
  const payload = pushPayload(hub.view, { repo, branch: event.branch, before, after, sender });
  deliverToApps(hub, { event: 'push', repo, payload });
  const title = event.message ?? `Push to ${event.branch}`;
  return {
    runs: startRuns(hub, {
      repo,
      trigger: { name: 'push', branch: event.branch },
      origin: {
        headBranch: event.branch,
        headSha: after,
        actor: sender,
        payload,
        defaultTitle: title,
      },
    }),
  };
}

function firePullRequest(
  hub: Hub,
  event: Extract<FireEvent, { kind: 'pull_request' }>,
): Omit<FireResult, 'deliveries'> {
  const repo = requireSeededRepo(hub, event.repo);
  const issue = hub.state.issues.get(hub.state.issueKey(repo.id, event.number));
  const pull = issue?.pull;
  if (!issue || !pull) throw new Error(`#${event.number} is not a pull request of ${event.repo}`);
  const headRepo = hub.state.repos.get(pull.headRepoId);
  if (!headRepo) throw new Error('pull request without head repository');
  const sender = hub.state.ensureUser(event.user ?? issue.user.login);
  const before = pull.headSha;
  if (event.action === 'synchronize')
    pull.headSha = hub.state.commit({
      repo: headRepo,
      branch: pull.headRef,
      files: event.files ?? { [`${pull.headRef}.txt`]: `${Date.now()}\n` },
      author: sender,
    });
  const payload = pullRequestPayload(hub.view, {
    action: event.action,
    issue,
    sender,
    ...(event.action === 'synchronize' ? { before } : {}),
  });
  deliverToApps(hub, { event: 'pull_request', repo, payload });
  return {
    runs: startRuns(hub, {
      repo,
      trigger: { name: 'pull_request', action: event.action, branch: pull.baseRef },
      origin: {
        headBranch: pull.headRef,
        headSha: pull.headSha,
        headRepoId: headRepo.id,
        ref: `refs/pull/${issue.number}/merge`,
        sha: hub.state.nextSha(`merge:${issue.number}`),
        actor: sender,
        payload,
        defaultTitle: issue.title,
      },
    }),
  };
}

function fireSchedule(
  hub: Hub,
  event: Extract<FireEvent, { kind: 'schedule' }>,
): Omit<FireResult, 'deliveries'> {
  const repo = requireSeededRepo(hub, event.repo);
  const sha = repo.branches.get(repo.defaultBranch) ?? '';
  const runs: number[] = [];
  for (const workflow of hub.state.workflows.values()) {
    const file =
      workflow.repoId === repo.id && workflow.state === 'active'
        ? parseWorkflowFileIfValid(hub.state.fileAt(sha, workflow.path), workflow.path)
        : undefined;
    const entries = file?.triggers.get('schedule')?.entries;
    if (!file || !Array.isArray(entries)) continue;
    const crons = entries.map((entry) => String((entry as { cron?: unknown }).cron));
    const cron = event.cron ?? crons[0] ?? '';
    if (!crons.includes(cron)) continue;
    const payload = schedulePayload({ cron, workflowPath: workflow.path });
    const origin = {
      event: 'schedule',
      headBranch: repo.defaultBranch,
      headSha: sha,
      actor: repo.owner,
      payload,
      defaultTitle: file.name ?? workflow.path,
      chainDepth: 0,
    };
    runs.push(hub.runs.create({ repo, workflow, file, origin }).id);
  }
  return { runs };
}

/** Fire an event and wait until the Apps have answered its deliveries. */
export async function fireEvent(hub: Hub, event: FireEvent): Promise<FireResult> {
  const before = hub.webhooks.deliveries().length;
  let result: Omit<FireResult, 'deliveries'>;
  switch (event.kind) {
    case 'issue_comment': {
      const repo = requireSeededRepo(hub, event.repo);
      if (!hub.state.issues.has(hub.state.issueKey(repo.id, event.issue)))
        throw new Error(`no issue or pull request #${event.issue} in ${event.repo}`);
      const runsBefore = hub.state.runs.size;
      const comment = createComment(hub, {
        repo,
        issueNumber: event.issue,
        body: event.body,
        user: hub.state.ensureUser(event.user),
        appId: null,
        byActionsToken: false,
      });
      result = { commentId: comment.id, runs: [...hub.state.runs.keys()].slice(runsBefore) };
      break;
    }
    case 'check_run.requested_action':
    case 'check_run.rerequested':
      result = fireCheck(hub, event);
      break;
    case 'check_suite.rerequested': {
      // "Re-run all checks" on the suite's page.
      const suite = findSuite(hub, event.checkSuiteId);
      if (!suite) throw new Error(`no check suite ${event.checkSuiteId}`);
      rerequestSuite(hub, { suite, sender: hub.state.ensureUser(event.user) });
      result = { runs: [] };
      break;
    }
    case 'push':
      result = firePush(hub, event);
      break;
    case 'pull_request':
      result = firePullRequest(hub, event);
      break;
    case 'schedule':
      result = fireSchedule(hub, event);
      break;
    case 'workflow_run': {
      // Re-announce a run as it is now (e.g. a seeded run), like its status change would.
      const run = hub.state.runs.get(event.runId);
      if (!run) throw new Error(`no run ${event.runId}`);
      const runsBefore = hub.state.runs.size;
      hub.runs.announce(run, event.action);
      result = { runs: [...hub.state.runs.keys()].slice(runsBefore) };
      break;
    }
  }
  const deliveries = hub.webhooks.deliveries().slice(before);
  await Promise.all(
    deliveries.map(async (delivery) => {
      await delivery.done;
    }),
  );
  return { ...result, deliveries };
}
