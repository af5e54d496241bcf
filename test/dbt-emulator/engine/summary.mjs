// @ts-check
// The end of a node command's output (dbt's task/printer.py): "Finished running ...",
// "Completed with ...", each failure, and the "Done. PASS=..." line.
import { pluralize } from './log.mjs';

/**
 * @typedef {import('./node-runner.mjs').NodeResult} NodeResult
 * @typedef {import('./manifest.mjs').Node} Node
 */

/**
 * "Finished running 3 view models, 2 data tests in 0 hours 0 minutes and 0.12 seconds (0.12s)."
 * @param {{ log: import('./log.mjs').Log, nodes: Node[], elapsedSeconds: number }} params
 */
export function printFinishedLine({ log, nodes, elapsedSeconds }) {
  /** @type {Map<string, number>} */
  const counts = new Map();
  for (const node of nodes) {
    const key = node.resourceType === 'model' ? `${node.materialized} model` : node.resourceType;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const stat = [...counts]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, n]) => pluralize(n, key === 'test' ? 'data test' : key))
    .join(', ');
  const minutes = Math.floor(elapsedSeconds / 60);
  const seconds = elapsedSeconds - minutes * 60;
  log.blank();
  log.line(
    `Finished running ${stat} in ${Math.floor(minutes / 60)} hours ${minutes % 60} minutes and ${seconds.toFixed(2)} seconds (${elapsedSeconds.toFixed(2)}s).`,
  );
}

/**
 * print_run_end_messages.
 * @param {{ log: import('./log.mjs').Log, results: NodeResult[], nodes: Map<string, Node>,
 *   keyboardInterrupt: boolean, printsNoOp: boolean }} params
 */
export function printRunEnd({ log, results, nodes, keyboardInterrupt, printsNoOp }) {
  const errors = results.filter(
    (r) =>
      ['runtime error', 'error', 'fail'].includes(r.status) ||
      (r.status === 'skipped' && r.message),
  );
  const warnings = results.filter((r) => r.status === 'warn');
  const partial = results.filter((r) => r.status === 'partial success');
  log.blank();
  log.line(endOfRunSummary(errors.length, warnings.length, partial.length, keyboardInterrupt));
  for (const result of errors) printResultError(log, result, nodes.get(result.unique_id), false);
  for (const result of warnings) printResultError(log, result, nodes.get(result.unique_id), true);
  log.blank();
  log.line(statsLine(results, printsNoOp));
}

/**
 * @param {number} errors
 * @param {number} warnings
 * @param {number} partial
 * @param {boolean} keyboardInterrupt
 */
function endOfRunSummary(errors, warnings, partial, keyboardInterrupt) {
  const partialText = `${partial} partial ${partial === 1 ? 'success' : 'successes'}`;
  if (keyboardInterrupt) return 'Exited because of keyboard interrupt';
  if (errors > 0)
    return `Completed with ${pluralize(errors, 'error')}, ${partialText}, and ${pluralize(warnings, 'warning')}:`;
  if (partial > 0) return `Completed with ${partialText} and ${pluralize(warnings, 'warning')}`;
  if (warnings > 0) return `Completed with ${pluralize(warnings, 'warning')}:`;
  return 'Completed successfully';
}

/**
 * print_run_result_error.
 * @param {import('./log.mjs').Log} log
 * @param {NodeResult} result
 * @param {Node | undefined} node
 * @param {boolean} isWarning
 */
function printResultError(log, result, node, isWarning) {
  if (result.status === 'skipped') return; // "Skipping due to fail_fast" is logged at debug level only
  if (!node || !['fail', 'error', 'warn'].includes(result.status)) {
    if (result.message) {
      log.blank();
      log.line(`  ${result.message}`);
    }
    return;
  }
  log.blank();
  log.line(
    `${isWarning ? 'Warning' : 'Failure'} in ${node.resourceType} ${node.name} (${node.path})`,
  );
  log.line(result.message ? `  ${result.message}` : `  Status: ${result.status}`);
  if (node.compiledPath) {
    log.blank();
    log.line(`  compiled code at ${node.compiledPath}`);
  }
}

/**
 * "Done. PASS=1 WARN=0 ERROR=1 SKIP=1 NO-OP=0 TOTAL=3"
 * @param {NodeResult[]} results
 * @param {boolean} printsNoOp
 */
export function statsLine(results, printsNoOp) {
  const stats = { pass: 0, warn: 0, error: 0, skip: 0, noop: 0 };
  for (const { status } of results) {
    if (['error', 'fail', 'partial success', 'runtime error'].includes(status)) stats.error++;
    else if (status === 'skipped') stats.skip++;
    else if (status === 'warn') stats.warn++;
    else if (status === 'no-op') stats.noop++;
    else stats.pass++;
  }
  const noop = printsNoOp ? ` NO-OP=${stats.noop}` : '';
  return `Done. PASS=${stats.pass} WARN=${stats.warn} ERROR=${stats.error} SKIP=${stats.skip}${noop} TOTAL=${results.length}`;
}

/**
 * GraphRunnableTask.interpret_results: false when any node errored, failed, was skipped or
 * partially succeeded.
 * @param {NodeResult[]} results
 */
export function interpretResults(results) {
  return !results.some((r) =>
    ['runtime error', 'error', 'fail', 'skipped', 'partial success'].includes(r.status),
  );
}
