import type { StepRecord } from '../run-record/schema.js';
import { describeEnd } from './tool.js';
import type { RunResults } from './dbt-run-results.js';

/**
 * Why a dbt step stopped by Ctrl-C (or a cancelled job) runs as written and not as `dbt retry`.
 *
 * On KeyboardInterrupt dbt writes run_results.json with `self.node_results`: the nodes that had
 * finished, and no row for the node it was running or for those it had not started (dbt-core
 * task/runnable.py `execute_nodes`, `except (KeyboardInterrupt, SystemExit)`, the same in 1.8 and
 * 1.11), then exits 2. `dbt retry` re-runs only the failed and skipped rows of that file, so it can
 * never run the nodes that had not finished: with only successes in it, dbt says "Nothing to do"
 * and exits 0, a pass that ran nothing. Checked with real dbt 1.8 and 1.11
 * (test/real-dbt/interrupt.test.ts).
 */

/** Whether the parent step was cut short (cancelled) before dbt could report node failures. */
export function wasInterrupted(parent: StepRecord): boolean {
  return parent.status === 'cancelled' && parent.exitCode !== 1;
}

/** The saved file as the reason needs it: finished nodes and the ones dbt retry would re-run. */
export type InterruptedFile =
  | { readonly kind: 'read'; readonly finished: number; readonly retried: number }
  | { readonly kind: 'none'; readonly why: string };

/** What dbt's file says about an interrupted run, for the plan's reason. */
export function readInterruptedFile(
  runResults: RunResults | null,
  retrySet: (file: Extract<RunResults, { kind: 'run-results' }>) => readonly string[],
): InterruptedFile {
  if (runResults === null) return { kind: 'none', why: 'wrote no run_results.json' };
  if (runResults.kind === 'unreadable') {
    return { kind: 'none', why: `its run_results.json is unreadable (${runResults.reason})` };
  }
  return {
    kind: 'read',
    finished: runResults.results.length,
    retried: retrySet(runResults).length,
  };
}

const nodes = (count: number): string => `${count} node${count === 1 ? '' : 's'}`;

/** One line: what dbt did on the interrupt and why `dbt retry` cannot resume from it. */
export function interruptedReason(parent: StepRecord, file: InterruptedFile): string {
  const stopped = `dbt was interrupted (it ${describeEnd(parent)})`;
  if (file.kind === 'none') {
    return `${stopped} and ${file.why}, so there is nothing dbt retry could resume from`;
  }
  const would =
    file.retried === 0
      ? 'dbt retry would run none of them: it would say "Nothing to do" and exit 0'
      : `dbt retry would re-run only the ${nodes(file.retried)} listed as failed or skipped`;
  return `${stopped}: on an interrupt dbt writes to run_results.json only the nodes that finished (${nodes(file.finished)} here), never the one it was running or those not yet started, so ${would}`;
}
