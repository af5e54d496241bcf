// @ts-check
// Property files (models/**/*.yml): sources, per-resource config and the generic data tests
// declared on columns and resources.
import { parse as parseYaml } from 'yaml';
import { DbtError } from './errors.mjs';

/**
 * @typedef {object} SourceTable
 * @property {string} sourceName
 * @property {string} tableName
 * @property {string | null} schema
 * @property {string | null} database
 * @property {string | null} identifier
 * @property {string} path the YAML file
 */

/**
 * @typedef {object} TestDeclaration
 * @property {string} testType e.g. "not_null", "accepted_values", "expression_is_true"
 * @property {string | null} namespace e.g. "dbt_utils"
 * @property {Record<string, unknown>} args test arguments, including column_name when on a column
 * @property {Record<string, unknown>} config e.g. { severity: "warn" }
 * @property {string | null} customName the test's `name:` when given
 * @property {'model' | 'seed' | 'snapshot' | 'source'} attachedKind
 * @property {string} attachedName model/seed/snapshot name, or "<source>.<table>"
 * @property {string} path the YAML file
 */

/**
 * @typedef {object} PropertyFile
 * @property {SourceTable[]} sources
 * @property {TestDeclaration[]} tests
 * @property {Map<string, Record<string, unknown>>} configs `config:` blocks by resource name
 */

/**
 * @param {string} text
 * @param {string} relativePath posix path from the project root
 * @returns {PropertyFile}
 */
export function parsePropertyFile(text, relativePath) {
  let doc;
  try {
    doc = parseYaml(text);
  } catch (error) {
    const line = /** @type {{ linePos?: { line: number }[] }} */ (error).linePos?.[0]?.line ?? 1;
    throw new DbtError(
      'Parsing Error',
      `Error reading ${relativePath}\nSyntax error near line ${line}`,
    );
  }
  /** @type {PropertyFile} */
  const result = { sources: [], tests: [], configs: new Map() };
  if (!isObject(doc)) return result;
  for (const kind of /** @type {const} */ (['model', 'seed', 'snapshot'])) {
    for (const entry of asList(doc[`${kind}s`])) {
      if (!isObject(entry) || typeof entry.name !== 'string') continue;
      if (isObject(entry.config)) result.configs.set(entry.name, entry.config);
      collectTests(entry, { kind, name: entry.name, path: relativePath }, result.tests);
    }
  }
  for (const source of asList(doc.sources)) {
    if (!isObject(source) || typeof source.name !== 'string') continue;
    for (const table of asList(source.tables)) {
      if (!isObject(table) || typeof table.name !== 'string') continue;
      result.sources.push({
        sourceName: source.name,
        tableName: table.name,
        schema: stringOrNull(table.schema ?? source.schema),
        database: stringOrNull(table.database ?? source.database),
        identifier: stringOrNull(table.identifier),
        path: relativePath,
      });
      const owner = {
        kind: /** @type {const} */ ('source'),
        name: `${source.name}.${table.name}`,
        path: relativePath,
      };
      collectTests(table, owner, result.tests);
    }
  }
  return result;
}

/**
 * @param {Record<string, unknown>} entry a model/seed/snapshot/source table entry
 * @param {{ kind: TestDeclaration['attachedKind'], name: string, path: string }} owner
 * @param {TestDeclaration[]} into
 */
function collectTests(entry, owner, into) {
  /** @param {Record<string, unknown>} holder @param {Record<string, unknown>} kwargs */
  const attach = (holder, kwargs) => {
    for (const test of [...asList(holder.data_tests), ...asList(holder.tests)]) {
      const declared = parseTestEntry(test, kwargs);
      if (declared)
        into.push({
          ...declared,
          attachedKind: owner.kind,
          attachedName: owner.name,
          path: owner.path,
        });
    }
  };
  attach(entry, {});
  for (const column of asList(entry.columns)) {
    if (!isObject(column) || typeof column.name !== 'string') continue;
    attach(column, { column_name: column.name });
  }
}

const TEST_CONFIG_KEYS = ['severity', 'enabled', 'tags', 'where', 'error_if', 'warn_if'];

/**
 * One entry of a `data_tests:` list: "unique", { not_null: null } or
 * { accepted_values: { values: [...], config: {...} } } (or with `arguments:`, dbt 1.10.5+).
 * @param {unknown} test
 * @param {Record<string, unknown>} base
 */
function parseTestEntry(test, base) {
  /** @type {string} */
  let fullName;
  /** @type {Record<string, unknown>} */
  let body = {};
  if (typeof test === 'string') fullName = test;
  else if (isObject(test) && Object.keys(test).length === 1) {
    fullName = /** @type {string} */ (Object.keys(test)[0]);
    body = isObject(test[fullName]) ? /** @type {Record<string, unknown>} */ (test[fullName]) : {};
  } else return null;
  const dot = fullName.lastIndexOf('.');
  const namespace = dot === -1 ? null : fullName.slice(0, dot);
  const testType = dot === -1 ? fullName : fullName.slice(dot + 1);
  const { config, arguments: nested, name, ...inline } = body;
  /** @type {Record<string, unknown>} */
  const args = {};
  const cfg = isObject(config) ? { ...config } : {};
  // Config keys written next to the arguments (old style) are config, not arguments.
  for (const [key, value] of Object.entries({
    ...base,
    ...inline,
    ...(isObject(nested) ? nested : {}),
  })) {
    if (!TEST_CONFIG_KEYS.includes(key)) args[key] = value;
    else if (!(key in cfg)) cfg[key] = value;
  }
  return {
    testType,
    namespace,
    args,
    config: cfg,
    customName: typeof name === 'string' ? name : null,
  };
}

/**
 * dbt's synthesize_generic_test_names: "<type>_<resource>_<flattened args>" (source tests get a
 * "source_" prefix and "<source>_<table>" as the resource).
 * @param {TestDeclaration} test
 */
export function genericTestName(test) {
  if (test.customName) return test.customName;
  const flat = [];
  for (const key of Object.keys(test.args).sort()) {
    if (key === 'model') continue;
    const value = test.args[key];
    const parts = isObject(value) ? Object.values(value) : Array.isArray(value) ? value : [value];
    flat.push(...parts.map((p) => pythonStr(p)));
  }
  const clean = flat.map((part) => part.replace(/[^0-9a-zA-Z_]+/g, '_'));
  const prefix = test.attachedKind === 'source' ? 'source_' : '';
  const namespace = test.namespace ? `${test.namespace}_` : '';
  const identifier = test.attachedName.replace('.', '_');
  return `${prefix}${namespace}${test.testType}_${identifier}_${clean.join('__')}`;
}

/** @param {unknown} value str() of a YAML value, as Python prints it */
function pythonStr(value) {
  if (value === true) return 'True';
  if (value === false) return 'False';
  if (value === null) return 'None';
  return String(value);
}

/** @type {(value: unknown) => value is Record<string, unknown>} */
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);

/** @type {(value: unknown) => unknown[]} */
const asList = (value) => (Array.isArray(value) ? value : []);

/** @type {(value: unknown) => string | null} */
const stringOrNull = (value) => (typeof value === 'string' ? value : null);
