#!/usr/bin/env node
// Real dbt for tests, the demo and the benchmark: one project-local virtualenv per pinned dbt-core
// version (`.venv-dbt/<version>/`), installed from `test/real-dbt/requirements/dbt-<version>.txt`
// and reused while that file's hash is unchanged. When python3, venv, pip or the package index are
// missing, it fails with one line that says what to install; it never skips silently.
//
//   node scripts/dbt-venv.mjs            # every pinned version
//   node scripts/dbt-venv.mjs 1.11       # one version
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const requirementsDir = path.join(repoRoot, 'test/real-dbt/requirements');
const venvRoot = path.join(repoRoot, '.venv-dbt');
const STAMP = '.requirements-sha256';

/** The newest pinned version first: the one the full scenario set runs on. */
export const DBT_VERSIONS = readdirSync(requirementsDir)
  .flatMap((name) => /^dbt-(\d+\.\d+)\.txt$/.exec(name)?.slice(1) ?? [])
  .sort((a, b) => compareVersions(b, a));

/** The newest and the oldest pinned dbt-core minor. */
export const NEWEST_DBT = DBT_VERSIONS[0];
export const FLOOR_DBT = DBT_VERSIONS[DBT_VERSIONS.length - 1];

/** A failure the user can act on: one line. */
export class DbtVenvError extends Error {}

/** The `bin` directory of a version's virtualenv (whether or not it exists yet). */
export function dbtBinDir(version) {
  return path.join(venvRoot, version, 'bin');
}

/** The environment every dbt process gets: the venv first on PATH, no tracking. */
export function dbtEnv(version, env = process.env) {
  return {
    ...env,
    PATH: `${dbtBinDir(version)}${path.delimiter}${env.PATH ?? ''}`,
    DO_NOT_TRACK: '1',
  };
}

/**
 * Make sure the version's virtualenv exists with exactly the pinned packages; returns its bin
 * directory and how long the install took (0 when it was reused). Throws DbtVenvError.
 */
export function ensureDbtVenv(version, log = (line) => process.stderr.write(`${line}\n`)) {
  const requirements = path.join(requirementsDir, `dbt-${version}.txt`);
  if (!existsSync(requirements)) {
    throw new DbtVenvError(
      `no pinned dbt ${version}: ${path.relative(repoRoot, requirements)} is missing`,
    );
  }
  const text = readFileSync(requirements, 'utf8');
  const hash = createHash('sha256').update(text).digest('hex');
  const dir = path.join(venvRoot, version);
  const stamp = path.join(dir, STAMP);
  if (
    existsSync(stamp) &&
    readFileSync(stamp, 'utf8').trim() === hash &&
    existsSync(path.join(dir, 'bin/dbt'))
  ) {
    return { binDir: dbtBinDir(version), seconds: 0 };
  }
  const started = performance.now();
  const python = findPython();
  const pins = text
    .split('\n')
    .filter((line) => /^(dbt-core|dbt-duckdb|duckdb|mashumaro)==/i.test(line));
  log(
    `dbt-venv: installing dbt ${version} into ${path.relative(repoRoot, dir)} (${pins.join(', ')}; full list in ${path.relative(repoRoot, requirements)})`,
  );
  rmSync(dir, { recursive: true, force: true });
  run(
    python,
    ['-m', 'venv', dir],
    'python3 cannot create a virtualenv: install the venv module (e.g. apt-get install python3-venv)',
  );
  const pip = path.join(dir, 'bin/pip');
  run(
    pip,
    ['install', '--quiet', '--disable-pip-version-check', '--no-input', '-r', requirements],
    `pip could not install dbt ${version} from the Python package index: make sure pip can reach it (pip config list; PIP_INDEX_URL), then run "node scripts/dbt-venv.mjs ${version}"`,
  );
  writeFileSync(stamp, `${hash}\n`);
  const seconds = (performance.now() - started) / 1000;
  log(`dbt-venv: dbt ${version} installed in ${seconds.toFixed(1)} s`);
  return { binDir: dbtBinDir(version), seconds };
}

/** Packages whose installed versions `installedPackages` reports. */
const REPORTED_PACKAGES = ['dbt-core', 'dbt-duckdb', 'duckdb'];

/**
 * The versions actually installed in a version's virtualenv, asked of its own Python (the
 * metadata `pip show` reads; not `dbt --version`, which looks up the package index):
 * `{ 'dbt-core': '1.11.16', 'dbt-duckdb': '1.11.1', duckdb: '…' }`. Throws DbtVenvError.
 */
export function installedPackages(version) {
  const python = path.join(venvRoot, version, 'bin/python');
  const script = `import importlib.metadata as m\nfor p in ${JSON.stringify(REPORTED_PACKAGES)}: print(p, m.version(p))`;
  const result = spawnSync(python, ['-c', script], { encoding: 'utf8' });
  if (result.status !== 0) {
    const last = `${result.stderr ?? ''}${result.error?.message ?? ''}`.trim().split('\n').at(-1);
    throw new DbtVenvError(
      `cannot read the installed dbt packages of ${path.relative(repoRoot, path.join(venvRoot, version))}: run "node scripts/dbt-venv.mjs ${version}" (${last ?? 'no output'})`,
    );
  }
  return Object.fromEntries(
    result.stdout
      .trim()
      .split('\n')
      .map((line) => line.trim().split(/\s+/)),
  );
}

/** One line for a log: `dbt 1.11: dbt-core 1.11.16, dbt-duckdb 1.11.1, duckdb 1.4.3 (.venv-dbt/1.11)`. */
export function describeInstalled(version) {
  const installed = installedPackages(version);
  const list = REPORTED_PACKAGES.map((name) => `${name} ${installed[name] ?? '?'}`).join(', ');
  return `dbt ${version}: ${list} (${path.relative(repoRoot, path.join(venvRoot, version))})`;
}

function findPython() {
  for (const candidate of [process.env.GH_RETRY_PYTHON, 'python3', 'python'].filter(Boolean)) {
    const probe = spawnSync(
      candidate,
      ['-c', 'import sys; print(sys.version_info[:2] >= (3, 10))'],
      { encoding: 'utf8' },
    );
    if (probe.status === 0 && probe.stdout.trim() === 'True') return candidate;
  }
  throw new DbtVenvError(
    'real dbt needs Python 3.10 or newer: install python3 (with venv and pip) or set GH_RETRY_PYTHON to one',
  );
}

function run(program, args, failure) {
  const result = spawnSync(program, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (result.status === 0) return;
  const last = `${result.stderr ?? ''}${result.error?.message ?? ''}`
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('WARNING: Location'))
    .at(-1);
  throw new DbtVenvError(`${failure}${last === undefined ? '' : ` (${last})`}`);
}

function compareVersions(a, b) {
  const [a1, a2] = a.split('.').map(Number);
  const [b1, b2] = b.split('.').map(Number);
  return a1 - b1 || a2 - b2;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const wanted = process.argv.slice(2);
  try {
    for (const version of wanted.length > 0 ? wanted : DBT_VERSIONS) {
      const { seconds } = ensureDbtVenv(version);
      process.stdout.write(`${describeInstalled(version)}${seconds === 0 ? ', reused' : ''}\n`);
    }
  } catch (error) {
    if (!(error instanceof DbtVenvError)) throw error;
    process.stderr.write(`dbt-venv: ${error.message}\n`);
    process.exit(1);
  }
}
