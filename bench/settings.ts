/**
 * The bench's sections (what `--only` names) and its sizes and repetitions: the full run's, and
 * the tiny ones of `--quick`, which check that the bench works rather than give figures to quote.
 * The settings are written into bench/results.json beside the figures.
 */
import type { SuiteTool } from './test-suite-work-saved.js';

export const SECTIONS = [
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
export type Section = (typeof SECTIONS)[number];

/** Sizes and repetitions; `quick` is for checking the bench itself. */
export function settingsFor(quick: boolean) {
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
