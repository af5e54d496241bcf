/**
 * The jobs of a followed run, read with conditional requests like the run itself: each job is
 * announced when it starts and when it ends.
 */
import type { GitHubAccess } from './github-access.js';
import type { RunTarget } from './run-target.js';

/** What was last read of a run's jobs. */
export interface JobsWatch {
  etag: string | null;
  /** Job id → the last line shown for it. */
  readonly shown: Map<string, string>;
}

/** A fresh watch. */
export function watchJobs(): JobsWatch {
  return { etag: null, shown: new Map() };
}

/** Read the jobs of the run's latest attempt and return the lines of those that changed. */
export async function readJobChanges(params: {
  access: GitHubAccess;
  target: RunTarget;
  runId: number;
  attempt: number;
  watch: JobsWatch;
}): Promise<string[]> {
  const { access, target, watch } = params;
  let jobs;
  try {
    const response = await access.client.request(
      'GET /repos/{owner}/{repo}/actions/runs/{run_id}/jobs',
      {
        owner: target.owner,
        repo: target.repo,
        run_id: params.runId,
        per_page: 100,
        headers: watch.etag === null ? {} : { 'if-none-match': watch.etag },
      },
    );
    watch.etag = response.headers.etag ?? null;
    jobs = response.data.jobs;
  } catch (error) {
    if (typeof error === 'object' && error !== null && 'status' in error && error.status === 304)
      return [];
    throw error;
  }
  const lines: string[] = [];
  for (const job of jobs) {
    if ((job.run_attempt ?? params.attempt) !== params.attempt || job.status === 'queued') continue;
    const state =
      job.status === 'completed'
        ? `completed, ${job.conclusion ?? 'no conclusion'}`
        : job.status.replace(/_/g, ' ');
    const line = `  job ${job.name}: ${state}`;
    if (watch.shown.get(String(job.id)) === line) continue;
    watch.shown.set(String(job.id), line);
    lines.push(line);
  }
  return lines;
}
