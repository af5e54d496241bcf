// @ts-check
// Which dbt-core version the emulator speaks as, and the few visible differences between them.
import { EmulatorError } from './errors.mjs';

/** The dbt-core version emulated unless DBT_EMULATOR_VERSION says otherwise. */
export const DEFAULT_DBT_VERSION = '1.10.13';

/** The adapter version printed in "Registered adapter" lines. */
export const ADAPTER_VERSION = '1.9.1';

/**
 * @typedef {object} DbtVersion
 * @property {string} version e.g. "1.10.13"
 * @property {number} minor e.g. 10
 * @property {boolean} recordsInvocationStartedAt metadata.invocation_started_at exists from 1.10
 * @property {boolean} printsNoOp the "Done." line has NO-OP= from 1.10
 * @property {Record<string, string[]>} warnErrorOptionsDefault
 */

/**
 * @param {Record<string, string | undefined>} env
 * @returns {DbtVersion}
 */
export function readDbtVersion(env) {
  const version = env.DBT_EMULATOR_VERSION || DEFAULT_DBT_VERSION;
  const match = /^1\.(9|10|11)\.\d+$/.exec(version);
  if (!match) {
    throw new EmulatorError(
      `DBT_EMULATOR_VERSION must be a dbt-core 1.9.x, 1.10.x or 1.11.x version, got '${version}'`,
    );
  }
  const minor = Number(match[1]);
  return {
    version,
    minor,
    recordsInvocationStartedAt: minor >= 10,
    printsNoOp: minor >= 10,
    warnErrorOptionsDefault:
      minor >= 10 ? { error: [], warn: [], silence: [] } : { include: [], exclude: [] },
  };
}

/** @param {string} version */
export const bannerText = (version) =>
  `gh-retry dbt emulator (simulated dbt-core ${version}, not real dbt; see test/dbt-emulator/README.md)`;
