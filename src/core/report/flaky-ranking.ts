import type { FlakyEntry, RunRecord } from '../run-record/schema.js';
import { renderTextTable, truncateText } from './text-table.js';
import { counted } from '../words.js';

/**
 * `gh-retry flaky`: the nodes and tests that were flaky most often over a set of run records.
 * A record counts once per node or test, however many of its steps name it.
 */

/** One ranked node or test. */
export interface FlakyRank {
  readonly id: string;
  readonly kind: FlakyEntry['kind'];
  /** Runs that showed it flaky. */
  readonly count: number;
  /** When the latest of those runs finished (ISO time). */
  readonly lastSeen: string;
  /** The latest of those runs. */
  readonly lastRun: string;
  /** The error message of its latest flaky failure, when the tool gave one. */
  readonly lastMessage: string | null;
  /** The steps it was flaky in, in the order first seen. */
  readonly steps: readonly string[];
}

/** Rank flaky nodes and tests: most often first, then most recently seen, then by id. */
export function rankFlaky(records: readonly RunRecord[]): FlakyRank[] {
  const ranks = new Map<string, FlakyRank>();
  const byTime = [...records].sort((a, b) => a.finishedAt.localeCompare(b.finishedAt));
  for (const record of byTime) {
    const counted = new Set<string>();
    for (const step of record.steps) {
      for (const entry of step.flaky ?? []) {
        const key = `${entry.kind}\0${entry.id}`;
        const known = ranks.get(key);
        const fresh = !counted.has(key);
        counted.add(key);
        ranks.set(key, {
          id: entry.id,
          kind: entry.kind,
          count: (known?.count ?? 0) + (fresh ? 1 : 0),
          lastSeen: record.finishedAt,
          lastRun: record.id,
          lastMessage: entry.message ?? known?.lastMessage ?? null,
          steps:
            known === undefined || known.steps.includes(step.id)
              ? (known?.steps ?? [step.id])
              : [...known.steps, step.id],
        });
      }
    }
  }
  return [...ranks.values()].sort(
    (a, b) => b.count - a.count || b.lastSeen.localeCompare(a.lastSeen) || a.id.localeCompare(b.id),
  );
}

/** The ranking as a terminal table, the first `limit` rows and how many more. */
export function renderFlakyRanking(params: {
  ranks: readonly FlakyRank[];
  runs: number;
  limit: number;
}): string {
  const { ranks, runs, limit } = params;
  const over = `the last ${counted(runs, 'run')}`;
  if (ranks.length === 0) return `nothing was flaky in ${over}`;
  const rows = ranks
    .slice(0, limit)
    .map((rank) => [
      String(rank.count),
      rank.kind,
      truncateText(rank.id, 100),
      rank.lastSeen.slice(0, 19).replace('T', ' '),
      rank.lastRun,
      rank.lastMessage === null ? '' : truncateText(rank.lastMessage, 80),
    ]);
  const more = ranks.length - rows.length;
  return [
    `flaky nodes and tests (failed, then passed on the same code) in ${over}, most often first:`,
    renderTextTable(['TIMES', 'KIND', 'ID', 'LAST SEEN (UTC)', 'LAST RUN', 'LAST MESSAGE'], rows),
    ...(more > 0 ? [`+${more} more (raise --limit to see them)`] : []),
  ].join('\n');
}
