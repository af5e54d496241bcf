/**
 * `npm run bench`: measures what a retry saves and what gh-retry costs, every figure in this
 * run, side by side; prints the tables and writes bench/results.json. `--quick` runs tiny sizes
 * (a check that the bench works, not figures to quote); `--only work,real-dbt,suites,inrun,action,
 * planning,artifacts,record,app,queue,fixaware,store` runs some sections (`real-dbt` and `fixaware`
 * run real dbt; `inrun` is a transient dbt failure recovered three ways, on the dbt emulator).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { measureActionOverhead } from './action-overhead.js';
import { measureAppCost } from './app-cost.js';
import { measureAppQueue } from './app-queue.js';
import { RECOVERIES, measureInRunRetry } from './in-run-retry.js';
import { measureArtifactSizes } from './artifact-size.js';
import { measureFixAware } from './fix-aware.js';
import { measureLargeRecordArtifact } from './large-record-artifact.js';
import { snapshotBundles, type Bundles } from './bundles.js';
import {
  measureDbtWorkSaved,
  prepareDbtProject,
  type BenchProject,
  type DbtWorkSaved,
} from './dbt-work-saved.js';
import { measureRealDbtWorkSaved, renderRealDbt, type RealDbtWorkSaved } from './real-dbt.js';
import { measured, type BenchResults, type NotMeasured } from './results.js';
import { renderResults } from './results-tables.js';
import { measureRetryPlanning } from './retry-planning.js';
import { measureStoreListing, renderStoreListing } from './store-listing.js';
import {
  measureSuiteWorkSaved,
  type SuiteTool,
  type SuiteWorkSaved,
} from './test-suite-work-saved.js';
import { REPO_ROOT } from './timed-process.js';
import { errorMessage, errorStack } from '../src/core/errors.js';

const SECTIONS = [
  'work',
  'real-dbt',
  'suites',
  'inrun',
  'action',
  'planning',
  'artifacts',
  'record',
  'app',
  'queue',
  'fixaware',
  'store',
] as const;
type Section = (typeof SECTIONS)[number];

/** Sizes and repetitions; `quick` is for checking the bench itself. */
function settingsFor(quick: boolean) {
  return {
    failRatio: 0.01,
    dbt: quick
      ? [{ models: 50, nodeSleepMs: 0, repetitions: 1 }]
      : [
          { models: 50, nodeSleepMs: 0, repetitions: 5 },
          { models: 500, nodeSleepMs: 0, repetitions: 5 },
          { models: 5000, nodeSleepMs: 0, repetitions: 3 },
          // Real models take seconds: the same 50 models where each node costs 20 ms.
          { models: 50, nodeSleepMs: 20, repetitions: 3 },
        ],
    suites: [
      {
        tool: 'pytest',
        tests: quick ? 20 : 500,
        failing: quick ? 1 : 5,
        costMs: 2,
        repetitions: quick ? 1 : 5,
      },
      {
        tool: 'playwright',
        tests: quick ? 10 : 200,
        failing: quick ? 1 : 2,
        costMs: 5,
        repetitions: quick ? 1 : 3,
      },
    ] satisfies {
      tool: SuiteTool;
      tests: number;
      failing: number;
      costMs: number;
      repetitions: number;
    }[],
    // Real dbt on DuckDB: a few seconds a dbt process on 2 busy cores, so one repetition.
    realDbt: quick
      ? { models: 20, rows: 1000, faults: 1, repetitions: 1, startupRepetitions: 1 }
      : { models: 100, rows: 100_000, faults: 2, repetitions: 1, startupRepetitions: 2 },
    action: {
      steps: quick ? [1, 3, 5] : [1, 20, 100],
      repetitions: quick ? 1 : 5,
    },
    // Models with 4 tests each: 2,000 and 10,000 models are 10,000 and 50,000 nodes.
    planning: { models: quick ? [100] : [2000, 10_000], repetitions: quick ? 1 : 5 },
    largeArtifact: { models: quick ? 40 : 10_000 },
    app: { samples: quick ? 1 : 5, deliveries: quick ? 50 : 1000, concurrency: 8 },
    queue: { deliveries: quick ? 10 : 200, concurrency: 8 },
    store: { runs: quick ? 50 : 2000, repetitions: quick ? 1 : 5 },
    inRun: { models: quick ? 20 : 200, nodeSleepMs: 20, repetitions: quick ? 1 : 3 },
  };
}

function machineInfo(): Record<string, unknown> {
  const cpus = os.cpus();
  let commit: string | null = null;
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    }).trim();
  } catch {
    commit = null;
  }
  return {
    date: new Date().toISOString(),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    cpus: cpus.length,
    cpuModel: cpus[0]?.model ?? 'unknown',
    memoryMb: Math.round(os.totalmem() / 1024 / 1024),
    loadAverageAtStart: os.loadavg().map((x) => Number(x.toFixed(2))),
    commit,
  };
}

async function attempt<T>(what: string, measure: () => Promise<T>): Promise<T | NotMeasured> {
  try {
    return await measure();
  } catch (error) {
    const message = errorMessage(error);
    process.stderr.write(`bench: ${what} could not be measured: ${message}\n`);
    return { notMeasured: message.split('\n')[0] ?? message };
  }
}

/** What the sections share: where to work, the bundles under measurement, how to say progress. */
interface BenchContext {
  readonly temp: string;
  readonly bundles: Bundles;
  readonly settings: ReturnType<typeof settingsFor>;
  readonly sections: ReadonlySet<Section>;
}

const say = (text: string) => process.stderr.write(`bench: ${text}\n`);

async function measureWorkSaved(ctx: BenchContext) {
  const projects = ctx.settings.dbt.map((size, index) =>
    prepareDbtProject({
      dir: path.join(ctx.temp, `dbt-${index}-${size.models}`),
      models: size.models,
      failRatio: ctx.settings.failRatio,
      nodeSleepMs: size.nodeSleepMs,
    }),
  );
  const dbt: DbtWorkSaved[] = [];
  if (ctx.sections.has('work')) {
    for (const [index, size] of ctx.settings.dbt.entries()) {
      const bench = projects[index];
      if (bench === undefined) continue;
      const cost = size.nodeSleepMs > 0 ? ` at ${size.nodeSleepMs} ms a node` : '';
      say(`dbt work saved, ${size.models} models${cost}`);
      const traceDir = ctx.temp;
      dbt.push(
        await measureDbtWorkSaved({
          bench,
          cli: ctx.bundles.cli,
          repetitions: size.repetitions,
          traceDir,
        }),
      );
    }
  }
  const suites: SuiteWorkSaved[] = [];
  if (ctx.sections.has('suites')) {
    for (const suite of ctx.settings.suites) {
      say(`${suite.tool} work saved, ${suite.tests} tests`);
      const dir = path.join(ctx.temp, suite.tool);
      suites.push(await measureSuiteWorkSaved({ ...suite, cli: ctx.bundles.cli, dir }));
    }
  }
  return { projects, dbt, suites };
}

async function measureCosts(ctx: BenchContext, projects: readonly BenchProject[]) {
  const { bundles, settings, sections } = ctx;
  const section = async <T>(name: Section, what: string, measure: () => Promise<T>) => {
    if (!sections.has(name)) return null;
    say(what);
    return await attempt(what, measure);
  };
  /** The bundled CLI, and a folder of its own under the bench's temporary folder. */
  const cliIn = (...folder: string[]) => ({
    cli: bundles.cli,
    dir: path.join(ctx.temp, ...folder),
  });
  const realDbt = await section('real-dbt', 'work saved on real dbt', () =>
    measureRealDbtWorkSaved({ ...settings.realDbt, ...cliIn('real-dbt') }),
  );
  const action = await section('action', 'the Action overhead', () =>
    measureActionOverhead({ ...settings.action, bundles }),
  );
  const planning = await section('planning', 'retry planning', () =>
    measureRetryPlanning({ ...settings.planning, ...cliIn('planning') }),
  );
  const artifacts = await section('artifacts', 'artifact sizes', () =>
    measureArtifactSizes({
      projects: projects.filter((p) => p.nodeSleepMs === 0),
      actionDir: bundles.actionDir,
    }),
  );
  const largeArtifact = await section('record', 'the record artifact of the largest run', () =>
    measureLargeRecordArtifact({ bundles, ...settings.largeArtifact }),
  );
  const app = await section('app', 'the App', async () => {
    if (bundles.app === null) throw new Error('dist/app/index.js is missing: run `npm run bundle`');
    return await measureAppCost({ ...settings.app, app: bundles.app });
  });
  const queue = await section('queue', 'the App behind Redis', () =>
    measureAppQueue(settings.queue),
  );
  const fixAware = await section('fixaware', 'a fix-and-retry on real dbt', () =>
    measureFixAware({ cli: [bundles.cli] }),
  );
  const store = await section('store', 'show last and history on a large store', () =>
    measureStoreListing({
      ...settings.store,
      ...cliIn('store'),
    }),
  );
  const inRun = await section(
    'inrun',
    'a transient dbt failure, three recoveries (dbt emulator)',
    async () => {
      const measured = await measureInRunRetry({
        ...settings.inRun,
        ...cliIn('in-run', 'project'),
      });
      for (const recovery of RECOVERIES) {
        say(
          `  ${recovery}: ${measured.nodes[recovery]} nodes, ${Math.round(measured.wallMs[recovery])} ms`,
        );
      }
      return measured;
    },
  );
  return {
    realDbt,
    action,
    planning,
    app,
    queue,
    artifacts,
    largeArtifact,
    fixAware,
    store,
    inRun,
  };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      only: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const only = values.only?.split(',').map((s) => s.trim()) ?? [...SECTIONS];
  const unknown = only.filter((s) => !(SECTIONS as readonly string[]).includes(s));
  if (unknown.length > 0)
    throw new Error(`unknown section ${unknown.join(', ')}; sections: ${SECTIONS.join(', ')}`);
  const machine = machineInfo();
  const temp = mkdtempSync(path.join(os.tmpdir(), 'gh-retry-bench-'));
  try {
    const ctx: BenchContext = {
      temp,
      bundles: snapshotBundles(path.join(temp, 'bundles')),
      settings: settingsFor(values.quick),
      sections: new Set(only as Section[]),
    };
    const { projects, dbt, suites } = await measureWorkSaved(ctx);
    const costs = await measureCosts(ctx, projects);
    const args = process.argv.slice(2);
    const results: BenchResults & {
      readonly realDbt: RealDbtWorkSaved | NotMeasured | null;
      store: (typeof costs)['store'];
    } = {
      command: `npm run bench${args.length > 0 ? ` -- ${args.join(' ')}` : ''}`,
      machine: { ...machine, loadAverageAtEnd: os.loadavg().map((x) => Number(x.toFixed(2))) },
      settings: ctx.settings,
      dbt,
      suites,
      ...costs,
    };
    const realDbt = measured(results.realDbt) ? `${renderRealDbt(results.realDbt)}\n\n` : '';
    process.stdout.write(`${realDbt}${renderResults(results)}\n`);
    if (costs.store !== null && !('notMeasured' in costs.store)) {
      process.stdout.write(`\n${renderStoreListing(costs.store)}\n`);
    }
    // Quick figures are not figures to quote: they are written only where --out says.
    const out = values.out ?? (values.quick ? null : path.join(REPO_ROOT, 'bench/results.json'));
    if (out !== null) {
      writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
      say(`wrote ${path.relative(REPO_ROOT, out)}`);
    }
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`bench: ${errorStack(error)}\n`);
  process.exitCode = 1;
});
