/**
 * Workflow runs: creation (dispatch, events, tests), the status lifecycle with its
 * `workflow_run` webhooks and chained workflows, re-runs as new attempts of the same run,
 * cancellation, and execution of registered jobs by the workflow runner. The records themselves
 * (run, attempt, tokens, re-run limits) are built in run-records.ts. Over 300 lines on purpose:
 * one class whose private maps (jobs, executions, results, listeners) every method shares.
 */
import { join } from 'node:path';
import { ConcurrencyGroups, evaluateGroup } from './concurrency.js';
import { deliverToApps, startTriggeredRuns } from './events.js';
import type { Hub } from './hub.js';
import { HttpError } from './rest/request.js';
import { addAttempt, checkRerun, MAX_RERUNS, newRunRecord, type RunOrigin } from './run-records.js';
import { fullName } from './state.js';
import type {
  AttemptRecord,
  RepoRecord,
  RunRecord,
  UserRecord,
  WorkflowRecord,
} from './records.js';
import { workflowRunPayload } from './webhook-payloads.js';
import type { WorkflowFile } from './workflow-file.js';
import { executeJob, type JobExecution, type JobResult, type JobSpec } from './workflow-runner.js';

/** Owns every run's lifecycle. */
export class RunService {
  private readonly jobs = new Map<string, JobSpec>();
  private readonly files = new Map<number, WorkflowFile>();
  private readonly executions = new Map<number, JobExecution>();
  private readonly results = new Map<number, JobResult[]>();
  private readonly liveOutput = new Map<number, string>();
  private readonly failures: unknown[] = [];
  private readonly listeners = new Set<() => void>();
  private readonly concurrency = new ConcurrencyGroups();

  constructor(private readonly hub: Hub) {}

  /** Register how a workflow's job runs (key: workflow path, optionally `owner/repo:path`). */
  register(key: string, spec: JobSpec): void {
    this.jobs.set(key, spec);
  }

  /** Create a run and start it; a `seeded` run (history for tests) is silent and never executes. */
  create(params: {
    repo: RepoRecord;
    workflow: WorkflowRecord;
    file: WorkflowFile;
    origin: RunOrigin;
    seeded?: boolean;
  }): RunRecord {
    const { repo, file, origin } = params;
    const { state } = this.hub;
    const { run, github } = newRunRecord(state, params);
    const { id } = run;
    state.runs.set(id, run);
    this.files.set(id, file);
    this.addAttempt(run, origin.actor);
    if (params.seeded) return run;
    const context = { github, inputs: origin.inputs ?? {} };
    this.concurrency.assign(id, evaluateGroup(repo.id, file.concurrency, context));
    this.announce(run, 'requested');
    this.admit(run);
    return run;
  }

  /** Re-run a completed run as its next attempt (GitHub sends no `requested` for re-runs). */
  rerun(run: RunRecord, params: { actor: UserRecord; failedOnly: boolean }): void {
    checkRerun(this.hub.state, run, params.failedOnly);
    this.addAttempt(run, params.actor);
    run.updatedAt = this.hub.state.nowIso();
    // Past 50 re-runs GitHub accepts the request, then fails the attempt's check suite at once.
    if (run.attempts.length > MAX_RERUNS + 1) {
      this.complete(run, 'failure');
      return;
    }
    this.notify();
    this.admit(run);
  }

  /** Whether a run waits for its concurrency group (GitHub shows it as pending). */
  isPending(runId: number): boolean {
    return this.concurrency.isPending(runId);
  }

  /** Start a run, or let it wait in its concurrency group (cancelling what the group cancels). */
  private admit(run: RunRecord): void {
    const admission = this.concurrency.admit(run.id);
    if (!admission.start) this.hub.state.latestAttempt(run).status = 'pending';
    // Cancelling a running run that executes nothing completes it, which starts this one.
    for (const id of admission.cancel) {
      const other = this.hub.state.runs.get(id);
      if (other && this.hub.state.latestAttempt(other).status !== 'completed') this.cancel(other);
    }
    if (admission.start) this.start(run);
  }

  /** Add a completed attempt to seeded history (a run re-run before the test starts). */
  seedAttempt(run: RunRecord, conclusion: string): void {
    this.addAttempt(run, run.actor);
    this.complete(run, conclusion, { quiet: true });
  }

  /** Cancel a run: signal its job, or complete it as cancelled when nothing executes. */
  cancel(run: RunRecord): void {
    const attempt = this.hub.state.latestAttempt(run);
    if (attempt.status === 'completed')
      throw new HttpError(409, 'Cannot cancel a workflow run that is completed.');
    const execution = this.executions.get(run.id);
    if (execution) execution.cancel();
    else this.finish(run, 'cancelled');
  }

  /** Complete a run that has no registered job (tests decide its outcome); `quiet` sends nothing. */
  complete(run: RunRecord, conclusion: string, options: { quiet?: boolean } = {}): void {
    if (this.executions.has(run.id))
      throw new Error(`run ${run.id} is executing a job; cancel it instead`);
    if (['queued', 'pending'].includes(this.hub.state.latestAttempt(run).status))
      this.setInProgress(run, options.quiet);
    this.finish(run, conclusion, options.quiet);
  }

  /** stdout and stderr of the run's current (or last) attempt so far. */
  output(runId: number): string {
    return this.liveOutput.get(runId) ?? '';
  }

  jobResults(runId: number): readonly JobResult[] {
    return this.results.get(runId) ?? [];
  }

  /** Errors thrown while executing jobs (the emulator rethrows them from `stop()`). */
  executionFailures(): readonly unknown[] {
    return this.failures;
  }

  /** Resolve when `predicate` holds for the run (checked on every change and output); reject after `timeoutMs`. */
  async waitFor(
    runId: number,
    predicate: (run: RunRecord) => boolean,
    timeoutMs: number,
  ): Promise<RunRecord> {
    return await new Promise((resolve, reject) => {
      const check = (): boolean => {
        const run = this.hub.state.runs.get(runId);
        if (!run || !predicate(run)) return false;
        cleanup();
        resolve(run);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        const run = this.hub.state.runs.get(runId);
        const attempt = run ? this.hub.state.latestAttempt(run) : undefined;
        reject(
          new Error(
            `run ${runId} did not reach the expected state within ${timeoutMs} ms (now ${attempt ? `${attempt.status}/${String(attempt.conclusion)}` : 'missing'})`,
          ),
        );
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      const listener = (): void => void check();
      this.listeners.add(listener);
      check();
    });
  }

  /** Resolve when no job is executing. */
  async idle(): Promise<void> {
    while (this.executions.size > 0)
      await Promise.allSettled(
        [...this.executions.values()].map(async (execution) => await execution.done),
      );
  }

  private addAttempt(run: RunRecord, actor: UserRecord): AttemptRecord {
    const asked = this.jobFor(run)?.permissions ?? this.files.get(run.id)?.permissions;
    return addAttempt(this.hub.state, run, { actor, asked });
  }

  private jobFor(run: RunRecord): JobSpec | undefined {
    const workflow = this.hub.state.workflows.get(run.workflowId);
    const repo = this.hub.state.repos.get(run.repoId);
    if (!workflow || !repo) return undefined;
    return this.jobs.get(`${fullName(repo)}:${workflow.path}`) ?? this.jobs.get(workflow.path);
  }

  /** The id of the job that runs a run's gh-retry step (`jobs.<id>` of its workflow file). */
  jobName(runId: number): string {
    const file = this.files.get(runId);
    return file?.actionStep?.jobId ?? file?.jobIds[0] ?? 'build';
  }

  private start(run: RunRecord): void {
    const spec = this.jobFor(run);
    if (!spec) {
      // No job to execute: the run waits for `complete` (out of its group's pending place).
      this.hub.state.latestAttempt(run).status = 'queued';
      return;
    }
    const repo = this.hub.state.repos.get(run.repoId);
    const workflow = this.hub.state.workflows.get(run.workflowId);
    const file = this.files.get(run.id);
    if (!repo || !workflow || !file) return;
    const attempt = this.hub.state.latestAttempt(run);
    this.setInProgress(run);
    this.liveOutput.set(run.id, '');
    const execution = executeJob({
      spec,
      onOutput: (text) => {
        this.liveOutput.set(run.id, `${this.liveOutput.get(run.id) ?? ''}${text}`);
        this.notify();
      },
      withInputs: file.actionStep?.with ?? {},
      root: join(this.hub.config.tempRoot, `run-${run.id}-${attempt.attempt}`),
      timings: this.hub.config.timings,
      env: {
        run,
        repo,
        workflowPath: workflow.path,
        jobId: file.actionStep?.jobId ?? file.jobIds[0] ?? 'build',
        stepId: file.actionStep?.stepId,
        token: attempt.token,
        runtimeToken: attempt.runtimeToken,
        apiUrl: this.hub.config.apiUrl,
        resultsUrl: `${this.hub.config.resultsUrl}/`,
        webUrl: this.hub.config.webUrl,
      },
    });
    this.executions.set(run.id, execution);
    execution.done
      .then((result) => {
        this.results.set(run.id, [...this.jobResults(run.id), result]);
        this.finish(run, result.conclusion);
      })
      .catch((error: unknown) => {
        this.failures.push(error);
        this.finish(run, 'failure');
      })
      .finally(() => this.executions.delete(run.id));
  }

  private setInProgress(run: RunRecord, quiet = false): void {
    this.hub.state.latestAttempt(run).status = 'in_progress';
    run.updatedAt = this.hub.state.nowIso();
    if (quiet) this.notify();
    else this.announce(run, 'in_progress');
  }

  private finish(run: RunRecord, conclusion: string, quiet = false): void {
    const attempt = this.hub.state.latestAttempt(run);
    attempt.status = 'completed';
    attempt.conclusion = conclusion;
    run.updatedAt = this.hub.state.nowIso();
    // The job's GITHUB_TOKEN expires when the job ends.
    this.hub.state.tokens.delete(attempt.token);
    if (quiet) this.notify();
    else this.announce(run, 'completed');
    const next = this.concurrency.release(run.id);
    const nextRun = next === undefined ? undefined : this.hub.state.runs.get(next);
    if (nextRun) this.start(nextRun);
  }

  /** Send `workflow_run.<action>` and start workflows that listen for it. */
  announce(run: RunRecord, action: string): void {
    const repo = this.hub.state.repos.get(run.repoId);
    if (!repo) return;
    const payload = workflowRunPayload(this.hub.view, action, run);
    deliverToApps(this.hub, { event: 'workflow_run', repo, payload });
    const defaultSha = repo.branches.get(repo.defaultBranch);
    // Webhooks to Apps go out either way; only workflows may not start (TokenDispatchModel).
    const silent = run.byActionsToken === true && this.hub.config.tokenDispatches === 'silent';
    if (defaultSha && !silent) {
      startTriggeredRuns(this.hub, {
        repo,
        trigger: {
          name: 'workflow_run',
          action,
          workflowName: run.name,
          ...(run.headBranch === null ? {} : { branch: run.headBranch }),
        },
        filesSha: defaultSha,
        origin: {
          event: 'workflow_run',
          headBranch: repo.defaultBranch,
          headSha: defaultSha,
          actor: run.actor,
          payload,
          defaultTitle: run.name,
          chainDepth: run.chainDepth + 1,
        },
      });
    }
    this.notify();
  }

  private notify(): void {
    for (const listener of [...this.listeners]) listener();
  }
}
