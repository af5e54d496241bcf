/**
 * The bench's sections run one after another: the work a retry saves (dbt on the emulator, test
 * suites) and then the costs and the other measurements, each only when `--only` selects it. A
 * section that fails is reported as not measured, with the first line of its error, and the
 * others still run.
 */
import path from 'node:path';
import { measureActionOverhead } from './action-overhead.js';
import { measureAppCost } from './app-cost.js';
import { measureAppQueue } from './app-queue.js';
import { RECOVERIES, measureInRunRetry } from './in-run-retry.js';
import { measureArtifactSizes } from './artifact-size.js';
import { measureFixAware } from './fix-aware.js';
import { measureLargeRecordArtifact } from './large-record-artifact.js';
import type { Bundles } from './bundles.js';
import {
  measureDbtWorkSaved,
  prepareDbtProject,
  type BenchProject,
  type DbtWorkSaved,
} from './dbt-work-saved.js';
import { measureRealDbtWorkSaved } from './real-dbt.js';
import type { NotMeasured } from './results.js';
import { measureRetryPlanning } from './retry-planning.js';
import type { Section, settingsFor } from './settings.js';
import { measureStoreListing } from './store-listing.js';
import { measureSuiteWorkSaved, type SuiteWorkSaved } from './test-suite-work-saved.js';
import { errorMessage } from '../src/core/errors.js';

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
export interface BenchContext {
  readonly temp: string;
  readonly bundles: Bundles;
  readonly settings: ReturnType<typeof settingsFor>;
  readonly sections: ReadonlySet<Section>;
}

export const say = (text: string) => process.stderr.write(`bench: ${text}\n`);

/** The work a retry saves, on dbt (the emulator) and on test suites; the dbt projects for later sections. */
export async function measureWorkSaved(ctx: BenchContext) {
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

/** Every other section selected, in turn; `null` for a section not selected. */
export async function measureCosts(ctx: BenchContext, projects: readonly BenchProject[]) {
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
