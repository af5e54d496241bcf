/**
 * A generated dbt-duckdb project for the real-dbt bench: one source table of generated rows
 * (DuckDB's `range`), then layers of table models that each re-read, filter, join or aggregate
 * those rows, with a `not_null` test on every fifth model. A few models fail while BENCH_FAULT=1
 * (they read a relation that does not exist), as a missing upstream does; the "fix" is
 * BENCH_FAULT=0, so a retry clears them without editing the project.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** The generated project and where its warehouse lives. */
export interface RealDbtProject {
  readonly dir: string;
  readonly database: string;
  /** Model names, the source first. */
  readonly models: readonly string[];
  /** The models that fail while BENCH_FAULT=1. */
  readonly faulty: readonly string[];
  readonly tests: number;
}

const NAME = 'bench_real';

/** A fixed pseudo-random number for a model index (the same project on every run). */
const hash = (index: number, salt: number) => (index * 1103515245 + salt) % 2 ** 31;

/** The models a model reads: the source for the first layer, then one or two earlier models. */
function parentsOf(index: number): number[] {
  if (index <= 8) return [0];
  const first = hash(index, 12345) % index;
  const second = hash(index, 54321) % index;
  return index % 3 === 0 && second !== first ? [first, second] : [first];
}

/** Every model downstream of `index` among `count` models. */
function descendants(index: number, count: number): Set<number> {
  const found = new Set<number>();
  for (let child = index + 1; child <= count; child += 1) {
    if (parentsOf(child).some((p) => p === index || found.has(p))) found.add(child);
  }
  return found;
}

/**
 * The failing models: from the tenth model on, the first ones with a few descendants (3 to an
 * eighth of the project) that are not downstream of one already chosen, so the retry has
 * skipped models to re-run as real failures do, and the whole project is not behind them.
 */
function chooseFaults(count: number, faults: number): number[] {
  const chosen: number[] = [];
  const below = new Set<number>();
  for (let index = Math.ceil(count / 10); index <= count && chosen.length < faults; index += 1) {
    const downstream = descendants(index, count);
    if (below.has(index) || downstream.size < 3 || downstream.size > Math.max(3, count / 8))
      continue;
    chosen.push(index);
    for (const node of downstream) below.add(node);
  }
  return chosen;
}

const modelName = (index: number) =>
  index === 0 ? 'src_events' : `m_${String(index).padStart(3, '0')}`;

function sourceSql(rows: number): string {
  return [
    "{{ config(materialized='table') }}",
    'select i as id, i % 997 as customer_id, (i * 7919) % 365 as day,',
    '  ((i * 104729) % 10000) / 100.0 as amount',
    `from range(${rows}) t(i)`,
  ].join('\n');
}

function modelSql(index: number, faulty: boolean): string {
  const parents = parentsOf(index).map((p) => `{{ ref('${modelName(p)}') }}`);
  const [first, second] = parents;
  const body =
    second === undefined
      ? index % 4 === 0
        ? `select customer_id as id, customer_id, min(day) as day, sum(amount) as amount\nfrom ${first} group by customer_id`
        : `select id, customer_id, day, amount * 1.01 + ${index} as amount\nfrom ${first} where day % ${2 + (index % 5)} <> 0`
      : `select a.id, a.customer_id, a.day, a.amount + coalesce(b.amount, 0) as amount\nfrom ${first} a left join ${second} b on a.id = b.id`;
  const sql = `{{ config(materialized='table') }}\n${body}`;
  if (!faulty) return sql;
  return `{% if env_var('BENCH_FAULT', '0') == '1' %}\n{{ config(materialized='table') }}\nselect * from bench_fault_missing_relation\n{% else %}\n${sql}\n{% endif %}`;
}

/** Write a project of `models` models (plus the source) over `rows` generated rows. */
export function makeRealDbtProject(params: {
  readonly dir: string;
  readonly models: number;
  readonly rows: number;
  /** How many models fail while BENCH_FAULT=1 (spread through the middle layers). */
  readonly faults: number;
}): RealDbtProject {
  const { dir, models: count } = params;
  const database = path.join(dir, 'warehouse.duckdb');
  mkdirSync(path.join(dir, 'models'), { recursive: true });
  writeFileSync(
    path.join(dir, 'dbt_project.yml'),
    `name: ${NAME}\nversion: "1.0.0"\nconfig-version: 2\nprofile: ${NAME}\n`,
  );
  writeFileSync(
    path.join(dir, 'profiles.yml'),
    `${NAME}:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      path: ${JSON.stringify(database)}\n      threads: 2\n`,
  );
  const faultyIndexes = new Set(chooseFaults(count, params.faults));
  const models = [modelName(0)];
  writeFileSync(path.join(dir, 'models', 'src_events.sql'), sourceSql(params.rows));
  const tested: string[] = [];
  for (let index = 1; index <= count; index += 1) {
    const name = modelName(index);
    models.push(name);
    writeFileSync(
      path.join(dir, 'models', `${name}.sql`),
      modelSql(index, faultyIndexes.has(index)),
    );
    if (index % 5 === 0) tested.push(name);
  }
  const schema = tested
    .map(
      (name) =>
        `  - name: ${name}\n    columns:\n      - name: id\n        data_tests: [not_null]\n`,
    )
    .join('');
  writeFileSync(path.join(dir, 'models', 'schema.yml'), `version: 2\nmodels:\n${schema}`);
  return {
    dir,
    database,
    models,
    faulty: [...faultyIndexes].sort((a, b) => a - b).map(modelName),
    tests: tested.length,
  };
}
