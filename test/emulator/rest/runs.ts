/**
 * Workflow runs: list (with GitHub's filters), get, get an attempt, re-run, re-run failed jobs,
 * cancel.
 */
import type { Hub } from '../hub.js';
import type { RepoRecord, RunRecord } from '../records.js';
import { workflowRunView } from '../run-views.js';
import {
  actorOf,
  countedPageReply,
  notFound,
  numberParam,
  pathRecord,
  requestRepo,
  type RestHandler,
  type RestRequest,
  stringParam,
} from './request.js';
import { findWorkflow } from './workflows.js';

/** A run of the repository by id. */
export function findRun(hub: Hub, repo: RepoRecord, runId: number): RunRecord {
  const run = hub.state.runs.get(runId);
  if (run?.repoId !== repo.id) throw notFound();
  return run;
}

/** Whether a run's `created_at` satisfies a search-syntax date filter (`>=2026-01-01`, `a..b`, a day). */
export function matchesCreated(createdAt: string, filter: string): boolean {
  const time = Date.parse(createdAt);
  const bound = (text: string, end: boolean): number => {
    const value = Date.parse(text);
    return /^\d{4}-\d{2}-\d{2}$/.test(text) && end ? value + 24 * 3600 * 1000 - 1 : value;
  };
  const range = /^(.+)\.\.(.+)$/.exec(filter);
  if (range)
    return (
      (range[1] === '*' || time >= bound(range[1] ?? '', false)) &&
      (range[2] === '*' || time <= bound(range[2] ?? '', true))
    );
  const comparison = /^(>=|<=|>|<)(.+)$/.exec(filter);
  if (comparison) {
    const [, op, text = ''] = comparison;
    if (op === '>=') return time >= bound(text, false);
    if (op === '>') return time > bound(text, true);
    if (op === '<=') return time <= bound(text, true);
    return time < bound(text, false);
  }
  return time >= bound(filter, false) && time <= bound(filter, true);
}

function listRuns(request: RestRequest, hub: Hub, workflowId?: number) {
  const repo = requestRepo(request);
  const q = request.query;
  const status = stringParam(q, 'status');
  const runs = [...hub.state.runs.values()]
    .filter(
      (run) =>
        run.repoId === repo.id && (workflowId === undefined || run.workflowId === workflowId),
    )
    .filter((run) => {
      const attempt = hub.state.latestAttempt(run);
      return (
        (q.actor === undefined ||
          run.actor.login === q.actor ||
          attempt.triggeringActor.login === q.actor) &&
        (q.branch === undefined || run.headBranch === q.branch) &&
        (q.event === undefined || run.event === q.event) &&
        (status === undefined || attempt.status === status || attempt.conclusion === status) &&
        (q.head_sha === undefined || run.headSha === q.head_sha) &&
        (q.check_suite_id === undefined || run.checkSuiteId === q.check_suite_id) &&
        (typeof q.created !== 'string' || matchesCreated(run.createdAt, q.created))
      );
    })
    .sort((a, b) => b.id - a.id);
  const excludePullRequests = q.exclude_pull_requests === true;
  return countedPageReply(request, {
    key: 'workflow_runs',
    items: runs,
    view: (run) => workflowRunView(hub.view, run, { excludePullRequests }),
  });
}

const rerun =
  (failedOnly: boolean): RestHandler =>
  (request, hub) => {
    const run = pathRecord(request, hub, 'run_id', findRun);
    hub.runs.rerun(run, { actor: actorOf(request, hub), failedOnly });
    return { status: 201, body: {} };
  };

/** Handlers by operation id. */
export const runHandlers: Readonly<Record<string, RestHandler>> = {
  'actions/list-workflow-runs-for-repo': (request, hub) => listRuns(request, hub),
  'actions/list-workflow-runs': (request, hub) =>
    listRuns(request, hub, findWorkflow(hub, requestRepo(request), request.path.workflow_id).id),
  'actions/get-workflow-run': (request, hub) => {
    const run = pathRecord(request, hub, 'run_id', findRun);
    return {
      status: 200,
      body: workflowRunView(hub.view, run, {
        excludePullRequests: request.query.exclude_pull_requests === true,
      }),
    };
  },
  'actions/get-workflow-run-attempt': (request, hub) => {
    const run = pathRecord(request, hub, 'run_id', findRun);
    const attempt = numberParam(request.path, 'attempt_number');
    if (attempt < 1 || attempt > run.attempts.length) throw notFound();
    return {
      status: 200,
      body: workflowRunView(hub.view, run, {
        attempt,
        excludePullRequests: request.query.exclude_pull_requests === true,
      }),
    };
  },
  'actions/re-run-workflow': rerun(false),
  'actions/re-run-workflow-failed-jobs': rerun(true),
  'actions/cancel-workflow-run': (request, hub) => {
    hub.runs.cancel(pathRecord(request, hub, 'run_id', findRun));
    return { status: 202, body: {} };
  },
};
