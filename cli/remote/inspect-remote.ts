/**
 * `gh-retry show RUN` and `gh-retry plan RUN` for a GitHub run: its record artifacts, read and
 * checked as the bot and the Action check them (`src/retry-service/run-records.ts` for the record alone,
 * `loadParentRun` of `adapters/github/record-artifacts.ts` when the plan needs the state files too),
 * printed with the same tables and `--json` contracts as for local runs.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { findRecordArtifacts, readRunRecords } from '../../src/retry-service/run-records.js';
import { loadParentRun } from '../../src/adapters/github/record-artifacts.js';
import { parseRecordArtifactName } from '../../src/core/run-record/artifact.js';
import { UserError } from '../../src/core/errors.js';
import type { Plan } from '../../src/core/retry/plan.js';
import type { Schedule } from '../../src/core/schedule/step-spec.js';
import { renderPlanTable } from '../../src/core/report/text.js';
import { planRetry } from '../../src/core/retry/planner.js';
import type { RunRecord } from '../../src/core/run-record/schema.js';
import type { WorkflowRunInfo } from '../../src/ports/github-runs.js';
import type { CliContext } from '../cli-context.js';
import type { JsonOption } from '../inspect-commands.js';
import { jsonText, toPlanJson, toShowJson } from '../json-output.js';
import { readRetryMode, type RetryModeOptions } from '../retry-mode-options.js';
import { readSchedule, type ScheduleOptions } from '../schedule-source.js';
import { connectGitHub, type GitHubAccess } from './github-access.js';
import { withGitHubErrors } from './github-errors.js';
import { describeRecords } from './record-summary.js';
import { parseRunTarget, runNotFound, type RepoOption, type RunTarget } from './run-target.js';

/** `gh-retry show RUN [--json]` for a GitHub run. */
export async function remoteShowCommand(
  ref: string | undefined,
  options: RepoOption & JsonOption,
  context: CliContext,
): Promise<number> {
  const target = parseRunTarget(ref, options);
  return await withRun(target, context, async (access, run) => {
    const read = await readRunRecords(recordSource(access, target, run));
    if (read.kind === 'not-gh-retry') throw notGhRetry(run);
    if (read.records.length === 0) throw unreadable(run, read.problems);
    for (const problem of read.problems) context.stderr(`gh-retry: note: ${problem}\n`);
    if (options.json === true) context.stdout(json(read.records.map(toShowJson)));
    else context.stdout(describeRecords({ records: read.records, problems: [] }).trimStart());
    return 0;
  });
}

/** `gh-retry plan RUN [mode] [--json]`: what a retry of a GitHub run would do. */
export async function remotePlanCommand(
  ref: string | undefined,
  options: RepoOption & JsonOption & RetryModeOptions & ScheduleOptions,
  context: CliContext,
): Promise<number> {
  const mode = readRetryMode(options);
  const target = parseRunTarget(ref, options);
  const given =
    options.schedule !== undefined || options.command !== undefined
      ? await readSchedule(options, context.cwd)
      : null;
  return await withRun(target, context, async (access, run) => {
    const found = await findRecordArtifacts(recordSource(access, target, run));
    if (found.kind === 'not-gh-retry') throw notGhRetry(run);
    const keys = [
      ...new Set(found.artifacts.map((a) => parseRecordArtifactName(a.name)?.key ?? '')),
    ];
    const plans: Plan[] = [];
    for (const key of keys.filter((k) => k !== '')) {
      const destination = await mkdtemp(path.join(tmpdir(), 'gh-retry-plan-'));
      try {
        const parent = await loadParentRun({
          github: access.github,
          repo: target,
          workflowPath: run.workflowPath,
          runId: run.id,
          maxAttempt: target.attempt,
          key,
          requireCompleted: true,
          destination,
        });
        if (parent.kind === 'unavailable')
          throw new UserError(
            parent.reason.replace(/use retry-mode all$/, 'retry everything with --all'),
          );
        const schedule = given ?? scheduleOf(parent.record);
        plans.push(
          planRetry({
            schedule,
            parent: parent.record,
            mode,
            parentState: parent.parentState,
            stateRoot: destination,
            env: context.env,
          }),
        );
      } finally {
        await rm(destination, { recursive: true, force: true });
      }
    }
    if (options.json === true) context.stdout(json(plans.map((plan) => toPlanJson(plan))));
    else for (const plan of plans) context.stdout(`${renderPlanTable(plan)}\n`);
    return 0;
  });
}

/**
 * The schedule a parent ran, as its record tells it: a plan of a remote run uses it unless
 * `--schedule`/`--command` give the current one (a step's custom `retry-with` is not recorded).
 */
export function scheduleOf(record: RunRecord): Schedule {
  return {
    name: record.name,
    steps: record.steps.map((step) => ({
      id: step.id,
      name: step.name,
      run: step.command,
      setup: step.setup,
      continueOnError: step.continueOnError,
      retries: 0,
      state: step.state.map((file) => file.path),
    })),
  };
}

/** Connect, read the run, and run `work` with GitHub's refusals as one line. */
export async function withRun(
  target: RunTarget,
  context: CliContext,
  work: (access: GitHubAccess, run: WorkflowRunInfo) => Promise<number>,
): Promise<number> {
  const access = await connectGitHub(context.env, target.host);
  const repository = `${target.owner}/${target.repo}`;
  return await withGitHubErrors({ repository, apiUrl: access.apiUrl }, async () => {
    const run = await access.github.getWorkflowRun({ ...target, runId: target.runId });
    if (run === null) throw runNotFound(target);
    return await work(access, run);
  });
}

/** Where a run's records are read: the run's repository, and the attempt the target names. */
function recordSource(access: GitHubAccess, target: RunTarget, run: WorkflowRunInfo) {
  const attempt = Math.min(target.attempt ?? run.attempt, run.attempt);
  return {
    github: access.github,
    repo: target,
    run: { id: run.id, attempt, repository: run.repository },
  };
}

/** One run's contract as locally (an object); a run of several gh-retry jobs gives an array. */
function json(items: readonly unknown[]): string {
  return jsonText(items.length === 1 ? items[0] : items);
}

function notGhRetry(run: WorkflowRunInfo): UserError {
  return new UserError(
    `run ${run.id} uploaded no gh-retry record: it does not use the gh-retry Action, or ran before it was added`,
  );
}

function unreadable(run: WorkflowRunInfo, problems: readonly string[]): UserError {
  const first = (problems[0] ?? 'its record could not be read').replace(/; use \/retry all$/, '');
  const expired = /expired/.test(first);
  return new UserError(
    expired
      ? `${first.replace(/^the record artifact "[^"]*"/, `the record of run ${run.id}`)}: retry everything with "gh-retry retry ${run.htmlUrl} --all"`
      : `run ${run.id}: ${first}`,
  );
}
