// @ts-check
// Reading a project's files: which SQL, CSV and YAML files it has, whether its packages are
// installed, and its property files (parsed once and cached, as dbt's partial parsing does).
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
import process from 'node:process';
import { parse as parseYaml } from 'yaml';
import { compilationError } from './errors.mjs';
import { parsePropertyFile } from './schema-files.mjs';

/** @typedef {{ abs: string, rel: string, dirs: string[] }} ProjectFile rel: posix, from the project root */

/**
 * The model, seed, snapshot, singular test and property files of a project, in a stable order.
 * @param {import('./project.mjs').Project} project
 */
export function collectFiles(project) {
  /** @param {string[]} roots @param {string} ext */
  const walk = (roots, ext) => {
    /** @type {ProjectFile[]} */
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
    tests: walk(project.testPaths, '.sql'),
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
export function checkPackagesInstalled(project) {
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
export function propertyFileReader(project) {
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

/**
 * Data rows of a seed file (lines after the header).
 * @param {string} file
 */
export function countCsvRows(file) {
  const lines = readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .filter((l) => l.trim()).length;
  return Math.max(lines - 1, 0);
}
