/**
 * `npm run bench`: measures what a retry saves and what gh-retry costs, every figure in this
 * run, side by side; prints the tables and writes bench/results.json. `--quick` runs tiny sizes
 * (a check that the bench works, not figures to quote); `--only work,real-dbt,suites,inrun,action,
 * planning,artifacts,record,app,queue,fixaware,store` runs some sections (`real-dbt` and `fixaware`
 * run real dbt; `inrun` is a transient dbt failure recovered three ways, on the dbt emulator).
 * The sections and their sizes are in settings.ts; sections.ts runs them.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { snapshotBundles } from './bundles.js';
import { renderRealDbt, type RealDbtWorkSaved } from './real-dbt.js';
import { measured, type BenchResults, type NotMeasured } from './results.js';
import { renderResults } from './results-tables.js';
import { measureCosts, measureWorkSaved, say, type BenchContext } from './sections.js';
import { SECTIONS, settingsFor, type Section } from './settings.js';
import { renderStoreListing } from './store-listing.js';
import { REPO_ROOT } from './timed-process.js';
import { errorMessage, errorStack, UserError } from '../src/core/errors.js';

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
    throw new UserError(`unknown section ${unknown.join(', ')}; sections: ${SECTIONS.join(', ')}`);
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
  // A wrong flag or section is one line; a bench that broke shows where.
  const usage =
    error instanceof UserError ||
    (error instanceof Error &&
      String((error as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS'));
  process.stderr.write(`bench: ${usage ? errorMessage(error) : errorStack(error)}\n`);
  process.exitCode = 1;
});
