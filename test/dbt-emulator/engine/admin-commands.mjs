// @ts-check
// deps, debug, parse and clean: commands that never write run_results.json.
import process from 'node:process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { DbtError, runtimeError } from './errors.mjs';
import { parseManifest } from './manifest.mjs';
import { loadProfile, loadProject } from './project.mjs';
import { ADAPTER_VERSION } from './version.mjs';
import { foundLine, loadProjectAndProfile } from './node-command.mjs';

/**
 * @param {import('./node-command.mjs').Context} ctx
 * @returns {number}
 */
export function runDeps({ flags, env, cwd, log }) {
  const project = loadProject({
    projectDir: path.resolve(cwd, flags.project_dir),
    targetPathFlag: undefined,
    env,
  });
  const file = path.join(project.dir, 'packages.yml');
  const text = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const declared = /** @type {{ packages?: unknown } | null} */ (text ? parseYaml(text) : null);
  const packages = Array.isArray(declared?.packages) ? declared.packages : [];
  if (packages.length === 0) {
    log.line('Warning: No packages were found in packages.yml');
    return 0;
  }
  const lockFile = path.join(project.dir, 'package-lock.yml');
  log.line(`Updating lock file in file path: ${lockFile}`);
  const installDir = path.join(project.dir, project.packagesInstallPath);
  mkdirSync(installDir, { recursive: true });
  for (const entry of packages) {
    const spec = /** @type {Record<string, unknown>} */ (entry ?? {});
    const source = String(spec.package ?? spec.git ?? spec.local ?? 'unknown/package');
    const name = path.basename(source).replace(/\.git$/, '');
    const version = spec.version ?? spec.revision;
    const shown = String(
      Array.isArray(version) ? (version[0] ?? '1.0.0') : (version ?? '1.0.0'),
    ).replace(/^[<>=!~^ ]+/, '');
    log.line(`Installing ${source}`);
    mkdirSync(path.join(installDir, name), { recursive: true });
    writeFileSync(
      path.join(installDir, name, 'dbt_project.yml'),
      `name: '${name}'\nversion: '${shown}'\nconfig-version: 2\n`,
    );
    log.line(
      spec.local
        ? '  Installed from <local @ ' + source + '>'
        : `  Installed from version ${shown}`,
    );
    log.line('  Up to date!');
  }
  const sha1 = createHash('sha1').update(text).digest('hex');
  writeFileSync(lockFile, stringifyYaml({ packages, sha1_hash: sha1 }));
  return 0;
}

/**
 * dbt debug: reports configuration problems instead of failing on them; exit 1 when a check fails.
 * @param {import('./node-command.mjs').Context} ctx
 * @returns {number}
 */
export function runDebug(ctx) {
  const { flags, env, cwd, log, version } = ctx;
  const profilesDir = path.resolve(cwd, flags.profiles_dir);
  if (flags.config_dir === true) {
    log.line(`To view your profiles.yml file, run:\n\nxdg-open ${profilesDir}`);
    return 0;
  }
  const projectFile = path.join(path.resolve(cwd, flags.project_dir), 'dbt_project.yml');
  log.line(`dbt version: ${version.version}`);
  log.line('python version: 3.11.9 (simulated)');
  log.line(`os info: ${process.platform}`);
  log.line(`Using profiles dir at ${profilesDir}`);
  log.line(`Using profiles.yml file at ${path.join(profilesDir, 'profiles.yml')}`);
  log.line(`Using dbt_project.yml file at ${projectFile}`);
  /** @type {string[]} */
  const failures = [];
  let profileStatus = '[OK found and valid]';
  let projectStatus = '[OK found and valid]';
  let profile = null;
  try {
    const project = loadProject({
      projectDir: path.dirname(projectFile),
      targetPathFlag: undefined,
      env,
    });
    try {
      profile = loadProfile({
        profilesDir,
        profileName: /** @type {string | undefined} */ (flags.profile) ?? project.profileName,
        targetFlag: /** @type {string | undefined} */ (flags.target),
        env,
      });
    } catch (error) {
      const missing = !existsSync(path.join(profilesDir, 'profiles.yml'));
      profileStatus = missing ? '[ERROR not found]' : '[ERROR invalid]';
      failures.push(
        missing
          ? `dbt looked for a profiles.yml file in ${path.join(profilesDir, 'profiles.yml')}, but did\nnot find one. For more information on configuring your profile, consult the\ndocumentation:\n\nhttps://docs.getdbt.com/docs/configure-your-profile`
          : `Profile loading failed for the following reason:\n${error instanceof DbtError ? error.render() : String(error)}`,
      );
    }
  } catch (error) {
    projectStatus = existsSync(projectFile) ? '[ERROR invalid]' : '[ERROR not found]';
    failures.push(
      `Project loading failed for the following reason:\n${error instanceof DbtError ? error.render() : String(error)}`,
    );
  }
  if (profile) {
    log.line(`adapter type: ${profile.type}`);
    log.line(`adapter version: ${ADAPTER_VERSION}`);
  }
  log.line('Configuration:');
  log.line(`  profiles.yml file ${profileStatus}`);
  log.line(`  dbt_project.yml file ${projectStatus}`);
  log.line('Required dependencies:');
  log.line(' - git [OK found]');
  log.blank();
  if (profile) {
    log.line('Connection:');
    log.line(`  database: ${profile.database}`);
    log.line(`  schema: ${profile.schema}`);
    log.line(`Registered adapter: ${profile.type}=${ADAPTER_VERSION}`);
    log.line('  Connection test: [OK connection ok] (simulated: the emulator connects to nothing)');
    log.blank();
  }
  if (failures.length === 0) {
    log.line('All checks passed!');
    return 0;
  }
  log.line(`${failures.length} check${failures.length === 1 ? '' : 's'} failed:`);
  for (const failure of failures) log.line(`${failure}\n`);
  return 1;
}

/**
 * dbt parse: loads the project and reports what it found (the emulator writes no manifest.json).
 * @param {import('./node-command.mjs').Context} ctx
 * @returns {number}
 */
export function runParse(ctx) {
  const { project, profile } = loadProjectAndProfile(ctx);
  ctx.log.line(`Registered adapter: ${profile.type}=${ADAPTER_VERSION}`);
  const manifest = parseManifest({
    project,
    profile,
    vars: /** @type {Record<string, unknown>} */ (ctx.flags.vars),
  });
  ctx.log.line(`Found ${foundLine(manifest)}`);
  return 0;
}

/**
 * dbt clean: deletes clean-targets (default: the target path), refusing paths outside the project.
 * @param {import('./node-command.mjs').Context} ctx
 * @returns {number}
 */
export function runClean({ flags, env, cwd, log }) {
  const project = loadProject({
    projectDir: path.resolve(cwd, flags.project_dir),
    targetPathFlag: /** @type {string | undefined} */ (flags.target_path),
    env,
  });
  const protectedPaths = [
    ...project.modelPaths,
    ...project.seedPaths,
    ...project.snapshotPaths,
    '.',
  ].map((p) => path.resolve(project.dir, p));
  const targets = project.cleanTargets.map((t) => ({
    shown: t,
    abs: path.resolve(project.dir, t),
  }));
  const forbidden = targets.filter((t) => protectedPaths.includes(t.abs));
  if (forbidden.length > 0) {
    throw runtimeError(
      `dbt will not clean the following directories: ${pythonList(forbidden.map((t) => t.shown))}`,
    );
  }
  const outside = targets.filter(
    (t) =>
      path.relative(project.dir, t.abs).startsWith('..') ||
      path.isAbsolute(path.relative(project.dir, t.abs)),
  );
  if (outside.length > 0 && flags.clean_project_files_only !== false) {
    throw runtimeError(
      `dbt will not clean the following directories outside the project: ${pythonList(outside.map((t) => t.abs))}`,
    );
  }
  for (const target of targets) {
    log.line(`Checking ${target.shown}/*`);
    rmSync(target.abs, { recursive: true, force: true });
    log.line(`Cleaned ${target.shown}/*`);
  }
  log.line('Finished cleaning all paths.');
  return 0;
}

/** @param {string[]} items */
const pythonList = (items) => `[${items.map((i) => `'${i}'`).join(', ')}]`;
