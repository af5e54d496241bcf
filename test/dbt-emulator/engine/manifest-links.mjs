// @ts-check
// Linking a parse: resolves each SQL node's ref() and source() calls into dependencies, compiles
// its code, and words dbt's compilation errors for a name that is not found. Used by manifest.mjs
// and manifest-nodes.mjs.
import { DbtError } from './errors.mjs';
import { findRefs, findSources, renderSql } from './render.mjs';

/**
 * @typedef {import('./nodes.mjs').Node} Node
 * @typedef {import('./manifest.mjs').Source} Source
 * @typedef {import('./manifest.mjs').Parse} Parse
 */

/**
 * Resolves each SQL node's ref() and source() calls into dependencies, and compiles its code.
 * @param {Parse} parse
 * @param {Record<string, unknown>} vars
 */
export function linkSql(parse, vars) {
  const { profile } = parse;
  const target = {
    name: profile.targetName,
    schema: profile.schema,
    database: profile.database,
    type: profile.type,
  };
  for (const { node, raw } of parse.sql) {
    node.dependsOn = [
      ...new Set([
        ...findRefs(raw).map((name) => resolveRef(parse, name, node).uniqueId),
        ...findSources(raw).map(([s, t]) => resolveSource(parse, s, t, node).uniqueId),
      ]),
    ];
    node.compiledCode = renderSql(raw, {
      ref: (name) => String(resolveRef(parse, name, node).relationName),
      source: (s, t) => resolveSource(parse, s, t, node).relationName,
      vars,
      self: String(node.relationName),
      target,
      nodeLabel: `${node.resourceType} ${node.name} (${node.path})`,
      nodeName: node.name,
    });
  }
}

/**
 * @param {Parse} parse
 * @param {string} name
 * @param {Node | null} from null for a data test's argument
 */
export function resolveRef(parse, name, from) {
  const node = parse.byName.get(name);
  if (!node)
    throw new DbtError(
      errorKind(from),
      `${dependent(from)} depends on a node named '${name}' which was not found`,
    );
  return node;
}

/**
 * @param {Parse} parse
 * @param {string} source
 * @param {string} table
 * @param {Node | null} from
 * @returns {Source}
 */
export function resolveSource(parse, source, table, from) {
  const found = parse.sources.get(`source.${parse.project.name}.${source}.${table}`);
  if (!found) {
    throw new DbtError(
      errorKind(from),
      `${dependent(from)} depends on a source named '${source}.${table}' which was not found`,
    );
  }
  return found;
}

/** @param {Node | null} from */
const errorKind = (from) =>
  from
    ? `Compilation Error in ${from.resourceType} ${from.name} (${from.path})`
    : 'Compilation Error';

/** @param {Node | null} from */
const dependent = (from) =>
  from
    ? `${from.resourceType.charAt(0).toUpperCase()}${from.resourceType.slice(1)} '${from.uniqueId}' (${from.path})`
    : 'A data test';
