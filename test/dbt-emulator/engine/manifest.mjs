// @ts-check
// Parsing a project into dbt's node graph: models, seeds, snapshots, sources and data tests, with
// unique_ids, dependencies and compiled code.
import process from 'node:process';
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { DbtError, compilationError } from './errors.mjs';
import { findConfig, findRefs, findSources, renderSql } from './render.mjs';
import { genericTestName, parsePropertyFile } from './schema-files.mjs';
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
 *
 * @typedef {object} Manifest
 * @property {string} projectName
 * @property {Map<string, Node>} nodes in parse order
 * @property {Map<string, { uniqueId: string, relationName: string }>} sources
 * @property {Map<string, string[]>} children unique_id → direct dependents (sources included)
 */

/** dbt-postgres ships about this many macros; only printed in the "Found ..." line. */
export const MACRO_COUNT = 471;

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
 * @param {{ project: import('./project.mjs').Project, profile: import('./project.mjs').Profile,
 *   vars: Record<string, unknown> }} input
 * @returns {Manifest}
 */
export function parseManifest({ project, profile, vars }) {
  checkPackagesInstalled(project);
  const allVars = { ...project.vars, ...vars };
  const files = collectFiles(project);
  /** @type {Map<string, Node>} */
  const nodes = new Map();
  /** @type {Map<string, Node>} */
  const byName = new Map();
  /** @type {Map<string, { node: Node, raw: string }>} */
  const sqlNodes = new Map();
  const reader = propertyFileReader(project);
  const properties = files.yaml.map((file) => reader.read(file.abs, file.rel));
  reader.save();
  const yamlConfigs = new Map(properties.flatMap((p) => [...p.configs]));

  /** @param {Node} node */
  const add = (node) => {
    const existing = byName.get(node.name);
    if (existing && node.resourceType !== 'test') {
      throw compilationError(
        `dbt found two ${existing.resourceType}s with the name "${node.name}".\n\n` +
          `Since these resources have the same name, dbt will be unable to find the correct resource\nwhen looking for ref("${node.name}").\n\n` +
          `To fix this, change the name of one of these resources:\n- ${existing.uniqueId} (${existing.path})\n- ${node.uniqueId} (${node.path})`,
      );
    }
    if (node.resourceType !== 'test') byName.set(node.name, node);
    nodes.set(node.uniqueId, node);
  };

  for (const file of files.seeds) {
    const name = path.posix.basename(file.rel, '.csv');
    const config = {
      ...treeConfig(project.seedsConfig, project.name, file.dirs),
      ...(yamlConfigs.get(name) ?? {}),
    };
    if (config.enabled === false) continue;
    const schema = schemaFor(profile, config);
    const rows =
      readFileSync(file.abs, 'utf8')
        .split(/\r?\n/)
        .filter((l) => l.trim()).length - 1;
    add(
      newNode({
        resourceType: 'seed',
        name,
        path: file.rel,
        fqn: [project.name, ...file.dirs, name],
        config,
        schema,
        profile,
        rows: Math.max(rows, 0),
      }),
    );
  }
  for (const file of files.models) {
    const name = path.posix.basename(file.rel, '.sql');
    const raw = readFileSync(file.abs, 'utf8');
    const config = {
      ...treeConfig(project.modelsConfig, project.name, file.dirs),
      ...(yamlConfigs.get(name) ?? {}),
      ...findConfig(raw),
    };
    if (config.enabled === false) continue;
    const node = newNode({
      resourceType: 'model',
      name,
      path: file.rel,
      fqn: [project.name, ...file.dirs, name],
      config,
      schema: schemaFor(profile, config),
      profile,
      rows: simulatedRows(name),
    });
    add(node);
    sqlNodes.set(node.uniqueId, { node, raw });
  }
  for (const file of files.snapshots) {
    const raw = readFileSync(file.abs, 'utf8');
    for (const block of raw.matchAll(
      /\{%-?\s*snapshot\s+(\w+)\s*-?%\}([\s\S]*?)\{%-?\s*endsnapshot\s*-?%\}/g,
    )) {
      const name = /** @type {string} */ (block[1]);
      const body = /** @type {string} */ (block[2]);
      const config = {
        ...(yamlConfigs.get(name) ?? {}),
        ...findConfig(body),
        materialized: 'snapshot',
      };
      if (config.enabled === false) continue;
      const schema =
        typeof config.target_schema === 'string'
          ? config.target_schema
          : schemaFor(profile, config);
      const node = newNode({
        resourceType: 'snapshot',
        name,
        path: file.rel,
        fqn: [project.name, ...file.dirs, name, name],
        config,
        schema,
        profile,
        rows: simulatedRows(name),
      });
      add(node);
      sqlNodes.set(node.uniqueId, { node, raw: body });
    }
  }

  const sources = new Map();
  for (const table of properties.flatMap((p) => p.sources)) {
    const uniqueId = `source.${project.name}.${table.sourceName}.${table.tableName}`;
    const relationName = quote(
      table.database ?? profile.database,
      table.schema ?? table.sourceName,
      table.identifier ?? table.tableName,
    );
    sources.set(uniqueId, { uniqueId, relationName });
  }

  const resolve = refResolver({ project, byName, sources });
  for (const { node, raw } of sqlNodes.values()) {
    const label = `${node.resourceType} ${node.name} (${node.path})`;
    node.dependsOn = unique([
      ...findRefs(raw).map((name) => resolve.ref(name, node).uniqueId),
      ...findSources(raw).map(([s, t]) => resolve.source(s, t, node).uniqueId),
    ]);
    node.compiledCode = renderSql(raw, {
      ref: (name) => /** @type {string} */ (resolve.ref(name, node).relationName),
      source: (s, t) => resolve.source(s, t, node).relationName,
      vars: allVars,
      self: /** @type {string} */ (node.relationName),
      target: {
        name: profile.targetName,
        schema: profile.schema,
        database: profile.database,
        type: profile.type,
      },
      nodeLabel: label,
      nodeName: node.name,
    });
  }

  for (const test of properties.flatMap((p) => p.tests)) {
    if (test.config.enabled === false) continue;
    const attached =
      test.attachedKind === 'source'
        ? resolve.source(...splitSource(test.attachedName), null)
        : byName.get(test.attachedName);
    if (!attached) continue; // dbt ignores properties of resources that do not exist (with a warning)
    const refs =
      typeof test.args.to === 'string'
        ? findRefs(test.args.to).map((n) => resolve.ref(n, null))
        : [];
    const name = genericTestName(test);
    const hash = hexHash(`${name}|${test.path}|${JSON.stringify(test.args)}`).slice(0, 10);
    const dirs = path.posix.dirname(test.path).split('/').slice(1);
    /** @type {Node} */
    const node = {
      uniqueId: `test.${project.name}.${name}.${hash}`,
      resourceType: 'test',
      name,
      path: test.path,
      fqn: [project.name, ...dirs, name],
      tags: asStrings(test.config.tags),
      materialized: 'test',
      schema: `${profile.schema}_dbt_test__audit`,
      relationName: null,
      dependsOn: unique([attached.uniqueId, ...refs.map((r) => r.uniqueId)]),
      compiledCode: compileTestSql(test, attached.relationName ?? '', refs[0]?.relationName ?? ''),
      compiledPath: `target/compiled/${project.name}/${test.path}/${shortTestName(name, test)}.sql`,
      rows: 0,
      severity: String(test.config.severity ?? 'error').toLowerCase() === 'warn' ? 'warn' : 'error',
      attachedNode: attached.uniqueId,
      testType: test.testType,
    };
    add(node);
  }
  return { projectName: project.name, nodes, sources, children: childrenOf(nodes) };
}

/**
 * @param {{ project: import('./project.mjs').Project, byName: Map<string, Node>,
 *   sources: Map<string, { uniqueId: string, relationName: string }> }} input
 */
function refResolver({ project, byName, sources }) {
  /** @param {Node | null} from */
  const where = (from) =>
    from ? `${capitalize(from.resourceType)} '${from.uniqueId}' (${from.path})` : 'A data test';
  /** @param {Node | null} from */
  const kind = (from) =>
    from
      ? `Compilation Error in ${from.resourceType} ${from.name} (${from.path})`
      : 'Compilation Error';
  return {
    /** @type {(name: string, from: Node | null) => Node} */
    ref(name, from) {
      const node = byName.get(name);
      if (!node)
        throw new DbtError(
          kind(from),
          `${where(from)} depends on a node named '${name}' which was not found`,
        );
      return node;
    },
    /** @type {(source: string, table: string, from: Node | null) => { uniqueId: string, relationName: string }} */
    source(source, table, from) {
      const found = sources.get(`source.${project.name}.${source}.${table}`);
      if (!found) {
        throw new DbtError(
          kind(from),
          `${where(from)} depends on a source named '${source}.${table}' which was not found`,
        );
      }
      return found;
    },
  };
}

/**
 * @param {{ resourceType: ResourceType, name: string, path: string, fqn: string[],
 *   config: Record<string, unknown>, schema: string, profile: import('./project.mjs').Profile, rows: number }} input
 * @returns {Node}
 */
function newNode({ resourceType, name, path: file, fqn, config, schema, profile, rows }) {
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
function treeConfig(tree, projectName, dirs) {
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
function schemaFor(profile, config) {
  return typeof config.schema === 'string' ? `${profile.schema}_${config.schema}` : profile.schema;
}

/** @param {import('./project.mjs').Project} project */
function collectFiles(project) {
  /** @param {string[]} roots @param {string} ext */
  const walk = (roots, ext) => {
    /** @type {{ abs: string, rel: string, dirs: string[] }[]} */
    const found = [];
    for (const root of roots) {
      /** @param {string} relDir */
      const visit = (relDir) => {
        const abs = path.join(project.dir, relDir);
        if (!existsSync(abs)) return;
        for (const entry of readdirSync(abs, { withFileTypes: true }).sort((a, b) =>
          a.name.localeCompare(b.name),
        )) {
          const rel = `${relDir}/${entry.name}`;
          if (entry.isDirectory()) visit(rel);
          else if (ext.split('|').some((e) => entry.name.endsWith(e))) {
            found.push({ abs: path.join(project.dir, rel), rel, dirs: relDir.split('/').slice(1) });
          }
        }
      };
      visit(root.replace(/\/+$/, ''));
    }
    return found;
  };
  return {
    models: walk(project.modelPaths, '.sql'),
    seeds: walk(project.seedPaths, '.csv'),
    snapshots: walk(project.snapshotPaths, '.sql'),
    yaml: walk(
      [...project.modelPaths, ...project.seedPaths, ...project.snapshotPaths],
      '.yml|.yaml',
    ),
  };
}

/**
 * Parsing fails when packages.yml names more packages than `dbt deps` installed.
 * @param {import('./project.mjs').Project} project
 */
function checkPackagesInstalled(project) {
  const file = path.join(project.dir, 'packages.yml');
  if (!existsSync(file)) return;
  const declared = /** @type {{ packages?: unknown[] } | null} */ (
    parseYaml(readFileSync(file, 'utf8'))
  );
  const wanted = Array.isArray(declared?.packages) ? declared.packages.length : 0;
  const installDir = path.join(project.dir, project.packagesInstallPath);
  const installed = existsSync(installDir) ? readdirSync(installDir).length : 0;
  if (installed < wanted) {
    throw compilationError(
      `dbt found ${wanted} package(s) specified in packages.yml, but only ${installed} package(s) installed in ${project.packagesInstallPath}. Run "dbt deps" to install package dependencies.`,
    );
  }
}

/** Property files above this size are parsed once and cached by content (YAML parsing is slow). */
const CACHE_FROM_BYTES = 64 * 1024;

/**
 * The emulator's stand-in for dbt's partial parsing: parsed property files kept in
 * `<target>/.dbt-emulator-parse-cache.json`, keyed by a hash of path and content.
 * @param {import('./project.mjs').Project} project
 */
function propertyFileReader(project) {
  const file = path.join(
    path.resolve(project.dir, project.targetPath),
    '.dbt-emulator-parse-cache.json',
  );
  /** @type {Record<string, unknown>} */
  let cached = {};
  try {
    cached = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    // no cache yet
  }
  /** @type {Record<string, unknown>} */
  const used = {};
  let changed = false;
  return {
    /**
     * @param {string} abs
     * @param {string} rel
     * @returns {import('./schema-files.mjs').PropertyFile}
     */
    read(abs, rel) {
      const text = readFileSync(abs, 'utf8');
      if (text.length < CACHE_FROM_BYTES) return parsePropertyFile(text, rel);
      const key = createHash('sha256').update(`${rel}\n${text}`).digest('hex');
      const hit =
        /** @type {{ sources: [], tests: [], configs: [string, Record<string, unknown>][] } | undefined} */ (
          cached[key]
        );
      if (hit) {
        used[key] = hit;
        return { ...hit, configs: new Map(hit.configs) };
      }
      const parsed = parsePropertyFile(text, rel);
      used[key] = { ...parsed, configs: [...parsed.configs] };
      changed = true;
      return parsed;
    },
    save() {
      if (!changed && Object.keys(used).length === Object.keys(cached).length) return;
      try {
        mkdirSync(path.dirname(file), { recursive: true });
        const temp = `${file}.${process.pid}.tmp`;
        writeFileSync(temp, JSON.stringify(used));
        renameSync(temp, file);
      } catch {
        // a cache that cannot be written only costs time
      }
    },
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

/** A stable, plausible row count per model, so adapter responses differ between models. */
function simulatedRows(/** @type {string} */ name) {
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
const quote = (database, schema, identifier) => `"${database}"."${schema}"."${identifier}"`;

/** @param {string} text */
const capitalize = (text) => text.charAt(0).toUpperCase() + text.slice(1);

/** @param {string} name */
function splitSource(name) {
  const dot = name.indexOf('.');
  return /** @type {[string, string]} */ ([name.slice(0, dot), name.slice(dot + 1)]);
}

/** @type {(value: unknown) => string[]} */
const asStrings = (value) =>
  Array.isArray(value) ? value.map(String) : typeof value === 'string' ? [value] : [];

/** @type {(items: string[]) => string[]} */
const unique = (items) => [...new Set(items)];
