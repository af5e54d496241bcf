// @ts-check
// dbt's nodes as the emulator keeps them: unique_ids, relations, config from the project tree,
// and the node of a generic data test.
import { createHash } from 'node:crypto';
import path from 'node:path';
import { genericTestName } from './schema-files.mjs';
import { compileTestSql } from './test-sql.mjs';

/**
 * @typedef {'model' | 'seed' | 'snapshot' | 'test'} ResourceType
 * @typedef {object} Node
 * @property {string} uniqueId
 * @property {ResourceType} resourceType
 * @property {string} name
 * @property {string} path original_file_path, posix, relative to the project
 * @property {string[]} fqn
 * @property {string[]} tags
 * @property {string} materialized view, table, incremental, seed, snapshot or test
 * @property {string} schema
 * @property {string | null} relationName
 * @property {string[]} dependsOn unique_ids of models, seeds, snapshots and sources
 * @property {string | null} compiledCode
 * @property {string | null} compiledPath
 * @property {number} rows seed rows, or the simulated row count of a model
 * @property {'error' | 'warn'} severity
 * @property {string | null} attachedNode the resource a data test is declared on
 * @property {string | null} testType
 */

/**
 * @typedef {object} Manifest
 * @property {string} projectName
 * @property {Map<string, Node>} nodes in parse order
 * @property {Map<string, { uniqueId: string, relationName: string }>} sources
 * @property {Map<string, string[]>} children unique_id → direct dependents (sources included)
 */

const CONFIG_KEYS = new Set([
  'materialized',
  'tags',
  'schema',
  'alias',
  'enabled',
  'database',
  'severity',
  'full_refresh',
]);

/**
 * @param {{ resourceType: ResourceType, name: string, path: string, fqn: string[],
 *   config: Record<string, unknown>, schema: string, profile: import('./project.mjs').Profile, rows: number }} input
 * @returns {Node}
 */
export function newNode({ resourceType, name, path: file, fqn, config, schema, profile, rows }) {
  const alias = typeof config.alias === 'string' ? config.alias : name;
  const database = typeof config.database === 'string' ? config.database : profile.database;
  const projectName = /** @type {string} */ (fqn[0]);
  const materialized = resourceType === 'seed' ? 'seed' : String(config.materialized ?? 'view');
  return {
    uniqueId: `${resourceType}.${projectName}.${name}`,
    resourceType,
    name,
    path: file,
    fqn,
    tags: asStrings(config.tags),
    materialized,
    schema,
    relationName: quote(database, schema, alias),
    dependsOn: [],
    compiledCode: null,
    compiledPath: resourceType === 'seed' ? null : `target/compiled/${projectName}/${file}`,
    rows,
    severity: 'error',
    attachedNode: null,
    testType: null,
  };
}

/**
 * Config from a `models:`/`seeds:` tree in dbt_project.yml for a file in `dirs`; tags add up.
 * @param {Record<string, unknown>} tree
 * @param {string} projectName
 * @param {string[]} dirs
 */
export function treeConfig(tree, projectName, dirs) {
  /** @type {Record<string, unknown>} */
  const config = {};
  /** @type {string[]} */
  const tags = [];
  let level = /** @type {unknown} */ (tree[projectName]);
  for (let depth = 0; typeof level === 'object' && level !== null; depth++) {
    for (const [key, value] of Object.entries(level)) {
      const name = key.startsWith('+') ? key.slice(1) : key;
      if (!key.startsWith('+') && !CONFIG_KEYS.has(key)) continue;
      if (name === 'tags') tags.push(...asStrings(value));
      else config[name] = value;
    }
    const next = dirs[depth];
    level = next === undefined ? undefined : /** @type {Record<string, unknown>} */ (level)[next];
  }
  return tags.length > 0 ? { ...config, tags } : config;
}

/**
 * dbt's default generate_schema_name: the target schema, or "<target schema>_<custom schema>".
 * @param {import('./project.mjs').Profile} profile
 * @param {Record<string, unknown>} config
 */
export function schemaFor(profile, config) {
  return typeof config.schema === 'string' ? `${profile.schema}_${config.schema}` : profile.schema;
}

/**
 * The node of a generic data test declared in a property file.
 * @param {{ test: import('./schema-files.mjs').TestDeclaration, projectName: string,
 *   schema: string, attached: { uniqueId: string, relationName: string | null },
 *   refs: { uniqueId: string, relationName: string | null }[] }} input
 * @returns {Node}
 */
export function testNode({ test, projectName, schema, attached, refs }) {
  const name = genericTestName(test);
  const hash = hexHash(`${name}|${test.path}|${JSON.stringify(test.args)}`).slice(0, 10);
  const dirs = path.posix.dirname(test.path).split('/').slice(1);
  return {
    uniqueId: `test.${projectName}.${name}.${hash}`,
    resourceType: 'test',
    name,
    path: test.path,
    fqn: [projectName, ...dirs, name],
    tags: asStrings(test.config.tags),
    materialized: 'test',
    schema: `${schema}_dbt_test__audit`,
    relationName: null,
    dependsOn: [...new Set([attached.uniqueId, ...refs.map((r) => r.uniqueId)])],
    compiledCode: compileTestSql(test, attached.relationName ?? '', refs[0]?.relationName ?? ''),
    compiledPath: `target/compiled/${projectName}/${test.path}/${shortTestName(name, test)}.sql`,
    rows: 0,
    severity: String(test.config.severity ?? 'error').toLowerCase() === 'warn' ? 'warn' : 'error',
    attachedNode: attached.uniqueId,
    testType: test.testType,
  };
}

/** A stable, plausible row count per model, so adapter responses differ between models. */
export function simulatedRows(/** @type {string} */ name) {
  return (Number.parseInt(hexHash(name).slice(0, 6), 16) % 5000) + 1;
}

/**
 * 16 hex digits from two FNV-1a passes: stable ids without a cryptographic hash per node.
 * @param {string} text
 */
function hexHash(text) {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
  }
  return (a >>> 0).toString(16).padStart(8, '0') + (b >>> 0).toString(16).padStart(8, '0');
}

/**
 * @param {string} name
 * @param {import('./schema-files.mjs').TestDeclaration} test
 */
function shortTestName(name, test) {
  if (name.length < 64) return name;
  const label = createHash('md5').update(name).digest('hex');
  return `${test.testType}_${test.attachedName.replace('.', '_').slice(0, 30)}_${label}`;
}

/** @type {(database: string, schema: string, identifier: string) => string} */
export const quote = (database, schema, identifier) => `"${database}"."${schema}"."${identifier}"`;

/** @type {(value: unknown) => string[]} */
const asStrings = (value) =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];
