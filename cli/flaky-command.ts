/**
 * `gh-retry flaky`: the nodes and tests that were flaky most often over the recent runs of the
 * local store (`--repo O/R`: of a repository on GitHub, see `remote/flaky-remote.ts`).
 */
import { UserError } from '../src/core/errors.js';
import { rankFlaky, renderFlakyRanking, type FlakyRank } from '../src/core/report/flaky-ranking.js';
import type { RunRecord } from '../src/core/run-record/schema.js';
import { openRunStore, type CliContext, type StoreOption } from './cli-context.js';
import { jsonText } from './json-output.js';
import type { JsonOption } from './inspect-commands.js';

/** Options of `gh-retry flaky`. */
export interface FlakyOptions extends StoreOption, JsonOption {
  readonly limit?: string;
  readonly runs?: string;
}

/** `flaky --json`: the contract documented in the README. */
export interface FlakyJson {
  /** How many run records were read. */
  readonly runs: number;
  readonly flaky: readonly FlakyRank[];
  /** Ranked nodes and tests left out by `--limit`. */
  readonly more: number;
}

export const FLAKY_LIMITS = {
  rows: { default: 20, max: 1000 },
  localRuns: { default: 100, max: 1000 },
} as const;

/** `gh-retry flaky [--runs N] [--limit N] [--json]` over the local store. */
export async function flakyCommand(options: FlakyOptions, context: CliContext): Promise<number> {
  const limit = readCount('--limit', options.limit, FLAKY_LIMITS.rows);
  const runs = readCount('--runs', options.runs, FLAKY_LIMITS.localRuns);
  const stored = await openRunStore(options, context).listRuns();
  const records = stored.map((run) => run.record).slice(-runs);
  printRanking({ records, limit, json: options.json === true, context });
  return 0;
}

/** Rank `records` and print the first `limit`, as a table or as JSON. */
export function printRanking(params: {
  records: readonly RunRecord[];
  limit: number;
  json: boolean;
  context: CliContext;
}): void {
  const { records, limit, context } = params;
  const ranks = rankFlaky(records);
  if (params.json) {
    const json: FlakyJson = {
      runs: records.length,
      flaky: ranks.slice(0, limit),
      more: Math.max(0, ranks.length - limit),
    };
    context.stdout(jsonText(json));
    return;
  }
  context.stdout(`${renderFlakyRanking({ ranks, runs: records.length, limit })}\n`);
}

/** A whole number option from 1 to `max`; anything else is an error naming the flag. */
export function readCount(
  flag: string,
  text: string | undefined,
  bounds: { readonly default: number; readonly max: number },
): number {
  if (text === undefined) return bounds.default;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isInteger(value) || value < 1 || value > bounds.max)
    throw new UserError(`${flag} must be a whole number from 1 to ${bounds.max}, not "${text}"`);
  return value;
}
