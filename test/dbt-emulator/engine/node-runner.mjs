// @ts-check
// One node's execution: the result entry of run_results.json and the progress lines dbt prints.
import { performance } from 'node:perf_hooks';

/**
 * @typedef {import('./manifest.mjs').Node} Node
 * @typedef {import('./marker.mjs').Outcome} Outcome
 * @typedef {{ name: string, started_at: string, completed_at: string }} Timing
 * @typedef {object} NodeResult the v6 RunResultOutput, key order as dbt writes it
 * @property {string} status
 * @property {Timing[]} timing
 * @property {string} thread_id
 * @property {number} execution_time
 * @property {Record<string, unknown>} adapter_response
 * @property {string | null} message
 * @property {number | null} failures
 * @property {string} unique_id
 * @property {boolean | null} compiled
 * @property {string | null} compiled_code
 * @property {string | null} relation_name
 * @property {{ successful: [string, string][], failed: [string, string][] } | null} batch_results
 */

/** Microseconds since the epoch. */
export const nowMicros = () => Math.round((performance.timeOrigin + performance.now()) * 1000);

/**
 * "2026-03-04T07:54:09.580792Z", the timestamp format of dbt artifacts.
 * @param {number} micros
 */
export function isoMicros(micros) {
  const iso = new Date(Math.floor(micros / 1000)).toISOString();
  return `${iso.slice(0, 19)}.${String(micros % 1_000_000).padStart(6, '0')}Z`;
}

/**
 * How dbt describes a node in its START/OK/ERROR lines.
 * @param {Node} node
 */
export function describeNode(node) {
  const relation = `${node.schema}.${node.relationName?.split('.').pop()?.replaceAll('"', '') ?? node.name}`;
  switch (node.resourceType) {
    case 'model':
      return { start: `sql ${node.materialized} model ${relation}`, relation };
    case 'seed':
      return { start: `seed file ${relation}`, relation };
    case 'snapshot':
      return { start: `snapshot ${relation}`, relation };
    default:
      return { start: `test ${node.name}`, relation };
  }
}

/**
 * Runs a node whose outcome is decided (by the marker, or success) and returns its result and
 * the line dbt prints when it finishes.
 * @param {{ node: Node, outcome: Outcome | null, threadId: string, projectName: string,
 *   warnError: boolean, startedAt: number, finishedAt: number, which: string }} params
 * @returns {{ result: NodeResult, status: string }}
 */
export function finishNode({
  node,
  outcome,
  threadId,
  projectName,
  warnError,
  startedAt,
  which,
  ...rest
}) {
  const finishedAt = Math.max(rest.finishedAt, startedAt + 2);
  const compileEnd = startedAt + Math.max(1, Math.round((finishedAt - startedAt) * 0.1));
  const timing = [
    { name: 'compile', started_at: isoMicros(startedAt), completed_at: isoMicros(compileEnd) },
    { name: 'execute', started_at: isoMicros(compileEnd), completed_at: isoMicros(finishedAt) },
  ];
  const isCompiled = node.resourceType !== 'seed';
  /** @type {NodeResult} */
  const result = {
    status: 'success',
    timing,
    thread_id: threadId,
    execution_time: (finishedAt - startedAt) / 1e6,
    adapter_response: {},
    message: null,
    failures: null,
    unique_id: node.uniqueId,
    compiled: isCompiled ? true : null,
    compiled_code: isCompiled ? node.compiledCode : null,
    relation_name:
      node.resourceType === 'model' || node.resourceType === 'snapshot' ? node.relationName : null,
    batch_results: null,
  };
  // dbt compile runs no SQL, so injected database failures do not apply to it.
  if (which === 'compile') return { result, status: result.status };
  applyOutcome(result, { node, outcome, projectName, warnError });
  return { result, status: result.status };
}

/**
 * @param {NodeResult} result
 * @param {{ node: Node, outcome: Outcome | null, projectName: string, warnError: boolean }} params
 */
function applyOutcome(result, { node, outcome, projectName, warnError }) {
  const kind = outcome?.kind;
  if (kind === 'error') {
    Object.assign(result, {
      status: 'error',
      message: errorMessage(node, outcome?.message ?? null, projectName),
    });
  } else if (kind === 'partial success') {
    const batch = (/** @type {number} */ day) =>
      /** @type {[string, string]} */ ([
        `2025-01-0${day}T00:00:00+00:00`,
        `2025-01-0${day + 1}T00:00:00+00:00`,
      ]);
    Object.assign(result, {
      status: 'partial success',
      message: 'PARTIAL SUCCESS (1/2)',
      adapter_response: { _message: 'INSERT 0 1', code: 'INSERT', rows_affected: 1 },
      batch_results: { successful: [batch(1)], failed: [batch(2)] },
    });
  } else if (node.resourceType === 'test') {
    testOutcome(result, node, outcome, warnError);
  } else {
    result.adapter_response = successResponse(node);
    result.message = /** @type {string} */ (result.adapter_response._message);
  }
}

/**
 * @param {NodeResult} result
 * @param {Node} node
 * @param {Outcome | null} outcome
 * @param {boolean} warnError
 */
function testOutcome(result, node, outcome, warnError) {
  const failures = outcome?.kind === 'fail' || outcome?.kind === 'warn' ? outcome.failures : 0;
  result.adapter_response = { _message: 'SELECT 1', code: 'SELECT', rows_affected: 1 };
  result.failures = failures;
  result.status = 'pass';
  if (failures === 0) return;
  const severity = outcome?.kind === 'warn' ? 'warn' : node.severity;
  // --warn-error turns a warning test into a failure (TestRunner.build_test_run_result).
  const status = severity === 'warn' && !warnError ? 'warn' : 'fail';
  result.status = status;
  result.message = `Got ${failures} result${failures === 1 ? '' : 's'}, configured to ${status} if != 0`;
}

/**
 * "Database Error in model x (models/x.sql)\n  detail\n  compiled code at target/run/...".
 * A marker message that starts with an error kind ("Compilation Error ...") keeps that kind.
 * @param {Node} node
 * @param {string | null} injected
 * @param {string} projectName
 */
function errorMessage(node, injected, projectName) {
  const text =
    injected ??
    `relation "${node.schema}.${node.name}__dbt_tmp" could not be created (failure injected by the dbt emulator marker)`;
  const kindMatch = /^([A-Z][A-Za-z]* Error)\b[:\s]*/.exec(text);
  const kind = kindMatch ? kindMatch[1] : 'Database Error';
  const detail = (kindMatch ? text.slice(kindMatch[0].length) : text)
    .trim()
    .split('\n')
    .join('\n  ');
  const where = `${kind} in ${node.resourceType} ${node.name} (${node.path})`;
  if (node.resourceType === 'seed') return `${where}\n  ${detail}`;
  const generic = node.resourceType === 'test' && node.attachedNode !== null;
  const file = generic ? `${node.path}/${node.name}.sql` : node.path;
  return `${where}\n  ${detail}\n  compiled code at target/run/${projectName}/${file}`;
}

/**
 * What dbt-postgres reports for a successful model, seed or snapshot.
 * @param {Node} node
 */
function successResponse(node) {
  if (node.resourceType === 'seed')
    return { _message: `INSERT ${node.rows}`, code: 'INSERT', rows_affected: node.rows };
  if (node.materialized === 'table')
    return { _message: `SELECT ${node.rows}`, code: 'SELECT', rows_affected: node.rows };
  if (node.materialized === 'incremental' || node.resourceType === 'snapshot') {
    return { _message: `INSERT 0 ${node.rows}`, code: 'INSERT', rows_affected: node.rows };
  }
  return { _message: 'CREATE VIEW', code: 'CREATE VIEW', rows_affected: -1 };
}

/**
 * A node that did not run: the shape of dbt's skip_result / RunResult.from_node.
 * @param {Node} node
 * @param {string | null} message
 * @param {string} threadId
 * @returns {NodeResult}
 */
export function skippedResult(node, message, threadId) {
  const compiledNode = node.resourceType !== 'seed';
  return {
    status: 'skipped',
    timing: [],
    thread_id: threadId,
    execution_time: 0,
    adapter_response: {},
    message,
    failures: null,
    unique_id: node.uniqueId,
    compiled: compiledNode ? false : null,
    compiled_code: null,
    relation_name:
      node.resourceType === 'model' || node.resourceType === 'snapshot' ? node.relationName : null,
    batch_results: null,
  };
}

/**
 * The line printed when a node finishes: [text, status].
 * @param {Node} node
 * @param {NodeResult} result
 * @returns {[string, string]}
 */
export function resultLine(node, result) {
  const { start, relation } = describeNode(node);
  const status = result.status;
  if (node.resourceType === 'test') {
    if (status === 'pass') return [`PASS ${node.name}`, 'PASS'];
    if (status === 'fail' || status === 'warn') {
      const label = `${status.toUpperCase()} ${result.failures}`;
      return [`${label} ${node.name}`, label];
    }
    return [`ERROR ${node.name}`, 'ERROR'];
  }
  if (status === 'error' || status === 'runtime error') {
    const verb =
      { model: 'creating', seed: 'loading', snapshot: 'snapshotting' }[node.resourceType] ??
      'running';
    return [`ERROR ${verb} ${start}`, 'ERROR'];
  }
  if (status === 'partial success') return [`PARTIAL SUCCESS (1/2) ${start}`, 'PARTIAL SUCCESS'];
  const verb =
    { model: 'created', seed: 'loaded', snapshot: 'snapshotted' }[node.resourceType] ?? 'ran';
  const text = node.resourceType === 'snapshot' ? `OK ${verb} ${relation}` : `OK ${verb} ${start}`;
  return [text, String(result.adapter_response._message ?? 'OK')];
}
