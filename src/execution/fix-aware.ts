import type { FixAwareForm, PlannedStep } from '../core/model.js';
import type { FixAwareRecord } from '../core/run-record/schema.js';
import { describeNodes, parseProbeOutput } from '../core/tools/dbt-fix-aware.js';
import type { StepContext } from './execute-step.js';

/** The most probe output kept (a `{"unique_id": …}` line per node). */
const MAX_PROBE_OUTPUT = 4 * 1024 * 1024;

/** What a fix-aware dbt retry turned into: the command to run and what it added. */
export interface FixAwareChoice {
  readonly exec: string;
  readonly record: FixAwareRecord | null;
}

/**
 * Decide a fix-aware dbt retry right before it runs: list with `dbt ls` the nodes changed since
 * the parent that lead to a failed or skipped node. None (or a probe that fails): the planned
 * `dbt retry`. Some: the `dbt build` that rebuilds them before what `dbt retry` would run.
 */
export async function chooseFixAware(
  planned: PlannedStep & { readonly exec: string },
  form: FixAwareForm,
  context: StepContext,
  note: (message: string) => void,
): Promise<FixAwareChoice> {
  let stdout = '';
  const result = await context.runner.run({
    command: form.probe,
    cwd: context.cwd,
    env: context.env,
    ...(context.signal === undefined ? {} : { signal: context.signal }),
    onOutput: (chunk) => {
      if (chunk.stream === 'stdout' && stdout.length < MAX_PROBE_OUTPUT) stdout += chunk.text;
    },
  });
  if (result.kind !== 'exited' || result.exitCode !== 0) {
    const how = result.kind === 'exited' ? `exited ${result.exitCode}` : result.kind;
    note(`could not list the nodes changed since run ${form.parentRun} (dbt ls ${how}); running dbt retry`);
    return { exec: planned.exec, record: null };
  }
  const added = parseProbeOutput(stdout);
  if (added.length === 0) {
    note(`no node changed since run ${form.parentRun} leads to a failed node; running dbt retry`);
    return { exec: planned.exec, record: null };
  }
  const reason = `${describeNodes(added)} changed since run ${form.parentRun} (or built from a changed node); rebuilt before the nodes dbt retry re-runs`;
  note(reason);
  return { exec: form.exec, record: { added, parentRun: form.parentRun, reason } };
}
