// @ts-check
// Parsing a project into dbt's node graph: models, seeds, snapshots, sources and data tests, with
// unique_ids, dependencies and compiled code. This file runs one parse and holds its types;
// manifest-nodes.mjs adds the nodes of files and property files, manifest-links.mjs resolves
// ref() and source() and compiles the SQL.
import { quote } from './nodes.mjs';
import { checkPackagesInstalled, collectFiles, propertyFileReader } from './project-files.mjs';
import { linkSql } from './manifest-links.mjs';
import { addFileNodes, addTests } from './manifest-nodes.mjs';

/**
 * @typedef {import('./nodes.mjs').Node} Node
 * @typedef {import('./project-files.mjs').ProjectFile} ProjectFile
 * @typedef {import('./nodes.mjs').Manifest} Manifest
 * @typedef {{ uniqueId: string, relationName: string }} Source
 * @typedef {object} Parse the state of one parse
 * @property {import('./project.mjs').Project} project
 * @property {import('./project.mjs').Profile} profile
 * @property {Map<string, Node>} nodes
 * @property {Map<string, Node>} byName models, seeds and snapshots, for ref()
 * @property {Map<string, Source>} sources
 * @property {{ node: Node, raw: string }[]} sql nodes whose SQL still needs linking and compiling
 * @property {Map<string, Record<string, unknown>>} yamlConfigs
 */

/** dbt-postgres ships about this many macros; only printed in the "Found ..." line. */
export const MACRO_COUNT = 471;

/**
 * @param {{ project: import('./project.mjs').Project, profile: import('./project.mjs').Profile,
 *   vars: Record<string, unknown> }} input
 * @returns {Manifest}
 */
export function parseManifest({ project, profile, vars }) {
  checkPackagesInstalled(project);
  const files = collectFiles(project);
  const reader = propertyFileReader(project);
  const properties = files.yaml.map((file) => reader.read(file.abs, file.rel));
  reader.save();
  /** @type {Parse} */
  const parse = {
    project,
    profile,
    nodes: new Map(),
    byName: new Map(),
    sources: new Map(),
    sql: [],
    yamlConfigs: new Map(properties.flatMap((p) => [...p.configs])),
  };
  addFileNodes(parse, files);
  for (const table of properties.flatMap((p) => p.sources)) {
    const uniqueId = `source.${project.name}.${table.sourceName}.${table.tableName}`;
    const database = table.database ?? profile.database;
    const relationName = quote(
      database,
      table.schema ?? table.sourceName,
      table.identifier ?? table.tableName,
    );
    parse.sources.set(uniqueId, { uniqueId, relationName });
  }
  linkSql(parse, { ...project.vars, ...vars });
  addTests(
    parse,
    properties.flatMap((p) => p.tests),
  );
  return {
    projectName: project.name,
    nodes: parse.nodes,
    sources: parse.sources,
    children: childrenOf(parse.nodes),
  };
}

/** @param {Map<string, Node>} nodes */
function childrenOf(nodes) {
  /** @type {Map<string, string[]>} */
  const children = new Map();
  for (const node of nodes.values()) {
    for (const parent of node.dependsOn) {
      const list = children.get(parent);
      if (list) list.push(node.uniqueId);
      else children.set(parent, [node.uniqueId]);
    }
  }
  return children;
}
