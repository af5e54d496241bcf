// @ts-check
// The files of a generated project: dbt_project.yml, profiles.yml, seed CSVs, model SQL, property
// files with data tests, and the emulator's failure-injection marker (.dbt-emulator.yml). Used by
// make-project.mjs, which decides what goes in them.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { stringify } from 'yaml';

/** @typedef {import('./make-project.mjs').ProjectOptions} ProjectOptions */

/** The error each failing model reports, in turn. */
const ERRORS = [
  (/** @type {string} */ n) => `relation "analytics.${n}_upstream" does not exist`,
  (/** @type {string} */ n) =>
    `column "amount_usd" does not exist\n  LINE 12:     sum(amount_usd) as total\n                 ^\n  HINT:  Perhaps you meant to reference the column "${n}.amount".`,
  () => 'division by zero',
  () => 'canceling statement due to statement timeout',
];

/**
 * @param {{ dir: string, name: string, seedNames: string[], models: { name: string, dir: string, table: boolean }[],
 *   parents: Record<string, string[]>, testsPerModel: number }} input
 */
export function writeProjectFiles({ dir, name, seedNames, models, parents, testsPerModel }) {
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
export function writeMarker(dir, options) {
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
