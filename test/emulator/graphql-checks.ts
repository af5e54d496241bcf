/**
 * Check suites and check runs of a commit through GraphQL. Every workflow run is a check suite
 * of the GitHub Actions App (id 15368) on its head commit, with the status and conclusion of its
 * latest attempt; the check runs an App creates belong to that App's suite on the commit. Suites
 * and runs keep the ids the REST side reports (`check_suite_id`, check run `id`).
 */
import { pageOf } from './graphql-connection.js';
import {
  propertiesOf,
  resolversOf,
  type FieldArgs,
  type GraphqlContext,
  type Resolvers,
} from './graphql-schema.js';
import type { Hub } from './hub.js';
import { actionsApp } from './rest/check-owners.js';
import { fullName } from './state.js';
import type {
  AppRecord,
  CheckRunRecord,
  RepoRecord,
  RunRecord,
  WorkflowRecord,
} from './records.js';
import { requireRepo } from './views.js';
import { workflowName, workflowPath } from './run-views.js';

/** A commit as seen from a repository (suites are per repository). */
export interface CommitSource {
  readonly __typename: 'Commit';
  readonly repo: RepoRecord;
  readonly sha: string;
}

interface SuiteSource {
  readonly id: number;
  readonly repo: RepoRecord;
  readonly sha: string;
  readonly app: AppRecord | undefined;
  /** The workflow run whose suite this is; undefined for an App's own suite. */
  readonly run: RunRecord | undefined;
  readonly checks: CheckRunRecord[];
}

/** The check suites of a commit in a repository, oldest first. */
function checkSuitesOf(hub: Hub, commit: CommitSource): SuiteSource[] {
  const suites = new Map<number, SuiteSource>();
  const add = (id: number, app: AppRecord | undefined, run?: RunRecord): SuiteSource => {
    const suite = { id, repo: commit.repo, sha: commit.sha, app, run, checks: [] };
    suites.set(id, suite);
    return suite;
  };
  const onCommit = (record: { repoId: number; headSha: string }): boolean =>
    record.repoId === commit.repo.id && record.headSha === commit.sha;
  for (const run of hub.state.runs.values())
    if (onCommit(run)) add(run.checkSuiteId, actionsApp(hub), run);
  for (const check of hub.state.checkRuns.values()) {
    if (!onCommit(check)) continue;
    const suite =
      suites.get(check.checkSuiteId) ?? add(check.checkSuiteId, hub.state.apps.get(check.appId));
    suite.checks.push(check);
  }
  return [...suites.values()].sort((a, b) => a.id - b.id);
}

function filterOf(args: FieldArgs): Readonly<Record<string, unknown>> {
  const filter = args.filterBy;
  return typeof filter === 'object' && filter !== null ? (filter as Record<string, unknown>) : {};
}

/** `Commit.checkSuites(first, after, last, before, filterBy: { appId, checkName })`. */
export function commitCheckSuites(
  context: GraphqlContext,
  commit: CommitSource,
  args: FieldArgs,
): unknown {
  const { appId, checkName } = filterOf(args);
  const items = checkSuitesOf(context.hub, commit).filter(
    (suite) =>
      (typeof appId !== 'number' || suite.app?.id === appId) &&
      (typeof checkName !== 'string' || suite.checks.some((check) => check.name === checkName)),
  );
  return pageOf(context, { items, args, field: 'checkSuites' });
}

const upper = (value: string): string => value.toUpperCase();

// The conclusion a suite of several check runs shows: the first of these any run has.
const conclusionPrecedence = [
  'ACTION_REQUIRED',
  'STARTUP_FAILURE',
  'TIMED_OUT',
  'CANCELLED',
  'FAILURE',
  'STALE',
  'SUCCESS',
  'NEUTRAL',
  'SKIPPED',
];

function suiteStatus(hub: Hub, suite: SuiteSource): { status: string; conclusion: string | null } {
  // Re-requested ("Re-run", "Re-run all checks") and not written to by its App since.
  if (hub.state.queuedSuites.has(suite.id)) return { status: 'QUEUED', conclusion: null };
  if (suite.run) {
    const attempt = hub.state.latestAttempt(suite.run);
    const status = upper(attempt.status);
    return {
      status,
      conclusion: status === 'COMPLETED' ? (attempt.conclusion?.toUpperCase() ?? null) : null,
    };
  }
  const statuses = suite.checks.map((check) => upper(check.status));
  if (!statuses.every((status) => status === 'COMPLETED'))
    return {
      status: statuses.includes('IN_PROGRESS') ? 'IN_PROGRESS' : 'QUEUED',
      conclusion: null,
    };
  const conclusions = suite.checks.map((check) => upper(check.conclusion ?? ''));
  return {
    status: 'COMPLETED',
    conclusion: conclusionPrecedence.find((conclusion) => conclusions.includes(conclusion)) ?? null,
  };
}

function suiteTimes(suite: SuiteSource): { createdAt: string; updatedAt: string } {
  if (suite.run) return { createdAt: suite.run.createdAt, updatedAt: suite.run.updatedAt };
  const started = suite.checks.map((check) => check.startedAt).sort();
  const touched = suite.checks.map((check) => check.completedAt ?? check.startedAt).sort();
  return { createdAt: started[0] ?? '', updatedAt: touched.at(-1) ?? '' };
}

/** The branch a suite was made for: the run's head branch, or a branch at the commit. */
function suiteBranch(suite: SuiteSource): { name: string } | null {
  const { repo, run } = suite;
  if (run)
    return run.headRepoId === repo.id && run.headBranch && repo.branches.has(run.headBranch)
      ? { name: run.headBranch }
      : null;
  const name = [...repo.branches].find(([, sha]) => sha === suite.sha)?.[0];
  return name === undefined ? null : { name };
}

function suiteCheckRuns(context: GraphqlContext, suite: SuiteSource, args: FieldArgs): unknown {
  const filter = filterOf(args);
  const statuses = Array.isArray(filter.statuses)
    ? (filter.statuses as string[])
    : typeof filter.status === 'string'
      ? [filter.status]
      : undefined;
  const conclusions = Array.isArray(filter.conclusions)
    ? (filter.conclusions as string[])
    : undefined;
  let items = suite.checks
    .filter(
      (check) =>
        (typeof filter.appId !== 'number' || check.appId === filter.appId) &&
        (typeof filter.checkName !== 'string' || check.name === filter.checkName) &&
        (statuses === undefined || statuses.includes(upper(check.status))) &&
        (conclusions === undefined || conclusions.includes(upper(check.conclusion ?? ''))),
    )
    .sort((a, b) => a.id - b.id);
  if (filter.checkType === 'LATEST')
    items = items.filter(
      (check) => !items.some((other) => other.name === check.name && other.id > check.id),
    );
  return pageOf(context, { items, args, field: 'checkRuns' });
}

/** Resolvers of the check and workflow types. */
export const checkResolvers: Resolvers = {
  CheckSuite: resolversOf<SuiteSource>({
    databaseId: (suite) => suite.id,
    status: (suite, _args, context) => suiteStatus(context.hub, suite).status,
    conclusion: (suite, _args, context) => suiteStatus(context.hub, suite).conclusion,
    app: (suite) => suite.app ?? null,
    branch: (suite) => suiteBranch(suite),
    commit: (suite): CommitSource => ({ __typename: 'Commit', repo: suite.repo, sha: suite.sha }),
    createdAt: (suite) => suiteTimes(suite).createdAt,
    updatedAt: (suite) => suiteTimes(suite).updatedAt,
    workflowRun: (suite) => suite.run ?? null,
    checkRuns: (suite, args, context) => suiteCheckRuns(context, suite, args),
  }),
  CheckRun: resolversOf<CheckRunRecord>({
    databaseId: (check) => check.id,
    name: (check) => check.name,
    externalId: (check) => check.externalId,
    status: (check) => upper(check.status),
    conclusion: (check) => (check.conclusion === null ? null : upper(check.conclusion)),
    title: (check) => check.output.title,
    summary: (check) => check.output.summary,
    text: (check) => check.output.text,
    startedAt: (check) => check.startedAt,
    completedAt: (check) => check.completedAt,
    detailsUrl: (check, _args, context) => check.detailsUrl ?? checkRunUrl(context, check),
    url: (check, _args, context) => checkRunUrl(context, check),
  }),
  App: resolversOf<AppRecord>({
    databaseId: (app) => app.id,
    slug: (app) => app.slug,
    name: (app) => app.name,
  }),
  Ref: { ...propertiesOf('name'), prefix: () => 'refs/heads/' },
  WorkflowRun: resolversOf<RunRecord>({
    databaseId: (run) => run.id,
    runNumber: (run) => run.runNumber,
    createdAt: (run) => run.createdAt,
    updatedAt: (run) => run.updatedAt,
    event: (run) => run.event,
    url: (run, _args, context) =>
      `${context.hub.config.webUrl}/${fullName(requireRepo(context.hub.view, run.repoId))}/actions/runs/${run.id}`,
    file: (run, _args, context) => ({ path: workflowPath(context.hub.view, run) }),
    workflow: (run, _args, context) => {
      const workflow = context.hub.state.workflows.get(run.workflowId);
      if (!workflow) throw new Error(`run ${run.id} has no workflow`);
      return workflow;
    },
  }),
  WorkflowRunFile: propertiesOf('path'),
  Workflow: resolversOf<WorkflowRecord>({
    databaseId: (workflow) => workflow.id,
    name: (workflow, _args, context) => workflowName(context.hub.view, workflow),
    state: (workflow) => upper(workflow.state),
  }),
};

function checkRunUrl(context: GraphqlContext, check: CheckRunRecord): string {
  const repo = requireRepo(context.hub.view, check.repoId);
  return `${context.hub.config.webUrl}/${fullName(repo)}/runs/${check.id}`;
}
