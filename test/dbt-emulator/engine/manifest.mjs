// @ts-check
// Parsing a project into dbt's node graph: models, seeds, snapshots, sources and data tests, with
// unique_ids, dependencies and compiled code.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DbtError, compilationError } from './errors.mjs';
import { newNode, quote, schemaFor, simulatedRows, testNode, treeConfig } from './nodes.mjs';
import {
  checkPackagesInstalled,
  collectFiles,
  countCsvRows,
  propertyFileReader,
} from './project-files.mjs';
import { findConfig, findRefs, findSources, renderSql } from './render.mjs';

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

/**
 * @param {Parse} parse
 * @param {Node} node
 */
function add(parse, node) {
  const existing = parse.byName.get(node.name);
  if (existing && node.resourceType !== 'test') {
    throw compilationError(
      `dbt found two ${existing.resourceType}s with the name "${node.name}".\n\n` +
        `Since these resources have the same name, dbt will be unable to find the correct resource\nwhen looking for ref("${node.name}").\n\n` +
        `To fix this, change the name of one of these resources:\n- ${existing.uniqueId} (${existing.path})\n- ${node.uniqueId} (${node.path})`,
    );
  }
  if (node.resourceType !== 'test') parse.byName.set(node.name, node);
  parse.nodes.set(node.uniqueId, node);
}

/**
 * Adds the node a project file declares, unless its config disables it: the project tree's config,
 * then property files', then the SQL's own `config()`, then `fixed`. A node with SQL is queued for
 * linking. Named after the file unless `name` says otherwise. Seeds count their CSV rows, data
 * tests return none, other nodes simulate a count.
 * @param {Parse} parse
 * @param {{ resourceType: import('./nodes.mjs').ResourceType, file: ProjectFile, name?: string,
 *   sql?: string, treeConfig?: Record<string, unknown>, fixed?: Record<string, unknown>,
 *   schema?: (config: Record<string, unknown>) => string, fqnName?: string[] }} spec
 * @returns {{ node: Node, config: Record<string, unknown> } | undefined}
 */
function addFileNode(parse, spec) {
  const { project, profile } = parse;
  const { resourceType, file, sql } = spec;
  const name = spec.name ?? path.posix.basename(file.rel, path.posix.extname(file.rel));
  const config = {
    ...spec.treeConfig,
    ...(parse.yamlConfigs.get(name) ?? {}),
    ...(sql === undefined ? {} : findConfig(sql)),
    ...spec.fixed,
  };
  if (config.enabled === false) return undefined;
  const rows =
    resourceType === 'seed'
      ? countCsvRows(file.abs)
      : resourceType === 'test'
        ? 0
        : simulatedRows(name);
  const node = newNode({
    resourceType,
    name,
    path: file.rel,
    fqn: [project.name, ...file.dirs, ...(spec.fqnName ?? [name])],
    config,
    schema: spec.schema ? spec.schema(config) : schemaFor(profile, config),
    profile,
    rows,
  });
  add(parse, node);
  if (sql !== undefined) parse.sql.push({ node, raw: sql });
  return { node, config };
}

/**
 * The nodes of a project's files: seeds and models configured first by the project tree,
 * `{% snapshot name %} … {% endsnapshot %}` blocks, and singular data tests (one
 * `test.<project>.<file name>` per SQL file under the test paths, failing when it returns rows:
 * here when its marker says so).
 * @param {Parse} parse
 * @param {ReturnType<typeof collectFiles>} files
 */
function addFileNodes(parse, files) {
  const { project, profile } = parse;
  /** @type {(file: ProjectFile, config: Record<string, unknown>) => Record<string, unknown>} */
  const tree = (file, config) => treeConfig(config, project.name, file.dirs);
  for (const file of files.seeds)
    addFileNode(parse, { resourceType: 'seed', file, treeConfig: tree(file, project.seedsConfig) });
  for (const file of files.models) {
    const sql = readFileSync(file.abs, 'utf8');
    addFileNode(parse, {
      resourceType: 'model',
      file,
      sql,
      treeConfig: tree(file, project.modelsConfig),
    });
  }
  const block = /\{%-?\s*snapshot\s+(\w+)\s*-?%\}([\s\S]*?)\{%-?\s*endsnapshot\s*-?%\}/g;
  for (const file of files.snapshots) {
    for (const [, name = '', body = ''] of readFileSync(file.abs, 'utf8').matchAll(block)) {
      addFileNode(parse, {
        resourceType: 'snapshot',
        file,
        name,
        sql: body,
        fixed: { materialized: 'snapshot' },
        schema: (config) =>
          typeof config.target_schema === 'string'
            ? config.target_schema
            : schemaFor(profile, config),
        fqnName: [name, name],
      });
    }
  }
  for (const file of files.tests) {
    const added = addFileNode(parse, {
      resourceType: 'test',
      file,
      sql: readFileSync(file.abs, 'utf8'),
      schema: () => `${profile.schema}_dbt_test__audit`,
    });
    if (!added) continue;
    const { node, config } = added;
    node.materialized = 'test';
    node.relationName = null;
    node.severity = String(config.severity ?? 'error').toLowerCase() === 'warn' ? 'warn' : 'error';
  }
}

/**
 * Resolves each SQL node's ref() and source() calls into dependencies, and compiles its code.
 * @param {Parse} parse
 * @param {Record<string, unknown>} vars
 */
function linkSql(parse, vars) {
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
 * @param {import('./schema-files.mjs').TestDeclaration[]} tests
 */
function addTests(parse, tests) {
  for (const test of tests) {
    if (test.config.enabled === false) continue;
    const dot = test.attachedName.indexOf('.');
    const attached =
      test.attachedKind === 'source'
        ? resolveSource(
            parse,
            test.attachedName.slice(0, dot),
            test.attachedName.slice(dot + 1),
            null,
          )
        : parse.byName.get(test.attachedName);
    if (!attached) continue; // dbt ignores properties of resources that do not exist (with a warning)
    const refs =
      typeof test.args.to === 'string'
        ? findRefs(test.args.to).map((n) => resolveRef(parse, n, null))
        : [];
    add(
      parse,
      testNode({
        test,
        projectName: parse.project.name,
        schema: parse.profile.schema,
        attached,
        refs,
      }),
    );
  }
}

/**
 * @param {Parse} parse
 * @param {string} name
 * @param {Node | null} from null for a data test's argument
 */
function resolveRef(parse, name, from) {
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
function resolveSource(parse, source, table, from) {
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
