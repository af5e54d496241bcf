/**
 * The test API of the local GitHub emulator: start it, seed it, drive it, read what the code
 * under test did, stop it. See README.md in this folder.
 * Over 300 lines on purpose: one class is the one API tests hold (`gh.…`), its methods delegate to
 * the modules beside it; splitting it (base classes or sub-objects) would scatter or rename that API.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { components } from '@octokit/openapi-types';
import { checkSuiteView, findSuite } from './check-suites.js';
import { fireEvent, type FireEvent, type FireResult } from './fire.js';
import { Hub, type RequestLogEntry, type TokenDispatchModel } from './hub.js';
import { checkRunView, issueCommentView, reactionView } from './issue-views.js';
import { createComment } from './rest/issues.js';
import { rateLimitFault, type RateLimitFault } from './rate-limits.js';
import * as seedRuns from './seed-runs.js';
import * as seed from './seed.js';
import { close, createBareServer, listen } from './http.js';
import { resultsListener } from './results-server.js';
import { apiListener } from './server.js';
import type { ArtifactRecord, Permissions, Role, RunRecord, WebhookTarget } from './records.js';
import { artifactView, workflowRunView } from './run-views.js';
import { ViolationError, type Violation } from './violations.js';
import type { DeliveryRecord } from './webhooks.js';
import type { JobResult, JobSpec } from './workflow-runner.js';
import type { CancelTimings } from './entry-process.js';

export type {
  AppCredentials,
  InstallAppOptions,
  PullRequestOptions,
  SeedRepoOptions,
} from './seed.js';
export type { DeliveryRecord } from './webhooks.js';
export type { FireEvent, FireResult } from './fire.js';
export type { JobResult, JobSpec, StepResult } from './workflow-runner.js';
export type { RequestLogEntry, TokenDispatchModel } from './hub.js';
export type { Violation } from './violations.js';
export type { Role, Permissions, WebhookTarget } from './records.js';

/** REST shapes returned by the read methods. */
export type WorkflowRun = components['schemas']['workflow-run'];
export type Artifact = components['schemas']['artifact'];
export type CheckRun = components['schemas']['check-run'];
export type CheckSuite = components['schemas']['check-suite'];
export type IssueComment = components['schemas']['issue-comment'];
export type Reaction = components['schemas']['reaction'];

/** Options of `startEmulator`. */
export interface EmulatorOptions {
  /** REST port (default: a free port). */
  readonly port?: number;
  /** Results-service port (default: a free port). */
  readonly resultsPort?: number;
  /** Where job workspaces go (default: a fresh temp dir, removed by `stop()`). */
  readonly tempRoot?: string;
  /** Cancellation timings (default: the runner's 7500 ms and 2500 ms). */
  readonly cancelTimings?: Partial<CancelTimings>;
  /** Artifact retention when the uploader gives none (default 90 days). */
  readonly retentionDays?: number;
  /**
   * Whether a run dispatched with a `GITHUB_TOKEN` fires `workflow_run` when it completes
   * (`fires`, default), not at all (`silent`), or only within its dispatcher's chain (`chained`).
   */
  readonly tokenDispatches?: TokenDispatchModel;
}

/** A dispatch as recorded: which workflow, ref and inputs, by whom, and the run it created. */
export interface DispatchRecord {
  readonly runId: number;
  readonly repo: string;
  readonly workflowPath: string;
  readonly ref: string;
  readonly inputs: Readonly<Record<string, string>>;
  readonly actor: string;
}

/** A running emulator. */
export class GitHubEmulator {
  private constructor(
    private readonly hub: Hub,
    private readonly servers: { api: Server; results: Server },
    private readonly ownsTempRoot: boolean,
  ) {}

  /** @internal Use `startEmulator`. */
  static async start(options: EmulatorOptions = {}): Promise<GitHubEmulator> {
    const tempRoot = options.tempRoot ?? (await mkdtemp(join(tmpdir(), 'gh-emulator-')));
    const api = createBareServer();
    const results = createBareServer();
    const apiUrl = await listen(api, options.port ?? 0);
    const resultsUrl = await listen(results, options.resultsPort ?? 0);
    const hub = new Hub({
      apiUrl,
      resultsUrl,
      webUrl: 'https://github.com',
      tempRoot,
      timings: { sigintTimeoutMs: 7500, sigtermTimeoutMs: 2500, ...options.cancelTimings },
      retentionDays: options.retentionDays ?? 90,
      tokenDispatches: options.tokenDispatches ?? 'fires',
    });
    api.on('request', apiListener(hub));
    results.on('request', resultsListener(hub));
    return new GitHubEmulator(hub, { api, results }, options.tempRoot === undefined);
  }

  /** REST base URL (also served under `${url}/api/v3` for Probot's GHE_HOST). */
  get url(): string {
    return this.hub.config.apiUrl;
  }

  /** `ACTIONS_RESULTS_URL` (twirp and blob storage live here). */
  get resultsUrl(): string {
    return `${this.hub.config.resultsUrl}/`;
  }

  /** Environment for code using `@actions/artifact`/`@actions/github` outside an emulated job. */
  clientEnv(): Record<string, string> {
    return {
      GITHUB_API_URL: this.url,
      GITHUB_SERVER_URL: 'https://github.com',
      ACTIONS_RESULTS_URL: this.resultsUrl,
      NO_PROXY: '127.0.0.1,localhost',
    };
  }

  // ── seeding ────────────────────────────────────────────────────────────

  seedRepo(options: seed.SeedRepoOptions): {
    id: number;
    fullName: string;
    defaultBranch: string;
    headSha: string;
  } {
    const repo = seed.seedRepo(this.hub, options);
    return {
      id: repo.id,
      fullName: `${repo.owner.login}/${repo.name}`,
      defaultBranch: repo.defaultBranch,
      headSha: this.headSha(options.repo),
    };
  }

  /** Commit files to a branch (default: the default branch) without firing `push`; returns the new sha. */
  commitFiles(
    repo: string,
    files: Readonly<Record<string, string | null>>,
    options: { branch?: string; message?: string } = {},
  ): string {
    const record = seed.requireSeededRepo(this.hub, repo);
    const sha = this.hub.state.commit({
      repo: record,
      branch: options.branch ?? record.defaultBranch,
      files,
      ...(options.message ? { message: options.message } : {}),
    });
    seed.syncWorkflows(this.hub, record);
    return sha;
  }

  /** Add (or replace) a workflow file; it becomes a workflow once on the default branch. */
  addWorkflow(
    repo: string,
    path: string,
    yaml: string,
    options: { branch?: string } = {},
  ): { id: number | undefined; sha: string } {
    const full = path.includes('/') ? path : `.github/workflows/${path}`;
    const sha = this.commitFiles(repo, { [full]: yaml }, { ...options, message: `Add ${full}` });
    const record = seed.requireSeededRepo(this.hub, repo);
    const workflow = [...this.hub.state.workflows.values()].find(
      (candidate) => candidate.repoId === record.id && candidate.path === full,
    );
    return { id: workflow?.id, sha };
  }

  addTag(repo: string, tag: string, sha?: string): void {
    const record = seed.requireSeededRepo(this.hub, repo);
    record.tags.set(tag, sha ?? record.branches.get(record.defaultBranch) ?? '');
  }

  headSha(repo: string, branch?: string): string {
    const record = seed.requireSeededRepo(this.hub, repo);
    const sha = record.branches.get(branch ?? record.defaultBranch);
    if (!sha) throw new Error(`no branch ${branch ?? record.defaultBranch} in ${repo}`);
    return sha;
  }

  addPullRequest(options: seed.PullRequestOptions): {
    number: number;
    headSha: string;
    headRepo: string;
  } {
    const issue = seed.addPullRequest(this.hub, options);
    const head = issue.pull ? this.hub.state.repos.get(issue.pull.headRepoId) : undefined;
    return {
      number: issue.number,
      headSha: issue.pull?.headSha ?? '',
      headRepo: head ? `${head.owner.login}/${head.name}` : options.repo,
    };
  }

  addIssue(options: { repo: string; title: string; body?: string; user?: string }): {
    number: number;
  } {
    return { number: seed.addIssue(this.hub, options).number };
  }

  /** Set a user's role on a repository (`none` removes it). */
  setPermission(repo: string, user: string, role: Role | 'none'): void {
    seed.setRole(this.hub, seed.requireSeededRepo(this.hub, repo), user, role);
  }

  installApp(options: seed.InstallAppOptions): seed.AppCredentials {
    return seed.installApp(this.hub, options);
  }

  /** Where an App's webhooks go: `{ kind: 'url', url }` or `{ kind: 'handler', handler }`. */
  setWebhookTarget(appId: number, target: WebhookTarget | undefined): void {
    const app = this.hub.state.apps.get(appId);
    if (!app) throw new Error(`no app ${appId}`);
    app.target = target;
  }

  installationToken(installationId: number, permissions?: Permissions): string {
    return seed.installationToken(this.hub, installationId, permissions);
  }

  /** A personal access token for a user (full access). */
  userToken(login: string): string {
    return seed.userToken(this.hub, login);
  }

  /** A run's `GITHUB_TOKEN` granting only `permissions` (and `metadata: read`), as a workflow's `permissions:` does. */
  actionsToken(options: { repo: string; runId: number; permissions: Permissions }): string {
    return seedRuns.actionsToken(this.hub, options);
  }

  // ── runs ───────────────────────────────────────────────────────────────

  /** Register how a workflow's gh-retry job runs; key: workflow path or `owner/repo:path`. */
  onWorkflow(workflowPath: string, spec: JobSpec): void {
    this.hub.runs.register(workflowPath, spec);
  }

  /** Dispatch a workflow through the REST API as a user (all of GitHub's checks apply); returns the run id. */
  async startRun(options: seedRuns.DispatchOptions): Promise<number> {
    return await seedRuns.dispatchAsUser(this.hub, options);
  }

  /** Seed a completed run with artifacts, as if it ran earlier (no job, no webhooks). */
  addRun(options: seedRuns.SeedRunOptions): number {
    return seedRuns.addRun(this.hub, options);
  }

  completeRun(runId: number, conclusion: string): void {
    this.hub.runs.complete(this.runRecord(runId), conclusion);
  }

  cancelRun(runId: number): void {
    this.hub.runs.cancel(this.runRecord(runId));
  }

  rerunFailedJobs(runId: number, actor?: string): void {
    const run = this.runRecord(runId);
    this.hub.runs.rerun(run, {
      actor: this.hub.state.ensureUser(actor ?? run.actor.login),
      failedOnly: true,
    });
  }

  /** Wait (bounded, 60 s by default) until a run reaches a status (default `completed`), conclusion or attempt. */
  async waitForRun(
    runId: number,
    until: { status?: string; conclusion?: string; attempt?: number; timeoutMs?: number } = {},
  ): Promise<WorkflowRun> {
    const status = until.status ?? 'completed';
    const run = await this.hub.runs.waitFor(
      runId,
      (candidate) => {
        const attempt = this.hub.state.latestAttempt(candidate);
        return (
          attempt.status === status &&
          (until.conclusion === undefined || attempt.conclusion === until.conclusion) &&
          (until.attempt === undefined || attempt.attempt === until.attempt)
        );
      },
      until.timeoutMs ?? 60_000,
    );
    return workflowRunView(this.hub.view, run) as unknown as WorkflowRun;
  }

  /** Wait (bounded) until the running job has printed text matching `pattern` (stdout or stderr). */
  async waitForOutput(
    runId: number,
    pattern: string | RegExp,
    timeoutMs = 30_000,
  ): Promise<string> {
    const matches = (): boolean =>
      typeof pattern === 'string'
        ? this.hub.runs.output(runId).includes(pattern)
        : pattern.test(this.hub.runs.output(runId));
    await this.hub.runs.waitFor(runId, matches, timeoutMs);
    return this.hub.runs.output(runId);
  }

  run(runId: number): WorkflowRun {
    return workflowRunView(this.hub.view, this.runRecord(runId)) as unknown as WorkflowRun;
  }

  runs(repo?: string): WorkflowRun[] {
    const repoId = repo === undefined ? undefined : seed.requireSeededRepo(this.hub, repo).id;
    return [...this.hub.state.runs.values()]
      .filter((run) => repoId === undefined || run.repoId === repoId)
      .map((run) => workflowRunView(this.hub.view, run) as unknown as WorkflowRun);
  }

  /** What each attempt's job did (stdout, stderr, outputs, state, summary, env). */
  jobResults(runId: number): readonly JobResult[] {
    return this.hub.runs.jobResults(runId);
  }

  /** The event payload a run was started with (`GITHUB_EVENT_PATH`). */
  eventPayload(runId: number): Readonly<Record<string, unknown>> {
    return this.runRecord(runId).payload;
  }

  dispatches(): DispatchRecord[] {
    return [...this.hub.state.runs.values()]
      .filter((run) => run.event === 'workflow_dispatch')
      .map((run) => {
        const repo = this.hub.state.repos.get(run.repoId);
        return {
          runId: run.id,
          repo: repo ? `${repo.owner.login}/${repo.name}` : '',
          workflowPath: this.hub.state.workflows.get(run.workflowId)?.path ?? '',
          ref: run.ref,
          inputs: (run.payload.inputs ?? {}) as Record<string, string>,
          actor: run.actor.login,
        };
      });
  }

  // ── artifacts ──────────────────────────────────────────────────────────

  artifacts(runId: number): Artifact[] {
    return this.artifactRecords(runId).map(
      (artifact) => artifactView(this.hub.view, artifact) as unknown as Artifact,
    );
  }

  /** The files inside an artifact's zip. */
  artifactFiles(artifactId: number): Record<string, Uint8Array> {
    return seedRuns.readArtifactFiles(this.hub, artifactId);
  }

  /** Add a finalized artifact to a run: files (zipped here) or raw zip bytes. */
  addArtifact(options: seedRuns.AddArtifactOptions): number {
    return seedRuns.addArtifact(this.hub, options);
  }

  /** Make an artifact expired (listed with `expired: true`, download answers 410). */
  expireArtifact(artifactId: number): void {
    seedRuns.expireArtifact(this.hub, artifactId);
  }

  // ── events, conversation, checks ───────────────────────────────────────

  /** Fire an event as a person would cause it; resolves once the Apps answered. */
  async fire(event: FireEvent): Promise<FireResult> {
    return await fireEvent(this.hub, event);
  }

  /** Post a comment as a user without delivering anything special (it is announced like any comment). */
  comment(params: { repo: string; issue: number; body: string; user: string }): number {
    const repo = seed.requireSeededRepo(this.hub, params.repo);
    return createComment(this.hub, {
      repo,
      issueNumber: params.issue,
      body: params.body,
      user: this.hub.state.ensureUser(params.user),
      appId: null,
      byActionsToken: false,
    }).id;
  }

  comments(filter: { repo?: string; issue?: number } = {}): IssueComment[] {
    const repoId =
      filter.repo === undefined ? undefined : seed.requireSeededRepo(this.hub, filter.repo).id;
    return [...this.hub.state.comments.values()]
      .filter(
        (comment) =>
          (repoId === undefined || comment.repoId === repoId) &&
          (filter.issue === undefined || comment.issueNumber === filter.issue),
      )
      .map((comment) => issueCommentView(this.hub.view, comment) as unknown as IssueComment);
  }

  reactions(commentId?: number): Reaction[] {
    return this.hub.state.reactions
      .filter((reaction) => commentId === undefined || reaction.commentId === commentId)
      .map((reaction) => reactionView(this.hub.view, reaction) as unknown as Reaction);
  }

  /** Check runs with the buttons (`actions`) they offer. */
  checkRuns(
    filter: { headSha?: string } = {},
  ): (CheckRun & { actions: { label: string; description: string; identifier: string }[] })[] {
    return [...this.hub.state.checkRuns.values()]
      .filter((check) => filter.headSha === undefined || check.headSha === filter.headSha)
      .map((check) => ({
        ...(checkRunView(this.hub.view, check) as unknown as CheckRun),
        actions: check.actions,
      }));
  }

  /**
   * Set the emulator's clock `offsetMs` from real time (negative: in the past) for the times it
   * writes from now on (runs created, started, completed; comments; check runs), e.g. to let a
   * run have completed half an hour before the code under test looks. 0 resets it.
   */
  setClockOffset(offsetMs: number): void {
    this.hub.state.clockOffsetMs = offsetMs;
  }

  /** A check suite as `GET /repos/{o}/{r}/check-suites/{id}` shows it (status, conclusion, App). */
  checkSuite(suiteId: number): CheckSuite {
    const suite = findSuite(this.hub, suiteId);
    if (!suite) throw new Error(`no check suite ${suiteId}`);
    return checkSuiteView(this.hub, suite) as unknown as CheckSuite;
  }

  /**
   * Answer the next `times` requests of an operation with an error instead (after authentication),
   * e.g. a failed permission lookup or a 502 from the dispatch endpoint.
   */
  failNext(operationId: string, fault: { status: number; message?: string; times?: number }): void {
    this.hub.faults.push({
      operationId,
      status: fault.status,
      message: fault.message ?? 'Server Error',
      remaining: fault.times ?? 1,
    });
  }

  /**
   * Answer the next `times` requests of an operation (REST operation id, or `graphql`) with a
   * primary or secondary rate limit, as GitHub does: status, message and headers.
   */
  rateLimitNext(operationId: string, limit: RateLimitFault): void {
    this.hub.faults.push(rateLimitFault(operationId, limit));
  }

  /**
   * Hold the next request of an operation (after authentication) until `release`: `reached`
   * settles when it arrives, so a test can stop the client in the middle of its work.
   */
  holdNext(operationId: string): { reached: Promise<void>; release: () => void } {
    let reached: () => void = () => undefined;
    let release: () => void = () => undefined;
    const arrived = new Promise<void>((resolve) => (reached = resolve));
    const released = new Promise<void>((resolve) => (release = resolve));
    this.hub.holds.push({ operationId, reached, released, used: false });
    return { reached: arrived, release };
  }

  // ── logs ───────────────────────────────────────────────────────────────

  deliveries(): readonly DeliveryRecord[] {
    return this.hub.webhooks.deliveries();
  }

  /** Resend a past delivery (same body and `X-GitHub-Delivery`); resolves once answered. */
  async redeliver(guid: string): Promise<DeliveryRecord> {
    const delivery = this.hub.webhooks.redeliver(guid);
    await delivery.done;
    return delivery;
  }

  /** Every REST call (with operation ids) and results-service call, in order. */
  requests(): readonly RequestLogEntry[] {
    return [...this.hub.requests];
  }

  violations(): readonly Violation[] {
    return this.hub.violations.list();
  }

  /** Return and clear the recorded violations (for tests that provoke them). */
  takeViolations(): Violation[] {
    return this.hub.violations.take();
  }

  expectNoViolations(): void {
    this.hub.violations.assertNone();
  }

  /** Wait until no job executes and every delivery was answered. */
  async idle(): Promise<void> {
    await this.hub.runs.idle();
    await this.hub.webhooks.idle();
  }

  /**
   * Stop: cancel running jobs, close the servers, remove the temp root, then throw a
   * ViolationError if any violation was recorded (and not taken), or a job crashed.
   */
  async stop(): Promise<void> {
    for (const run of this.hub.state.runs.values()) {
      if (this.hub.state.latestAttempt(run).status === 'in_progress') this.hub.runs.cancel(run);
    }
    await this.hub.runs.idle();
    await this.hub.webhooks.idle();
    await Promise.all([close(this.servers.api), close(this.servers.results)]);
    if (this.ownsTempRoot) await rm(this.hub.config.tempRoot, { recursive: true, force: true });
    const failures = this.hub.runs.executionFailures();
    if (failures.length > 0)
      throw new Error(`the emulator's workflow runner failed: ${failures.map(String).join('; ')}`);
    this.hub.violations.assertNone();
  }

  private runRecord(runId: number): RunRecord {
    const run = this.hub.state.runs.get(runId);
    if (!run) throw new Error(`no run ${runId}`);
    return run;
  }

  private artifactRecords(runId: number): ArtifactRecord[] {
    return [...this.hub.state.artifacts.values()].filter(
      (artifact) => artifact.runId === runId && artifact.finalized,
    );
  }
}

/** Start an emulator on free loopback ports. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<GitHubEmulator> {
  return await GitHubEmulator.start(options);
}

export { ViolationError };
