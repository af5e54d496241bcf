// @ts-check
// The nodes of a parse: seeds, models, snapshots and singular data tests from the project's files,
// configured by the project tree, property files and their own config(); and the generic data
// tests that property files declare. Rejects two resources with the same name. Used by
// manifest.mjs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { compilationError } from './errors.mjs';
import { resolveRef, resolveSource } from './manifest-links.mjs';
import { newNode, schemaFor, simulatedRows, testNode, treeConfig } from './nodes.mjs';
import { countCsvRows } from './project-files.mjs';
import { findConfig, findRefs } from './render.mjs';

/**
 * @typedef {import('./nodes.mjs').Node} Node
 * @typedef {import('./project-files.mjs').ProjectFile} ProjectFile
 * @typedef {import('./manifest.mjs').Parse} Parse
 */

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
 * @param {ReturnType<typeof import('./project-files.mjs').collectFiles>} files
 */
export function addFileNodes(parse, files) {
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
 * @param {Parse} parse
 * @param {import('./schema-files.mjs').TestDeclaration[]} tests
 */
export function addTests(parse, tests) {
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
