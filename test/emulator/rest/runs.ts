/**
 * Workflow runs: list (with GitHub's filters), get, get an attempt, re-run, re-run failed jobs,
 * cancel.
 */
import type { Hub } from '../hub.js';
import type { AttemptRecord, RepoRecord, RunRecord } from '../state.js';
import { workflowRunView } from '../views.js';
import {
  actorOf,
  countedPageReply,
  notFound,
  numberParam,
  requestRepo,
  stringParam,
  type RestHandler,
  type RestRequest,
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
    const run = findRun(hub, requestRepo(request), numberParam(request.path, 'run_id'));
    hub.runs.rerun(run, { actor: actorOf(request, hub), failedOnly });
    return { status: 201, body: {} };
  };

/**
 * The run's one job per attempt (the emulator runs one job): the latest attempt's, or every
 * attempt's with `filter=all`. Steps are not listed.
 */
function listJobs(request: RestRequest, hub: Hub) {
  const repo = requestRepo(request);
  const run = findRun(hub, repo, numberParam(request.path, 'run_id'));
  const latest = hub.state.latestAttempt(run);
  const attempts = request.query.filter === 'all' ? run.attempts : [latest];
  const name = hub.runs.jobName(run.id);
  const full = `${repo.owner.login}/${repo.name}`;
  return countedPageReply(request, {
    key: 'jobs',
    items: attempts,
    view: (attempt: AttemptRecord) => {
      const id = run.id * 10 + attempt.attempt;
      const completed = attempt.status === 'completed';
      return {
        id,
        run_id: run.id,
        run_url: `${hub.view.apiUrl}/repos/${full}/actions/runs/${run.id}`,
        run_attempt: attempt.attempt,
        node_id: `CR_${id}`,
        head_sha: run.headSha,
        url: `${hub.view.apiUrl}/repos/${full}/actions/jobs/${id}`,
        html_url: `${hub.view.webUrl}/${full}/actions/runs/${run.id}/job/${id}`,
        status: attempt.status,
        conclusion: completed ? attempt.conclusion : null,
        created_at: attempt.startedAt,
        started_at: attempt.startedAt,
        completed_at: completed ? run.updatedAt : null,
        name,
        steps: [],
        check_run_url: `${hub.view.apiUrl}/repos/${full}/check-runs/${id}`,
        labels: ['ubuntu-latest'],
        runner_id: null,
        runner_name: null,
        runner_group_id: null,
        runner_group_name: null,
        workflow_name: run.name,
        head_branch: run.headBranch,
      };
    },
  });
}

/** Handlers by operation id. */
export const runHandlers: Readonly<Record<string, RestHandler>> = {
  'actions/list-workflow-runs-for-repo': (request, hub) => listRuns(request, hub),
  'actions/list-workflow-runs': (request, hub) =>
    listRuns(request, hub, findWorkflow(hub, requestRepo(request), request.path.workflow_id).id),
  'actions/get-workflow-run': (request, hub) => {
    const run = findRun(hub, requestRepo(request), numberParam(request.path, 'run_id'));
    return {
      status: 200,
      body: workflowRunView(hub.view, run, {
        excludePullRequests: request.query.exclude_pull_requests === true,
      }),
    };
  },
  'actions/get-workflow-run-attempt': (request, hub) => {
    const run = findRun(hub, requestRepo(request), numberParam(request.path, 'run_id'));
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
  'actions/list-jobs-for-workflow-run': listJobs,
  'actions/re-run-workflow': rerun(false),
  'actions/re-run-workflow-failed-jobs': rerun(true),
  'actions/cancel-workflow-run': (request, hub) => {
    hub.runs.cancel(findRun(hub, requestRepo(request), numberParam(request.path, 'run_id')));
    return { status: 202, body: {} };
  },
};
