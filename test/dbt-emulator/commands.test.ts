// The emulated dbt command line: usage errors, deps/debug/parse/clean, profiles and selection.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { downstreamOf, makeTempDir, readRunResults, runDbt } from './dbt-process.js';
import { makeProject, type GeneratedProject } from './make-project.mjs';

let project: GeneratedProject;
let remove: () => void;

beforeAll(() => {
  const temp = makeTempDir();
  remove = temp.remove;
  project = makeProject({ dir: temp.dir, models: 15, seed: 11 });
});
afterAll(() => {
  remove();
});

describe('click-style usage errors (exit 2, stderr)', () => {
  it.each([
    ['dbt retry --select stg_x', 'dbt retry', 'No such option: --select'],
    ['dbt rn', 'dbt', "No such command 'rn'."],
    [
      'dbt run --selct stg_x',
      'dbt run',
      'No such option: --selct (Possible options: --select, --selector',
    ],
    [
      'dbt run --threads many',
      'dbt run',
      "Invalid value for '--threads': 'many' is not a valid integer.",
    ],
    ['dbt run extra', 'dbt run', 'Got unexpected extra argument (extra)'],
    ['dbt run --target-path', 'dbt run', "Option '--target-path' requires an argument."],
    [
      "dbt run --vars '[1, 2]'",
      'dbt run',
      "Invalid value for '--vars': The --vars argument must be a YAML dictionary",
    ],
    ['dbt test --full-refresh', 'dbt test', 'No such option: --full-refresh'],
  ])('%s', async (command, usage, message) => {
    const run = await runDbt(command, { cwd: project.dir });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain(`Usage: ${usage} [OPTIONS]`);
    expect(run.stderr).toContain(`Try '${usage} -h' for help.\n\nError: ${message}`);
    expect(existsSync(path.join(project.dir, 'target', 'run_results.json'))).toBe(false);
  });

  it('accepts the flags dbt retry takes, and global flags before or after the command', async () => {
    const retry = await runDbt(
      'dbt --no-use-colors retry --project-dir . --profiles-dir . --threads 2 --vars "{}" --target-path target --full-refresh --warn-error',
      { cwd: project.dir },
    );
    expect(retry.exitCode).toBe(2); // no previous run: a runtime error, not a usage error
    expect(retry.stderr).toBe('');
    expect(retry.stdout).toContain("Could not find previous run in 'target' target directory");
  });

  // E2 of the dbt ground truth: dbt-core's Flags() refuses a flag given on both sides (exit 2).
  it.each([
    ['dbt --state target retry --state target', 'state'],
    ['dbt --warn-error run --warn-error', 'warn_error'],
  ])('%s: given before and after the subcommand is an error', async (command, key) => {
    const run = await runDbt(command, { cwd: project.dir });
    expect(run.exitCode).toBe(2);
    expect(run.stdout).toContain(
      `Encountered an error:\n${key} was provided both before and after the subcommand, it can only be set either before or after.`,
    );
    expect(run.stdout).not.toContain('Running with dbt=');
    expect(existsSync(path.join(project.dir, 'target', 'run_results.json'))).toBe(false);
  });

  it('names itself as a simulation on the first line of every output, and in --version', async () => {
    const version = await runDbt('dbt --version', { cwd: project.dir });
    expect(version.exitCode).toBe(0);
    expect(version.stdout).toMatch(
      /^gh-retry dbt emulator \(simulated dbt-core 1\.10\.\d+, not real dbt/,
    );
    expect(version.stdout).toContain('  - installed: 1.10.');
    const emulated = await runDbt('dbt --version', {
      cwd: project.dir,
      env: { DBT_EMULATOR_VERSION: '1.9.4' },
    });
    expect(emulated.stdout).toContain('  - installed: 1.9.4');
    const notEmulated = await runDbt('dbt ls', { cwd: project.dir });
    expect(notEmulated.exitCode).toBe(2);
    expect(notEmulated.stdout).toContain("dbt emulator: 'dbt ls' is not emulated");
  });
});

describe('commands that write no run_results.json', () => {
  it('deps installs packages.yml into dbt_packages/ and writes package-lock.yml; parsing needs them', async () => {
    const { dir, remove: cleanup } = makeTempDir();
    try {
      makeProject({ dir, models: 3 });
      writeFileSync(
        path.join(dir, 'packages.yml'),
        'packages:\n  - package: dbt-labs/dbt_utils\n    version: [">=1.0.0", "<2.0.0"]\n',
      );
      const before = await runDbt('dbt run', { cwd: dir });
      expect(before.exitCode).toBe(2);
      expect(before.stdout).toContain(
        'dbt found 1 package(s) specified in packages.yml, but only 0 package(s) installed in dbt_packages. Run "dbt deps" to install package dependencies.',
      );
      const deps = await runDbt('dbt deps', { cwd: dir });
      expect(deps.exitCode).toBe(0);
      expect(deps.stdout).toContain('Installing dbt-labs/dbt_utils');
      expect(existsSync(path.join(dir, 'dbt_packages', 'dbt_utils', 'dbt_project.yml'))).toBe(true);
      expect(readFileSync(path.join(dir, 'package-lock.yml'), 'utf8')).toContain('sha1_hash:');
      expect(existsSync(path.join(dir, 'target', 'run_results.json'))).toBe(false);
      expect((await runDbt('dbt run', { cwd: dir })).exitCode).toBe(0);
    } finally {
      cleanup();
    }
  });

  it('debug passes with a profile, fails (exit 1) and says why without one', async () => {
    const ok = await runDbt('dbt debug', { cwd: project.dir });
    expect(ok.exitCode).toBe(0);
    expect(ok.stdout).toContain('All checks passed!');
    const missing = await runDbt('dbt debug --profiles-dir nowhere', { cwd: project.dir });
    expect(missing.exitCode).toBe(1);
    expect(missing.stdout).toContain('profiles.yml file [ERROR not found]');
    expect(missing.stdout).toContain('1 check failed:');
  });

  it('node commands exit 2 without a profile, a target or a project', async () => {
    const cases: [string, string, string][] = [
      [
        'dbt run --profiles-dir nowhere',
        project.dir,
        "Runtime Error\n  Could not find profile named 'emulated_shop'",
      ],
      [
        'dbt run --target staging',
        project.dir,
        "The profile 'emulated_shop' does not have a target named 'staging'. The valid target names for this profile are:\n   - dev\n   - prod",
      ],
      ['dbt run', path.dirname(project.dir), 'No dbt_project.yml found at expected path'],
    ];
    for (const [command, cwd, message] of cases) {
      const run = await runDbt(command, { cwd, env: { HOME: project.dir } });
      expect(run.exitCode, command).toBe(2);
      expect(run.stdout).toContain(`Encountered an error:\n`);
      expect(run.stdout).toContain(message);
    }
  });

  it('finds profiles.yml through --profiles-dir and DBT_PROFILES_DIR, and the project through --project-dir', async () => {
    const elsewhere = path.join(project.dir, 'elsewhere');
    mkdirSync(elsewhere, { recursive: true });
    const viaFlags = await runDbt(`dbt seed --project-dir .. --profiles-dir ..`, {
      cwd: elsewhere,
    });
    expect(viaFlags.exitCode).toBe(0);
    const viaEnv = await runDbt(`dbt seed --project-dir ..`, {
      cwd: elsewhere,
      env: { DBT_PROFILES_DIR: project.dir },
    });
    expect(viaEnv.exitCode).toBe(0);
    expect(readRunResults(project.dir).args).toMatchObject({
      which: 'seed',
      project_dir: '..',
      profiles_dir: project.dir,
    });
  });

  it('parse reads the project and writes no run_results.json; clean deletes the clean-targets', async () => {
    const { dir, remove: cleanup } = makeTempDir();
    try {
      makeProject({ dir, models: 3 });
      const parse = await runDbt('dbt parse', { cwd: dir });
      expect(parse.exitCode).toBe(0);
      expect(parse.stdout).toMatch(/Found 3 models, 3 seeds, 7 data tests, 1 source, \d+ macros/);
      expect(existsSync(path.join(dir, 'target', 'run_results.json'))).toBe(false);
      await runDbt('dbt seed', { cwd: dir });
      mkdirSync(path.join(dir, 'dbt_packages'));
      const clean = await runDbt('dbt clean', { cwd: dir });
      expect(clean.exitCode).toBe(0);
      expect(clean.stdout).toContain('Cleaned target/*');
      expect(clean.stdout).toContain('Finished cleaning all paths.');
      expect(existsSync(path.join(dir, 'target'))).toBe(false);
      expect(existsSync(path.join(dir, 'dbt_packages'))).toBe(false);
    } finally {
      cleanup();
    }
  });
});

describe('node selection', () => {
  const model = (name: string) => `model.emulated_shop.${name}`;
  const selectedModels = async (args: string) => {
    const run = await runDbt(`dbt run ${args}`, { cwd: project.dir });
    expect(run.exitCode, run.stdout).toBe(0);
    return readRunResults(project.dir)
      .results.map((r) => r.unique_id)
      .sort();
  };

  it('selects by name, with +upstream and downstream+ graph operators, and excludes', async () => {
    const fct = project.models.find((m) => m.startsWith('fct_'))!;
    const stg = project.models.find((m) => m.startsWith('stg_'))!;
    const upstream = project.models.filter((m) => downstreamOf(project.parents, [m]).has(fct));
    expect(await selectedModels(`--select +${fct}`)).toEqual([...upstream, fct].map(model).sort());
    const downstream = [...downstreamOf(project.parents, [stg])];
    expect(await selectedModels(`-s ${stg}+`)).toEqual([stg, ...downstream].map(model).sort());
    expect(await selectedModels(`-s ${stg}+ --exclude ${stg}`)).toEqual(
      downstream.map(model).sort(),
    );
  });

  it('selects by tag, path and fqn, and unions space-separated criteria', async () => {
    const marts = project.models
      .filter((m) => m.startsWith('fct_'))
      .map(model)
      .sort();
    const staging = project.models
      .filter((m) => m.startsWith('stg_'))
      .map(model)
      .sort();
    expect(await selectedModels('--select tag:nightly')).toEqual(marts);
    expect(await selectedModels('--select path:models/marts')).toEqual(marts);
    expect(await selectedModels('--select emulated_shop.staging')).toEqual(staging);
    expect(await selectedModels('--select "tag:nightly staging"')).toEqual(
      [...marts, ...staging].sort(),
    );
  });

  it('dbt test picks the tests of selected models (eager indirect selection)', async () => {
    const stg = project.models.find((m) => m.startsWith('stg_'))!;
    const run = await runDbt(`dbt test --select ${stg}`, { cwd: project.dir });
    expect(run.exitCode).toBe(0);
    const ids = readRunResults(project.dir)
      .results.map((r) => r.unique_id.split('.')[2])
      .sort();
    expect(ids).toEqual([`not_null_${stg}_id`, `unique_${stg}_id`]);
  });

  it('warns about a criterion that matches nothing and writes an empty run_results.json', async () => {
    const run = await runDbt('dbt run --select no_such_model', { cwd: project.dir });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(
      "The selection criterion 'no_such_model' does not match any enabled nodes",
    );
    expect(run.stdout).toContain(
      'Nothing to do. Try checking your model configs and model specification args',
    );
    expect(readRunResults(project.dir).results).toEqual([]);
  });

  it('fails to parse (exit 2) when a ref points at a missing model', async () => {
    const victim = project.models.find(
      (m) => m.startsWith('stg_') && downstreamOf(project.parents, [m]).size > 0,
    )!;
    const file = path.join(project.dir, 'models', 'staging', `${victim}.sql`);
    renameSync(file, `${file}.off`);
    try {
      const run = await runDbt('dbt run', { cwd: project.dir });
      expect(run.exitCode).toBe(2);
      expect(run.stdout).toMatch(
        new RegExp(
          `Compilation Error in model \\w+ \\(models/[a-z]+/\\w+\\.sql\\)\\n {2}Model 'model\\.emulated_shop\\.\\w+' \\(models/[a-z]+/\\w+\\.sql\\) depends on a node named '${victim}' which was not found`,
        ),
      );
    } finally {
      renameSync(`${file}.off`, file);
    }
  });
});
