#!/usr/bin/env node
// @ts-check
// Writes a dbt project for the emulator: seeds, a source, a layered DAG of models with realistic
// fan-in/fan-out, data tests, a profiles.yml, and (optionally) a marker that makes chosen models
// fail. Importable (makeProject) and a command line (node make-project.mjs DIR --models 5000 ...).
import process from 'node:process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { stringify } from 'yaml';

/** Directory to put first on PATH so that `dbt` is the emulator. */
export const EMULATOR_BIN_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'bin');

const ENTITIES = [
  'customers',
  'orders',
  'payments',
  'products',
  'stores',
  'suppliers',
  'employees',
  'invoices',
];
const ERRORS = [
  (/** @type {string} */ n) => `relation "analytics.${n}_upstream" does not exist`,
  (/** @type {string} */ n) =>
    `column "amount_usd" does not exist\n  LINE 12:     sum(amount_usd) as total\n                 ^\n  HINT:  Perhaps you meant to reference the column "${n}.amount".`,
  () => 'division by zero',
  () => 'canceling statement due to statement timeout',
];

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

/**
 * How many models per layer: a quarter staging, a mart layer, the rest spread over log2(n) layers.
 * @param {number} models
 */
function planLayers(models) {
  if (models <= 2) return [models];
  const staging = Math.max(1, Math.round(models * 0.25));
  const marts = Math.max(1, Math.round(models * 0.15));
  const middle = models - staging - marts;
  const middleLayers =
    middle <= 0 ? 0 : Math.max(1, Math.min(10, Math.round(Math.log2(models)) - 2));
  const layers = [staging];
  for (let i = 0; i < middleLayers; i++) {
    layers.push(Math.floor(middle / middleLayers) + (i < middle % middleLayers ? 1 : 0));
  }
  layers.push(marts + (middle < 0 ? middle : 0));
  return layers.filter((n) => n > 0);
}

/**
 * One parent from the previous layer (so the layers are real), up to two more from any earlier layer.
 * @param {{ name: string, layer: number }[]} earlier
 * @param {number} layer
 * @param {() => number} random
 */
function pickParents(earlier, layer, random) {
  const previous = earlier.filter((m) => m.layer === layer - 1);
  const chosen = new Set([pick(previous, random).name]);
  const extra = random() < 0.5 ? 0 : random() < 0.7 ? 1 : 2;
  for (let i = 0; i < extra; i++) chosen.add(pick(earlier, random).name);
  return [...chosen];
}

/**
 * @param {{ dir: string, name: string, seedNames: string[], models: { name: string, dir: string, table: boolean }[],
 *   parents: Record<string, string[]>, testsPerModel: number }} input
 */
function writeProjectFiles({ dir, name, seedNames, models, parents, testsPerModel }) {
  for (const sub of ['seeds', 'models/staging', 'models/intermediate', 'models/marts'])
    mkdirSync(path.join(dir, sub), { recursive: true });
  writeFileSync(
    path.join(dir, 'dbt_project.yml'),
    stringify({
      name,
      version: '1.0.0',
      'config-version': 2,
      profile: name,
      'model-paths': ['models'],
      'seed-paths': ['seeds'],
      'target-path': 'target',
      'clean-targets': ['target', 'dbt_packages'],
      vars: { start_date: '2024-01-01' },
      models: {
        [name]: {
          staging: { '+materialized': 'view' },
          intermediate: { '+materialized': 'view' },
          marts: { '+materialized': 'table', '+tags': ['nightly'] },
        },
      },
    }),
  );
  writeFileSync(path.join(dir, 'profiles.yml'), stringify(profiles(name)));
  for (const [i, seedName] of seedNames.entries()) {
    const rows = Array.from(
      { length: 5 + (i % 4) * 3 },
      (_, r) => `${r + 1},${['placed', 'shipped', 'completed'][r % 3]},${(r + 1) * 10}`,
    );
    writeFileSync(
      path.join(dir, 'seeds', `${seedName}.csv`),
      ['id,status,amount', ...rows, ''].join('\n'),
    );
  }
  for (const model of models) {
    writeFileSync(
      path.join(dir, 'models', model.dir, `${model.name}.sql`),
      modelSql(model, parents[model.name] ?? []),
    );
  }
  const source = {
    name: 'raw',
    schema: 'raw',
    tables: [{ name: 'events', columns: [{ name: 'id', data_tests: ['not_null'] }] }],
  };
  writeFileSync(
    path.join(dir, 'models', 'staging', '_sources.yml'),
    stringify({ version: 2, sources: [source] }),
  );
  for (const sub of ['staging', 'intermediate', 'marts']) {
    const inDir = models.filter((m) => m.dir === sub);
    if (inDir.length === 0) continue;
    const entries = inDir.map((m, i) => ({
      name: m.name,
      columns: columnsWithTests(m.name, i, testsPerModel, parents[m.name] ?? [], sub),
    }));
    writeFileSync(
      path.join(dir, 'models', sub, `_${sub}__models.yml`),
      stringify({ version: 2, models: entries }),
    );
  }
}

/**
 * @param {{ name: string, table: boolean }} model
 * @param {string[]} refs
 */
function modelSql(model, refs) {
  const config = model.table ? "{{ config(materialized='table') }}\n\n" : '';
  const reads =
    refs.length > 0 ? refs.map((ref) => `{{ ref('${ref}') }}`) : ["{{ source('raw', 'events') }}"];
  const ctes = reads
    .map((from, i) => `src_${i + 1} as (\n    select * from ${from}\n)`)
    .join(',\n\n');
  const joins = refs
    .slice(1)
    .map((_, i) => `left join src_${i + 2} on src_1.id = src_${i + 2}.id`)
    .join('\n');
  return (
    `${config}with ${ctes}\n\nselect\n    src_1.id,\n    src_1.status,\n    src_1.amount\nfrom src_1\n` +
    `${joins ? `${joins}\n` : ''}where src_1.id is not null\n  and '{{ var("start_date") }}' <= current_date\n`
  );
}

/**
 * @param {string} name
 * @param {number} index
 * @param {number} testsPerModel
 * @param {string[]} refs
 * @param {string} layer
 */
function columnsWithTests(name, index, testsPerModel, refs, layer) {
  /** @type {unknown[]} */
  const idTests = ['unique', 'not_null'].slice(0, Math.min(testsPerModel, 2));
  /** @type {unknown[]} */
  const statusTests = [];
  if (testsPerModel >= 3) {
    const parent = refs.find((r) => !r.startsWith('raw_'));
    if (index % 2 === 1 && parent && layer !== 'staging')
      idTests.push({ relationships: { arguments: { to: `ref('${parent}')`, field: 'id' } } });
    else
      statusTests.push({
        accepted_values: { arguments: { values: ['placed', 'shipped', 'completed'] } },
      });
  }
  const columns = [
    {
      name: 'id',
      description: `Primary key of ${name}`,
      ...(idTests.length > 0 ? { data_tests: idTests } : {}),
    },
  ];
  if (statusTests.length > 0)
    columns.push({ name: 'status', description: 'Order status', data_tests: statusTests });
  return columns;
}

/** @param {string} name */
function profiles(name) {
  const output = (/** @type {string} */ schema) => ({
    type: 'postgres',
    host: 'localhost',
    port: 5432,
    user: 'emulated',
    password: 'emulated',
    dbname: 'analytics',
    schema,
    threads: 4,
  });
  return {
    [name]: {
      target: 'dev',
      outputs: { dev: output('analytics'), prod: output('analytics_prod') },
    },
  };
}

/**
 * @param {string} dir
 * @param {ProjectOptions & { failing: string[] }} options
 */
function writeMarker(dir, options) {
  /** @type {Record<string, unknown>} */
  const marker = {};
  if (options.failing.length > 0) {
    marker.fail = Object.fromEntries(
      options.failing.map((n, i) => [
        n,
        /** @type {(n: string) => string} */ (ERRORS[i % ERRORS.length])(n),
      ]),
    );
  }
  if (options.failTests && Object.keys(options.failTests).length > 0)
    marker.fail_tests = options.failTests;
  if (options.failTimes !== undefined) marker.fail_times = options.failTimes;
  if (options.sleepMs) marker.sleep_ms = options.sleepMs;
  if (Object.keys(marker).length === 0) return;
  const header =
    '# Failure injection for the gh-retry dbt emulator (test/dbt-emulator/README.md).\n# Delete this file to "fix" the project.\n';
  writeFileSync(path.join(dir, '.dbt-emulator.yml'), header + stringify(marker));
}

/**
 * @param {string[]} names
 * @param {number} ratio
 * @param {() => number} random
 */
function chooseFailing(names, ratio, random) {
  if (ratio <= 0) return [];
  const count = Math.max(1, Math.round(names.length * ratio));
  const pool = [...names];
  const chosen = [];
  while (chosen.length < count && pool.length > 0)
    chosen.push(...pool.splice(Math.floor(random() * pool.length), 1));
  return chosen;
}

/**
 * @template T
 * @param {T[]} items
 * @param {() => number} random
 * @returns {T}
 */
function pick(items, random) {
  return /** @type {T} */ (items[Math.floor(random() * items.length)]);
}

/** @param {number} seed a small, fast, seedable PRNG */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
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
