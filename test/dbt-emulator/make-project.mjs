#!/usr/bin/env node
// @ts-check
// Writes a dbt project for the emulator: seeds, a source, a layered DAG of models with realistic
// fan-in/fan-out, data tests, a profiles.yml, and (optionally) a marker that makes chosen models
// fail. Importable (makeProject) and a command line (node make-project.mjs DIR --models 5000 ...).
// This file holds the entry points and the naming of seeds and models; make-project-plan.mjs shapes
// the DAG, make-project-files.mjs writes the files. Its types are in make-project.d.mts.
import process from 'node:process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { writeMarker, writeProjectFiles } from './make-project-files.mjs';
import {
  ENTITIES,
  chooseFailing,
  mulberry32,
  pickParents,
  planLayers,
} from './make-project-plan.mjs';

/** Directory to put first on PATH so that `dbt` is the emulator. */
export const EMULATOR_BIN_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bin');

/**
 * @typedef {object} ProjectOptions
 * @property {string} dir where to write the project (created; an existing marker is replaced)
 * @property {number} [models] number of models (default 20)
 * @property {number} [seeds] number of seeds (default 3)
 * @property {number} [testsPerModel] 0–3 data tests per model (default 2: unique and not_null on id)
 * @property {number} [failRatio] share of models that fail (default 0)
 * @property {string[]} [fail] model names that fail (added to those picked by failRatio)
 * @property {Record<string, number>} [failTests] data test name → failing rows
 * @property {number} [failTimes] injected failures happen only this many times per node
 * @property {number} [sleepMs] milliseconds every node takes (default 0)
 * @property {number} [seed] random seed (default 1): same options, same project
 * @property {string} [name] project and profile name (default "emulated_shop")
 *
 * @typedef {object} GeneratedProject
 * @property {string} dir
 * @property {string} projectName
 * @property {string[]} models model names, upstream layers first
 * @property {string[]} seeds seed names
 * @property {string[]} failing names of the models the marker makes fail
 * @property {number} tests number of data tests
 * @property {Record<string, string[]>} parents model name → the models and seeds it refs
 */

/**
 * Writes the project and returns what it contains.
 * @param {ProjectOptions} options
 * @returns {GeneratedProject}
 */
export function makeProject(options) {
  const {
    dir,
    models = 20,
    seeds = 3,
    testsPerModel = 2,
    failRatio = 0,
    seed = 1,
    name = 'emulated_shop',
  } = options;
  if (models < 1 || seeds < 1) throw new Error('a project needs at least one model and one seed');
  const random = mulberry32(seed);
  const seedNames = Array.from(
    { length: seeds },
    (_, i) =>
      `raw_${ENTITIES[i % ENTITIES.length]}${i >= ENTITIES.length ? `_${Math.floor(i / ENTITIES.length)}` : ''}`,
  );
  const layers = planLayers(models);
  /** @type {Record<string, string[]>} */
  const parents = {};
  /** @type {{ name: string, dir: string, layer: number, table: boolean }[]} */
  const all = [];
  layers.forEach((count, layer) => {
    for (let i = 1; i <= count; i++) {
      const isStaging = layer === 0;
      const isMart = layer === layers.length - 1 && layers.length > 1;
      const entity = ENTITIES[(all.length + i) % ENTITIES.length];
      const seedName = /** @type {string} */ (seedNames[(i - 1) % seedNames.length]);
      const modelName = isStaging
        ? `stg_${seedName.replace(/^raw_/, '')}${i > seedNames.length ? `_${i}` : ''}`
        : isMart
          ? `fct_${entity}_${i}`
          : `int_${layer}_${entity}_${i}`;
      const dir = isStaging ? 'staging' : isMart ? 'marts' : 'intermediate';
      // Staging models read a seed each; every third beyond the seeds reads the `raw` source instead.
      const fromSource = isStaging && i > seedNames.length && i % 3 === 0;
      parents[modelName] = isStaging
        ? fromSource
          ? []
          : [seedName]
        : pickParents(all, layer, random);
      all.push({ name: modelName, dir, layer, table: isMart || (!isStaging && random() < 0.4) });
    }
  });

  rmSync(path.join(dir, '.dbt-emulator.yml'), { force: true });
  rmSync(path.join(dir, '.dbt-emulator-state.json'), { force: true });
  writeProjectFiles({ dir, name, seedNames, models: all, parents, testsPerModel });
  const failing = [
    ...new Set([
      ...chooseFailing(
        all.map((m) => m.name),
        failRatio,
        random,
      ),
      ...(options.fail ?? []),
    ]),
  ];
  writeMarker(dir, { ...options, failing });
  return {
    dir,
    projectName: name,
    models: all.map((m) => m.name),
    seeds: seedNames,
    failing,
    tests: all.length * Math.min(testsPerModel, 3) + 1, // + the source test
    parents,
  };
}

function cli() {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      models: { type: 'string' },
      seeds: { type: 'string' },
      'tests-per-model': { type: 'string' },
      'fail-ratio': { type: 'string' },
      fail: { type: 'string' },
      'fail-times': { type: 'string' },
      'sleep-ms': { type: 'string' },
      seed: { type: 'string' },
      name: { type: 'string' },
    },
  });
  const dir = positionals[0];
  if (!dir) {
    process.stderr.write(
      'usage: make-project.mjs DIR [--models N] [--seeds N] [--tests-per-model 0-3] [--fail-ratio R] [--fail a,b] [--fail-times N] [--sleep-ms N] [--seed S] [--name NAME]\n',
    );
    return 2;
  }
  const num = (/** @type {string | undefined} */ v) => (v === undefined ? undefined : Number(v));
  /** @type {ProjectOptions} */
  const options = { dir: path.resolve(dir) };
  const set = (/** @type {keyof ProjectOptions} */ key, /** @type {unknown} */ value) => {
    if (value !== undefined) Object.assign(options, { [key]: value });
  };
  set('models', num(values.models));
  set('seeds', num(values.seeds));
  set('testsPerModel', num(values['tests-per-model']));
  set('failRatio', num(values['fail-ratio']));
  set('fail', values.fail?.split(',').filter(Boolean));
  set('failTimes', num(values['fail-times']));
  set('sleepMs', num(values['sleep-ms']));
  set('seed', num(values.seed));
  set('name', values.name);
  const project = makeProject(options);
  const summary = {
    dir: project.dir,
    projectName: project.projectName,
    models: project.models.length,
    seeds: project.seeds.length,
    tests: project.tests,
    failing: project.failing,
  };
  process.stdout.write(`${JSON.stringify(summary, null, 2)}\n`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url))
  process.exitCode = cli();
