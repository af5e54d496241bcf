/**
 * Check suites: one per App per commit (GitHub Actions: one per workflow run), their status as
 * GitHub sums it up, and re-requests. "Re-run" on a check run and "Re-run all checks" on a suite
 * reset the suite to `queued` with no conclusion until its App writes to it again (GitHub's REST
 * docs of "Rerequest a check run" / "Rerequest a check suite"); "Re-run all checks" sends
 * `check_suite.rerequested` to the suite's App when it has checks write.
 */
import { deliverToApps } from './events.js';
import type { Hub } from './hub.js';
import { integrationView } from './issue-views.js';
import { fullName } from './state.js';
import type { AppRecord, RepoRecord, RunRecord, UserRecord } from './records.js';
import { nodeId, repositoryView, simpleCommitView, userView, type ViewContext } from './views.js';
import { pullRequestMinimalView } from './run-views.js';

type Json = Record<string, unknown>;

/** A suite as the model knows it: its commit, and its App or workflow run. */
export interface SuiteRecord {
  readonly id: number;
  readonly repo: RepoRecord;
  readonly headSha: string;
  /** The suite's App; for a workflow run's suite, `github-actions` (resolved by the caller). */
  readonly appId: number | undefined;
  /** The workflow run whose suite this is. */
  readonly run: RunRecord | undefined;
}

/** The suite with this id, or undefined. */
export function findSuite(hub: Hub, suiteId: number): SuiteRecord | undefined {
  for (const [key, id] of hub.state.checkSuites) {
    if (id !== suiteId) continue;
    const [repoId = '', headSha = '', kind = '', owner = ''] = key.split(':');
    const repo = hub.state.repos.get(Number(repoId));
    if (!repo) return undefined;
    const run = kind === 'actions' ? hub.state.runs.get(Number(owner)) : undefined;
    return { id, repo, headSha, appId: kind === 'app' ? Number(owner) : undefined, run };
  }
  return undefined;
}

/** A re-requested suite is queued again; `touchSuite` ends that when its App writes to it. */
export function requeueSuite(hub: Hub, suiteId: number): void {
  hub.state.queuedSuites.add(suiteId);
}

/** The suite's App created or updated a check run in it. */
export function touchSuite(hub: Hub, suiteId: number): void {
  hub.state.queuedSuites.delete(suiteId);
}

// The conclusion a suite of several check runs shows: the first of these any run has.
const conclusionPrecedence = [
  'action_required',
  'startup_failure',
  'timed_out',
  'cancelled',
  'failure',
  'stale',
  'success',
  'neutral',
  'skipped',
];

/** Status and conclusion (lower case, as REST and webhooks say them). */
export function suiteState(
  hub: Hub,
  suiteId: number,
): { status: string; conclusion: string | null } {
  if (hub.state.queuedSuites.has(suiteId)) return { status: 'queued', conclusion: null };
  const suite = findSuite(hub, suiteId);
  if (suite?.run) {
    const attempt = hub.state.latestAttempt(suite.run);
    if (attempt.status === 'completed')
      return { status: 'completed', conclusion: attempt.conclusion };
    return {
      status: attempt.status === 'in_progress' ? 'in_progress' : 'queued',
      conclusion: null,
    };
  }
  const checks = [...hub.state.checkRuns.values()].filter((c) => c.checkSuiteId === suiteId);
  if (!checks.every((check) => check.status === 'completed'))
    return {
      status: checks.some((check) => check.status === 'in_progress') ? 'in_progress' : 'queued',
      conclusion: null,
    };
  const conclusions = checks.map((check) => check.conclusion ?? '');
  return {
    status: 'completed',
    conclusion: conclusionPrecedence.find((c) => conclusions.includes(c)) ?? null,
  };
}

function suiteApp(hub: Hub, suite: SuiteRecord): AppRecord | undefined {
  if (suite.appId !== undefined) return hub.state.apps.get(suite.appId);
  return [...hub.state.apps.values()].find((app) => app.slug === 'github-actions');
}

/** The suite's fields common to REST `check-suite` and the `check_suite` webhook object. */
function suiteFields(hub: Hub, suite: SuiteRecord): Json {
  const view: ViewContext = hub.view;
  const checks = [...hub.state.checkRuns.values()].filter((c) => c.checkSuiteId === suite.id);
  const times = checks.map((check) => check.completedAt ?? check.startedAt).sort();
  const created = suite.run?.createdAt ?? checks.map((c) => c.startedAt).sort()[0];
  const app = suiteApp(hub, suite);
  const url = `${view.apiUrl}/repos/${fullName(suite.repo)}/check-suites/${suite.id}`;
  const pulls = [...hub.state.issues.values()].filter(
    (issue) => issue.repoId === suite.repo.id && issue.pull?.headSha === suite.headSha,
  );
  return {
    id: suite.id,
    node_id: nodeId('CS', suite.id),
    head_branch:
      suite.run?.headBranch ??
      [...suite.repo.branches].find(([, sha]) => sha === suite.headSha)?.[0] ??
      null,
    head_sha: suite.headSha,
    ...suiteState(hub, suite.id),
    url,
    before: null,
    after: suite.headSha,
    pull_requests: pulls.map((issue) => pullRequestMinimalView(view, issue)),
    app: app ? integrationView(view, app) : null,
    created_at: created ?? hub.state.nowIso(),
    updated_at: suite.run?.updatedAt ?? times.at(-1) ?? created ?? hub.state.nowIso(),
    head_commit: simpleCommitView(view, suite.headSha),
    latest_check_runs_count: checks.length,
    check_runs_url: `${url}/check-runs`,
  };
}

/** REST `check-suite`. */
export function checkSuiteView(hub: Hub, suite: SuiteRecord): Json {
  return {
    ...suiteFields(hub, suite),
    repository: repositoryView(hub.view, suite.repo),
    rerequestable: true,
    runs_rerequestable: true,
  };
}

/**
 * "Re-run all checks" (or `POST …/check-suites/{id}/rerequest`): the suite is queued again and
 * its App, when it has checks write, gets `check_suite.rerequested`.
 */
export function rerequestSuite(hub: Hub, params: { suite: SuiteRecord; sender: UserRecord }): void {
  const { suite, sender } = params;
  requeueSuite(hub, suite.id);
  const app = suiteApp(hub, suite);
  if (!app || app.permissions.checks !== 'write') return;
  deliverToApps(hub, {
    event: 'check_suite',
    repo: suite.repo,
    onlyAppId: app.id,
    payload: {
      action: 'rerequested',
      check_suite: suiteFields(hub, suite),
      repository: repositoryView(hub.view, suite.repo),
      sender: userView(hub.view, sender),
    },
  });
}
