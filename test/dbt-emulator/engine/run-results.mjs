// @ts-check
// run_results.json: written as dbt 1.8+ writes it (schema v6), and read back the way `dbt retry`
// reads it (RunResultsArtifact.read_and_check_versions).
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { runtimeError } from './errors.mjs';
import { isoMicros, nowMicros } from './node-runner.mjs';

export const SCHEMA_V6 = 'https://schemas.getdbt.com/dbt/run-results/v6.json';
/** dbt 1.8+ reads run_results v4, v5 and v6. */
const READABLE_SCHEMAS = [4, 5, 6].map(
  (v) => `https://schemas.getdbt.com/dbt/run-results/v${v}.json`,
);

/**
 * @param {{ version: import('./version.mjs').DbtVersion, invocationId: string,
 *   invocationStartedAt: number, results: import('./node-runner.mjs').NodeResult[],
 *   elapsedSeconds: number, args: Record<string, unknown>, env: Record<string, string | undefined> }} input
 */
export function buildRunResults({
  version,
  invocationId,
  invocationStartedAt,
  results,
  elapsedSeconds,
  args,
  env,
}) {
  /** @type {Record<string, string>} */
  const customEnv = {};
  for (const [key, value] of Object.entries(env)) {
    if (key.startsWith('DBT_ENV_CUSTOM_ENV_') && value !== undefined)
      customEnv[key.slice('DBT_ENV_CUSTOM_ENV_'.length)] = value;
  }
  return {
    metadata: {
      dbt_schema_version: SCHEMA_V6,
      dbt_version: version.version,
      generated_at: isoMicros(nowMicros()),
      invocation_id: invocationId,
      ...(version.recordsInvocationStartedAt
        ? { invocation_started_at: isoMicros(invocationStartedAt) }
        : {}),
      env: customEnv,
    },
    results,
    elapsed_time: elapsedSeconds,
    args,
  };
}

/**
 * Writes `value` as Python's json.dumps does (", " and ": " separators, one line).
 * @param {string} file
 * @param {unknown} value
 */
export function writeArtifact(file, value) {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, toPythonJson(value));
}

/**
 * Python's json.dumps separators (", " and ": ") applied to JSON.stringify's output; strings are
 * matched whole so their contents are left alone.
 * @param {unknown} value
 */
export function toPythonJson(value) {
  return JSON.stringify(value).replace(/"(?:[^"\\]|\\.)*"|[,:]/g, (token) =>
    token.length === 1 ? `${token} ` : token,
  );
}

/**
 * @typedef {{ status: string, unique_id: string }} PreviousResult
 * @typedef {{ results: PreviousResult[], args: Record<string, unknown> }} PreviousRun
 */

/**
 * load_result_state: null when the file is missing (or not a file); dbt's errors for a file that
 * is not JSON or has an unreadable schema version.
 * @param {string} file
 * @returns {PreviousRun | null}
 */
export function readPreviousRun(file) {
  if (!existsSync(file) || !statSync(file).isFile()) return null;
  let data;
  try {
    data = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw runtimeError(
      `Could not read RunResultsArtifact at "${file}" as JSON: ${String(/** @type {Error} */ (error).message)}`,
    );
  }
  const found = data?.metadata?.dbt_schema_version;
  if (!READABLE_SCHEMAS.includes(found)) {
    const shown = typeof found === 'string' ? `"${found}"` : 'nothing';
    throw runtimeError(
      `Expected a schema version of "${SCHEMA_V6}" in ${file}, but found ${shown}. Are you running with a different version of dbt?`,
    );
  }
  const results = data.results;
  if (
    !Array.isArray(results) ||
    results.some((r) => typeof r?.unique_id !== 'string' || typeof r?.status !== 'string')
  ) {
    throw runtimeError(
      `Invalid RunResultsArtifact at "${file}": every result needs a string unique_id and status`,
    );
  }
  const args =
    data.args && typeof data.args === 'object' && !Array.isArray(data.args) ? data.args : {};
  return { results, args };
}
