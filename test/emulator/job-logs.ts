/**
 * Jobs of workflow runs as GitHub shows them: one job per attempt (the emulator runs one job), its
 * id, and its log — what the step printed, then the runner's closing line, each line stamped
 * with a time as in GitHub's logs.
 */
import type { Hub } from './hub.js';
import type { AttemptRecord, RunRecord } from './records.js';

/** A job: a run's attempt. */
export interface JobRef {
  readonly run: RunRecord;
  readonly attempt: AttemptRecord;
}

/** The id of the job of a run's attempt. */
export function jobId(run: RunRecord, attempt: AttemptRecord): number {
  return run.id * 10 + attempt.attempt;
}

/** The job with this id, if any. */
export function findJob(hub: Hub, id: number): JobRef | undefined {
  for (const run of hub.state.runs.values())
    for (const attempt of run.attempts) if (jobId(run, attempt) === id) return { run, attempt };
  return undefined;
}

/** Workflow commands as GitHub's downloaded logs show them (`::error file=…::msg` → `##[error]msg`). */
function rendered(line: string): string {
  const command = /^::(error|warning|notice|debug|group|endgroup)(?: [^:]*)?::(.*)$/.exec(line);
  return command ? `##[${command[1] ?? ''}]${command[2] ?? ''}` : line;
}

function stamped(time: string, lines: readonly string[]): string {
  const stamp = time.replace(/Z$/, '.0000000Z');
  return lines.map((line) => `${stamp} ${line}\n`).join('');
}

/** The job's log so far (plain text, as GitHub's log download). */
export function jobLog(hub: Hub, job: JobRef): string {
  const { run, attempt } = job;
  const workflow = hub.state.workflows.get(run.workflowId);
  const result = hub.runs.jobResults(run.id).find((r) => r.attempt === attempt.attempt);
  const latest = hub.state.latestAttempt(run) === attempt;
  const printed = result
    ? [result.main, result.post].map((step) => `${step?.stdout ?? ''}${step?.stderr ?? ''}`)
    : [latest ? hub.runs.output(run.id) : ''];
  const lines = printed.join('').split('\n').map(rendered);
  if (lines.at(-1) === '') lines.pop();
  const header = [
    `##[group]Run ${hub.runs.jobName(run.id)} (attempt ${attempt.attempt})`,
    '##[endgroup]',
  ];
  const footer: string[] = [];
  if (!result && attempt.status === 'completed')
    footer.push(
      `No step ran in the emulator: no job is registered for ${workflow?.path ?? 'this workflow'}.`,
    );
  const exitCode = result?.main?.exitCode;
  if (result?.conclusion === 'failure' && typeof exitCode === 'number' && exitCode !== 0)
    footer.push(`##[error]Process completed with exit code ${exitCode}.`);
  if (attempt.conclusion === 'cancelled') footer.push('##[error]The operation was canceled.');
  return stamped(attempt.startedAt, [...header, ...lines, ...footer]);
}
