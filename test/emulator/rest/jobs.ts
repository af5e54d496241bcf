/**
 * Jobs of workflow runs: list a run's jobs (one per attempt), get a job, and download its log
 * (302 to a one-minute URL on the results origin, as GitHub redirects to its log storage).
 * Steps are not listed.
 */
import { signedLogUrl } from '../artifact-service.js';
import type { Hub } from '../hub.js';
import { findJob, jobId, type JobRef } from '../job-logs.js';
import { fullName } from '../state.js';
import type { AttemptRecord } from '../records.js';
import {
  countedPageReply,
  notFound,
  numberParam,
  pathRecord,
  requestRepo,
  type RestHandler,
  type RestRequest,
} from './request.js';
import { findRun } from './runs.js';

function jobView(hub: Hub, { run, attempt }: JobRef): Record<string, unknown> {
  const repo = hub.state.repos.get(run.repoId);
  const full = repo ? fullName(repo) : '';
  const id = jobId(run, attempt);
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
    // A run waiting for its concurrency group has a job that waits too.
    status: attempt.status === 'pending' ? 'queued' : attempt.status,
    conclusion: completed ? attempt.conclusion : null,
    created_at: attempt.startedAt,
    started_at: attempt.startedAt,
    completed_at: completed ? run.updatedAt : null,
    name: hub.runs.jobName(run.id),
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
}

/** The job of the request's `job_id`, in the request's repository. */
function requestJob(request: RestRequest, hub: Hub): JobRef {
  const repo = requestRepo(request);
  const job = findJob(hub, numberParam(request.path, 'job_id'));
  if (job?.run.repoId !== repo.id) throw notFound();
  return job;
}

/** The latest attempt's job, or every attempt's with `filter=all`. */
function listJobs(request: RestRequest, hub: Hub) {
  const run = pathRecord(request, hub, 'run_id', findRun);
  const latest = hub.state.latestAttempt(run);
  const attempts = request.query.filter === 'all' ? run.attempts : [latest];
  return countedPageReply(request, {
    key: 'jobs',
    items: attempts,
    view: (attempt: AttemptRecord) => jobView(hub, { run, attempt }),
  });
}

/** Handlers by operation id. */
export const jobHandlers: Readonly<Record<string, RestHandler>> = {
  'actions/list-jobs-for-workflow-run': listJobs,
  'actions/get-job-for-workflow-run': (request, hub) => ({
    status: 200,
    body: jobView(hub, requestJob(request, hub)),
  }),
  'actions/download-job-logs-for-workflow-run': (request, hub) => {
    const job = requestJob(request, hub);
    return { status: 302, headers: { location: signedLogUrl(hub, jobId(job.run, job.attempt)) } };
  },
};
