/**
 * A transient dbt failure (models fail once, then pass: a warehouse that comes back), recovered
 * three ways, on the dbt emulator (test/dbt-emulator, not real dbt): an in-run retry (`retries: 1`
 * on `dbt run`, one gh-retry run), a new-run retry (the failed run, then `gh-retry retry`), and a
 * whole re-run (the commands in a shell, failed, then all again). Work is the nodes dbt executed
 * in all, wall time the time of every run it took, both including the failed attempt.
 */
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DBT_COMMANDS, prepareDbtProject, readTraceNodes } from './dbt-work-saved.js';
import { median } from './statistics.js';
import { EMULATOR_BIN_DIR } from '../test/dbt-emulator/make-project.mjs';
import { benchEnv, runBundledCli, runTimed } from './timed-process.js';

/** The three ways to recover from the transient failure. */
export const RECOVERIES = ['in-run', 'new-run', 'whole-rerun'] as const;
type Recovery = (typeof RECOVERIES)[number];

/** Nodes executed and median wall time of each recovery. */
export interface InRunRetryBench {
  readonly engine: 'dbt emulator';
  readonly models: number;
  readonly nodeSleepMs: number;
  readonly nodes: Readonly<Record<Recovery, number>>;
  readonly wallMs: Readonly<Record<Recovery, number>>;
}

/** Measure the three recoveries on one generated project. */
export async function measureInRunRetry(params: {
  readonly dir: string;
  readonly cli: string;
  readonly models: number;
  readonly nodeSleepMs: number;
  readonly repetitions: number;
}): Promise<InRunRetryBench> {
  const bench = prepareDbtProject({ ...params, failRatio: 0.02 });
  const traces = mkdtempSync(path.join(params.dir, '..', 'in-run-trace-'));
  let count = 0;
  const trace = () => path.join(traces, `${(count += 1)}.jsonl`);
  // A dbt first on PATH that "brings the warehouse back" when dbt retry runs, then runs the emulator.
  const shims = path.join(params.dir, '..', 'in-run-shims');
  mkdirSync(shims, { recursive: true });
  const marker = path.join(params.dir, '.dbt-emulator.yml');
  writeFileSync(
    path.join(shims, 'dbt'),
    `#!/bin/sh\nif [ "$1" = retry ]; then printf 'sleep_ms: ${params.nodeSleepMs}\\n' > "${marker}"; fi\nexec "${path.join(EMULATOR_BIN_DIR, 'dbt')}" "$@"\n`,
  );
  chmodSync(path.join(shims, 'dbt'), 0o755);
  const schedule = (inRun: boolean) =>
    `name: nightly\nsteps:\n${DBT_COMMANDS.map((c) => (inRun && c === 'dbt run' ? `  - run: ${c}\n    retries: 1\n` : `  - ${c}\n`)).join('')}`;
  const gh = async (args: string[], file: string, extraPath = '') => {
    const env = benchEnv({ DBT_EMULATOR_TRACE: file });
    if (extraPath !== '') env.PATH = `${extraPath}${path.delimiter}${env.PATH ?? ''}`;
    return await runBundledCli({ cli: params.cli, args, cwd: bench.dir, env });
  };
  const once: Record<Recovery, () => Promise<{ nodes: number; wallMs: number }>> = {
    'in-run': async () => {
      writeFileSync(path.join(bench.dir, 'gh-retry.yml'), schedule(true));
      const file = trace();
      const run = await gh(['run'], file, shims);
      if (run.exitCode !== 0) throw new Error(`the in-run retry ended ${run.exitCode}`);
      return { nodes: readTraceNodes(file), wallMs: run.wallMs };
    },
    'new-run': async () => {
      writeFileSync(path.join(bench.dir, 'gh-retry.yml'), schedule(false));
      const [a, b] = [trace(), trace()];
      const first = await gh(['run'], a);
      bench.fixIt();
      const parent = /^run (\S+): /m.exec(first.stdout)?.[1] ?? 'last';
      const retry = await gh(['retry', parent], b);
      if (first.exitCode !== 1 || retry.exitCode !== 0) throw new Error('the new-run retry failed');
      return { nodes: readTraceNodes(a) + readTraceNodes(b), wallMs: first.wallMs + retry.wallMs };
    },
    'whole-rerun': async () => {
      const [a, b] = [trace(), trace()];
      const shell = (file: string) =>
        runTimed({
          file: '/bin/sh',
          args: ['-c', DBT_COMMANDS.join(' && ')],
          cwd: bench.dir,
          env: benchEnv({ DBT_EMULATOR_TRACE: file }),
        });
      const first = await shell(a);
      bench.fixIt();
      const again = await shell(b);
      if (first.exitCode === 0 || again.exitCode !== 0) throw new Error('the whole re-run failed');
      return { nodes: readTraceNodes(a) + readTraceNodes(b), wallMs: first.wallMs + again.wallMs };
    },
  };
  const nodes: Partial<Record<Recovery, number>> = {};
  const samples: Record<Recovery, number[]> = { 'in-run': [], 'new-run': [], 'whole-rerun': [] };
  for (let repetition = 0; repetition < params.repetitions; repetition += 1) {
    for (const recovery of RECOVERIES) {
      bench.breakIt();
      const measured = await once[recovery]();
      nodes[recovery] = measured.nodes;
      samples[recovery].push(measured.wallMs);
    }
  }
  return {
    engine: 'dbt emulator',
    models: params.models,
    nodeSleepMs: params.nodeSleepMs,
    nodes: {
      'in-run': nodes['in-run'] ?? 0,
      'new-run': nodes['new-run'] ?? 0,
      'whole-rerun': nodes['whole-rerun'] ?? 0,
    },
    wallMs: {
      'in-run': median(samples['in-run']),
      'new-run': median(samples['new-run']),
      'whole-rerun': median(samples['whole-rerun']),
    },
  };
}
