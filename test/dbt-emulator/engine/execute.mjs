// @ts-check
// GraphRunnableTask.execute_nodes: run the queue in order, skip what is downstream of a failure,
// stop early on --fail-fast, stop on ctrl-c. One node at a time whatever --threads says (E7 of the
// dbt ground truth): real dbt's result order, and its --fail-fast skip set, vary with threads;
// see README "Against real dbt" for the real-dbt tests that cover that.
import { setImmediate } from 'node:timers';
import { addDescendants } from './graph.mjs';
import { formatProgressLine } from './log.mjs';
import { describeNode, finishNode, nowMicros, resultLine, skippedResult } from './node-runner.mjs';

/** Statuses that make --fail-fast stop the run (GraphRunnableTask.call_runner). */
const FAIL_FAST_STATUSES = new Set(['error', 'fail', 'partial success']);

/**
 * @typedef {object} Interrupt
 * @property {boolean} requested set when SIGINT arrives
 * @property {(ms: number) => Promise<void>} wait a sleep that ends early on SIGINT
 */

/**
 * @param {{ queue: import('./manifest.mjs').Node[], graph: import('./graph.mjs').Graph,
 *   markStatuses: Set<string>, threads: number, failFast: boolean, warnError: boolean,
 *   injector: import('./marker.mjs').Injector, log: import('./log.mjs').Log, which: string,
 *   projectName: string, interrupt: Interrupt }} params
 * @returns {Promise<{ results: import('./node-runner.mjs').NodeResult[],
 *   failFastResult: import('./node-runner.mjs').NodeResult | null, interrupted: boolean }>}
 */
export async function executeNodes(params) {
  const { queue, graph, markStatuses, threads, failFast, injector, log, which, interrupt } = params;
  const quiet = which === 'compile'; // dbt compile prints no per-node lines
  const total = queue.length;
  /** @type {Set<string>} */
  const skip = new Set();
  /** @type {import('./node-runner.mjs').NodeResult[]} */
  const results = [];
  for (let i = 0; i < queue.length; i++) {
    // Let a pending SIGINT be handled even when no node sleeps.
    if (i % 500 === 499) await new Promise((resolve) => setImmediate(resolve));
    if (interrupt.requested) return { results, failFastResult: null, interrupted: true };
    const node = /** @type {import('./manifest.mjs').Node} */ (queue[i]);
    const threadId = `Thread-${(i % threads) + 1} (worker)`;
    const index = i + 1;
    if (skip.has(node.uniqueId)) {
      const text =
        node.resourceType === 'test'
          ? `SKIP test ${node.name}`
          : `SKIP relation ${describeNode(node).relation}`;
      if (!quiet) log.line(formatProgressLine({ message: text, status: 'SKIP', index, total }));
      results.push(skippedResult(node, null, threadId));
      continue;
    }
    if (!quiet)
      log.line(
        formatProgressLine({
          message: `START ${describeNode(node).start}`,
          status: 'RUN',
          index,
          total,
        }),
      );
    const startedAt = nowMicros();
    const sleepMs = injector.sleepMsFor(node);
    if (sleepMs > 0) {
      log.flush();
      await interrupt.wait(sleepMs);
      if (interrupt.requested) {
        log.line(
          formatProgressLine({ message: `CANCEL query ${node.uniqueId}`, status: 'CANCEL' }),
        );
        return { results, failFastResult: null, interrupted: true };
      }
    }
    const outcome = quiet ? null : injector.outcomeFor(node);
    const { result } = finishNode({
      ...params,
      node,
      outcome,
      threadId,
      startedAt,
      finishedAt: nowMicros(),
    });
    results.push(result);
    if (!quiet) {
      const [text, status] = resultLine(node, result);
      log.line(
        formatProgressLine({ message: text, status, index, total, seconds: result.execution_time }),
      );
    }
    if (markStatuses.has(result.status)) addDescendants(graph, node.uniqueId, skip);
    if (failFast && FAIL_FAST_STATUSES.has(result.status)) {
      // execute_nodes on FailFastError: every node not yet run is recorded as skipped.
      const done = new Set(results.map((r) => r.unique_id));
      for (const rest of queue) {
        if (!done.has(rest.uniqueId))
          results.push(skippedResult(rest, 'Skipping due to fail_fast', 'MainThread'));
      }
      return { results, failFastResult: result, interrupted: false };
    }
  }
  return { results, failFastResult: null, interrupted: false };
}
