import type { Env } from '../core/env.js';
import type { FixAwareForm, PlannedStep } from '../core/retry/plan.js';
import type { FixAwareRecord } from '../core/run-record/schema.js';
import { describeNodes, parseProbeOutput } from '../core/tools/dbt-fix-aware.js';
import type { CommandRunner } from '../ports/execution.js';

/** The most probe output kept (a `{"unique_id": …}` line per node). */
const MAX_PROBE_OUTPUT = 4 * 1024 * 1024;

/** Where a probe runs. */
export interface ProbeContext {
  readonly runner: CommandRunner;
  readonly cwd: string;
  readonly env: Env;
  readonly signal?: AbortSignal | undefined;
}

/** What the `dbt ls` probe found: the added node ids, or why it could not tell. */
export type ProbeResult =
  | { readonly kind: 'listed'; readonly added: string[] }
  | { readonly kind: 'failed'; readonly how: string };

/** List with `dbt ls` the nodes changed since the parent that lead to a failed or skipped node. */
export async function probeFixAware(
  form: FixAwareForm,
  context: ProbeContext,
): Promise<ProbeResult> {
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
    return {
      kind: 'failed',
      how: result.kind === 'exited' ? `dbt ls exited ${result.exitCode}` : `dbt ls ${result.kind}`,
    };
  }
  return { kind: 'listed', added: parseProbeOutput(stdout) };
}

/** Why the added nodes are rebuilt, in words. */
export function describeAdded(added: readonly string[], parentRun: string): string {
  return `${describeNodes(added)} changed since run ${parentRun} (or built from a changed node); rebuilt before the nodes dbt retry re-runs`;
}

/** What a fix-aware dbt retry turned into: the command to run and what it added. */
export interface FixAwareChoice {
  readonly exec: string;
  readonly record: FixAwareRecord | null;
}

/**
 * Decide a fix-aware dbt retry right before it runs. No added node (or a probe that fails): the
 * planned `dbt retry`. Some: the `dbt build` that rebuilds them before what `dbt retry` would run.
 */
export async function chooseFixAware(
  planned: PlannedStep & { readonly exec: string },
  form: FixAwareForm,
  context: ProbeContext,
  note: (message: string) => void,
): Promise<FixAwareChoice> {
  const probe = await probeFixAware(form, context);
  if (probe.kind === 'failed') {
    note(
      `could not list the nodes changed since run ${form.parentRun} (${probe.how}); running dbt retry`,
    );
    return { exec: planned.exec, record: null };
  }
  if (probe.added.length === 0) {
    note(`no node changed since run ${form.parentRun} leads to a failed node; running dbt retry`);
    return { exec: planned.exec, record: null };
  }
  const reason = describeAdded(probe.added, form.parentRun);
  note(reason);
  return { exec: form.exec, record: { added: probe.added, parentRun: form.parentRun, reason } };
}
