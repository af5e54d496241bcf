// @ts-check
// Failure injection: the marker file `.dbt-emulator.yml` in the project says which nodes fail and
// how. Deleting or editing it between runs is "the fix". Format: ../README.md.
import process from 'node:process';
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { EmulatorError } from './errors.mjs';

export const MARKER_FILE = '.dbt-emulator.yml';
export const STATE_FILE = '.dbt-emulator-state.json';

const KEYS = [
  'fail',
  'fail_tests',
  'warn_tests',
  'partial_success',
  'error_before_nodes',
  'sleep_ms',
  'fail_times',
];

/**
 * @typedef {{ kind: 'error', message: string | null }
 *   | { kind: 'fail', failures: number }
 *   | { kind: 'warn', failures: number }
 *   | { kind: 'partial success' }} Outcome
 */

/**
 * @typedef {object} Injector
 * @property {(command: string) => string | null} errorBeforeNodes the error to raise before any
 *   node runs, if the marker asks for one now
 * @property {(node: { uniqueId: string, name: string, resourceType: string }) => Outcome | null} outcomeFor
 * @property {(node: { uniqueId: string, name: string }) => number} sleepMsFor
 * @property {(names: Set<string>) => string[]} unknownNames marker keys that match no node
 * @property {() => void} save persists the fail_times counters
 */

/**
 * @param {{ projectDir: string, env: Record<string, string | undefined> }} input
 * @returns {Injector}
 */
export function loadInjector({ projectDir, env }) {
  const file = env.DBT_EMULATOR_MARKER
    ? path.resolve(env.DBT_EMULATOR_MARKER)
    : path.join(projectDir, MARKER_FILE);
  const marker = existsSync(file) ? parseMarker(readFileSync(file, 'utf8'), file) : {};
  const stateFile = path.join(path.dirname(file), STATE_FILE);
  /** @type {Record<string, number>} */
  const counts = existsSync(stateFile) ? readCounts(stateFile) : {};
  let dirty = false;

  const failTimes = asNumberMap(marker.fail_times, 'fail_times');
  const sleep = asNumberMap(marker.sleep_ms, 'sleep_ms');
  /** @type {(node: { uniqueId: string, name: string }, map: Record<string, number>) => number | undefined} */
  const lookup = (node, map) => map[node.uniqueId] ?? map[node.name] ?? map.default;

  /** Counts one injected failure; false once the node has failed `fail_times` times. */
  const consume = (/** @type {string} */ key, /** @type {number | undefined} */ limit) => {
    const used = counts[key] ?? 0;
    if (limit !== undefined && used >= limit) return false;
    counts[key] = used + 1;
    dirty = true;
    return true;
  };

  const fail = asMessageMap(marker.fail, 'fail');
  const failTests = asNumberMap(marker.fail_tests, 'fail_tests', 1);
  const warnTests = asNumberMap(marker.warn_tests, 'warn_tests', 1);
  const partial = asMessageMap(marker.partial_success, 'partial_success');
  const before = parseBeforeNodes(marker.error_before_nodes);

  return {
    errorBeforeNodes(command) {
      if (!before || (before.commands && !before.commands.includes(command))) return null;
      return consume('error_before_nodes', failTimes.error_before_nodes ?? failTimes.default)
        ? before.message
        : null;
    },
    outcomeFor(node) {
      /** @type {Outcome | null} */
      let outcome = null;
      /** @type {<T>(map: Record<string, T>) => T | undefined} */
      const pick = (map) => map[node.uniqueId] ?? map[node.name];
      const message = pick(fail);
      const rows = pick(failTests);
      const warn = pick(warnTests);
      if (message !== undefined) outcome = { kind: 'error', message };
      else if (pick(partial) !== undefined && node.resourceType === 'model')
        outcome = { kind: 'partial success' };
      else if (rows !== undefined && node.resourceType === 'test')
        outcome = { kind: 'fail', failures: rows };
      else if (warn !== undefined && node.resourceType === 'test')
        outcome = { kind: 'warn', failures: warn };
      if (!outcome) return null;
      return consume(node.uniqueId, lookup(node, failTimes)) ? outcome : null;
    },
    sleepMsFor: (node) => lookup(node, sleep) ?? 0,
    unknownNames(names) {
      const keys = [fail, failTests, warnTests, partial, sleep, failTimes].flatMap((m) =>
        Object.keys(m),
      );
      return [...new Set(keys)].filter(
        (k) => k !== 'default' && k !== 'error_before_nodes' && !names.has(k),
      );
    },
    save() {
      if (!dirty) return;
      const temp = `${stateFile}.${process.pid}.tmp`;
      writeFileSync(temp, `${JSON.stringify(counts, null, 2)}\n`);
      renameSync(temp, stateFile);
    },
  };
}

/**
 * @param {string} text
 * @param {string} file
 * @returns {Record<string, unknown>}
 */
function parseMarker(text, file) {
  let doc;
  try {
    doc = parseYaml(text);
  } catch (error) {
    throw new EmulatorError(`cannot parse ${file}: ${String(error)}`);
  }
  if (doc === null || doc === undefined) return {};
  if (typeof doc !== 'object' || Array.isArray(doc))
    throw new EmulatorError(`${file} must be a YAML mapping`);
  if ('runtime_error' in doc) {
    // dbt writes "runtime error" only for source freshness, which the emulator does not model; a
    // node command never ends with it (the result printer raises on it).
    throw new EmulatorError(
      `${file}: runtime_error is not a status dbt gives models, seeds, snapshots or tests; use fail`,
    );
  }
  const unknown = Object.keys(doc).filter((k) => !KEYS.includes(k));
  if (unknown.length > 0) {
    throw new EmulatorError(
      `${file}: unknown key(s) ${unknown.join(', ')}; allowed: ${KEYS.join(', ')}`,
    );
  }
  return /** @type {Record<string, unknown>} */ (doc);
}

/**
 * A list of names, or a mapping name → message (true or null: the default message).
 * @param {unknown} value
 * @param {string} key
 * @returns {Record<string, string | null>}
 */
function asMessageMap(value, key) {
  if (value === undefined || value === null) return {};
  if (Array.isArray(value)) return Object.fromEntries(value.map((name) => [String(name), null]));
  if (typeof value !== 'object')
    throw new EmulatorError(`${key} must be a list of node names or a mapping`);
  return Object.fromEntries(
    Object.entries(value).map(([name, message]) => [
      name,
      typeof message === 'string' ? message : null,
    ]),
  );
}

/**
 * A number, a list of names (each `fallback`), or a mapping name → number.
 * @param {unknown} value
 * @param {string} key
 * @param {number} [fallback]
 * @returns {Record<string, number>}
 */
function asNumberMap(value, key, fallback) {
  if (value === undefined || value === null) return {};
  if (typeof value === 'number') return { default: value };
  if (Array.isArray(value) && fallback !== undefined)
    return Object.fromEntries(value.map((n) => [String(n), fallback]));
  if (typeof value !== 'object' || Array.isArray(value))
    throw new EmulatorError(`${key} must be a number or a mapping of names to numbers`);
  const entries = Object.entries(value);
  for (const [name, n] of entries) {
    if (typeof n !== 'number' || n < 0)
      throw new EmulatorError(`${key}.${name} must be a non-negative number`);
  }
  return Object.fromEntries(entries);
}

/**
 * @param {unknown} value a message, or { message, commands }
 * @returns {{ message: string, commands: string[] | null } | null}
 */
function parseBeforeNodes(value) {
  if (value === undefined || value === null || value === false) return null;
  if (typeof value === 'string') return { message: value, commands: null };
  if (typeof value === 'object' && !Array.isArray(value)) {
    const { message, commands } = /** @type {{ message?: unknown, commands?: unknown }} */ (value);
    if (typeof message === 'string') {
      return { message, commands: Array.isArray(commands) ? commands.map(String) : null };
    }
  }
  throw new EmulatorError('error_before_nodes must be a message or { message, commands }');
}

/** @param {string} file */
function readCounts(file) {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8'));
    return typeof parsed === 'object' && parsed !== null ? parsed : {};
  } catch {
    return {};
  }
}
