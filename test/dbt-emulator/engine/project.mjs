// @ts-check
// dbt_project.yml and profiles.yml, read the way dbt-core reads them.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DbtError, runtimeError } from './errors.mjs';
import { renderEnvVars } from './render.mjs';

/**
 * @typedef {object} Project
 * @property {string} dir absolute project root
 * @property {string} name
 * @property {string} profileName
 * @property {string[]} modelPaths
 * @property {string[]} seedPaths
 * @property {string[]} snapshotPaths
 * @property {string[]} testPaths singular data tests (SQL files under `tests`)
 * @property {string} targetPath as dbt reports it: --target-path / DBT_TARGET_PATH, else the
 *   project's target-path, else "target"; relative to `dir` unless absolute
 * @property {string[]} cleanTargets
 * @property {string} packagesInstallPath
 * @property {Record<string, unknown>} vars the project's own vars
 * @property {Record<string, unknown>} modelsConfig the `models:` tree
 * @property {Record<string, unknown>} seedsConfig the `seeds:` tree
 */

/**
 * @param {{ projectDir: string, targetPathFlag: string | undefined,
 *   env: Record<string, string | undefined> }} input
 * @returns {Project}
 */
export function loadProject({ projectDir, targetPathFlag, env }) {
  const dir = path.resolve(projectDir);
  const file = path.join(dir, 'dbt_project.yml');
  if (!existsSync(file)) {
    throw runtimeError(
      `No dbt_project.yml found at expected path ${file}\n` +
        'Verify that each entry within packages.yml (and their transitive dependencies) contains a file named dbt_project.yml\n',
    );
  }
  const config = readYamlFile(file, 'dbt_project.yml', env);
  if (typeof config.name !== 'string' || !config.name) {
    throw runtimeError(
      `Invalid project config: 'name' is a required property\nError encountered in ${file}`,
    );
  }
  const targetPath = targetPathFlag ?? stringOr(config['target-path'], 'target');
  return {
    dir,
    name: config.name,
    profileName: stringOr(config.profile, config.name),
    modelPaths: listOr(config['model-paths'] ?? config['source-paths'], ['models']),
    seedPaths: listOr(config['seed-paths'] ?? config['data-paths'], ['seeds']),
    snapshotPaths: listOr(config['snapshot-paths'], ['snapshots']),
    testPaths: listOr(config['test-paths'], ['tests']),
    targetPath,
    cleanTargets: listOr(config['clean-targets'], [targetPath]),
    packagesInstallPath: stringOr(config['packages-install-path'], 'dbt_packages'),
    vars: objectOr(config.vars),
    modelsConfig: objectOr(config.models),
    seedsConfig: objectOr(config.seeds),
  };
}

/**
 * @typedef {object} Profile
 * @property {string} profileName
 * @property {string} targetName
 * @property {string} type adapter type, e.g. "postgres"
 * @property {string} database
 * @property {string} schema
 * @property {number} threads
 * @property {string} file the profiles.yml that was read
 */

/**
 * @param {{ profilesDir: string, profileName: string, targetFlag: string | undefined,
 *   env: Record<string, string | undefined> }} input
 * @returns {Profile}
 */
export function loadProfile({ profilesDir, profileName, targetFlag, env }) {
  const file = path.join(path.resolve(profilesDir), 'profiles.yml');
  const profiles = existsSync(file) ? readYamlFile(file, 'profiles.yml', env) : {};
  const profile = profiles[profileName];
  if (typeof profile !== 'object' || profile === null) {
    throw runtimeError(`Could not find profile named '${profileName}'`);
  }
  const outputs = objectOr(/** @type {Record<string, unknown>} */ (profile).outputs);
  const targetName =
    targetFlag ?? stringOr(/** @type {Record<string, unknown>} */ (profile).target, 'default');
  const output = outputs[targetName];
  if (typeof output !== 'object' || output === null) {
    const valid = Object.keys(outputs).map((name) => ` - ${name}`);
    throw runtimeError(
      `The profile '${profileName}' does not have a target named '${targetName}'. The valid target names for this profile are:\n${valid.join('\n')}`,
    );
  }
  const o = /** @type {Record<string, unknown>} */ (output);
  const dbPath =
    typeof o.path === 'string' ? path.basename(o.path).replace(/\.[^.]*$/, '') : undefined;
  return {
    profileName,
    targetName,
    type: stringOr(o.type, 'postgres'),
    database: stringOr(o.database ?? o.dbname ?? dbPath, 'analytics'),
    schema: stringOr(o.schema ?? o.dataset, 'main'),
    threads: typeof o.threads === 'number' && o.threads > 0 ? o.threads : 1,
    file,
  };
}

/**
 * @param {string} file
 * @param {string} label
 * @param {Record<string, string | undefined>} env
 * @returns {Record<string, unknown>}
 */
export function readYamlFile(file, label, env) {
  const text = renderEnvVars(readFileSync(file, 'utf8'), env);
  try {
    return objectOr(parseYaml(text));
  } catch (error) {
    const line = /** @type {{ linePos?: { line: number }[] }} */ (error).linePos?.[0]?.line ?? 1;
    throw new DbtError('Parsing Error', `Error reading ${label}\nSyntax error near line ${line}`);
  }
}

/** @type {(value: unknown, fallback: string) => string} */
const stringOr = (value, fallback) => (typeof value === 'string' && value ? value : fallback);

/** @type {(value: unknown, fallback: string[]) => string[]} */
const listOr = (value, fallback) =>
  Array.isArray(value) && value.every((v) => typeof v === 'string') ? value : fallback;

/** @type {(value: unknown) => Record<string, unknown>} */
const objectOr = (value) =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
    ? /** @type {Record<string, unknown>} */ (value)
    : {};
