// `gh-retry prune`: remove old runs from the local store so it does not grow without bound. It
// never removes a run that is still running, nor the last run of a chain that did not succeed
// (the one a `gh-retry retry` of that chain starts from), and says which it kept and why.
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { UserError } from '../src/core/errors.js';
import type { ListedRun } from '../src/adapters/local/fs-run-store.js';
import { type CliContext, openRunStore, type StoreOption } from './cli-context.js';
import { livenessOf } from './run-liveness.js';

/** Options of `gh-retry prune`. */
export interface PruneOptions extends StoreOption {
  readonly keep?: string;
  readonly olderThan?: string;
  readonly dryRun?: boolean;
}

const DAY_MS = 86_400_000;

/** `30d`, `12h` as milliseconds; a usage error otherwise. */
export function parseAge(text: string): number {
  const match = /^(\d{1,5})([dh])$/.exec(text.trim());
  if (match === null) {
    throw new UserError(
      `--older-than takes a number of days or hours, such as 30d or 12h, not "${text}"`,
    );
  }
  return Number(match[1]) * (match[2] === 'd' ? DAY_MS : DAY_MS / 24);
}

function parseKeep(text: string): number {
  if (!/^\d{1,6}$/.test(text.trim())) {
    throw new UserError(`--keep takes a number of runs, such as 100, not "${text}"`);
  }
  return Number(text);
}

/** Whether each run may be pruned by the flags: outside the newest `keep` and older than the age. */
function byFlags(runs: readonly ListedRun[], options: PruneOptions, now: number) {
  const keep = options.keep === undefined ? null : parseKeep(options.keep);
  const age = options.olderThan === undefined ? null : parseAge(options.olderThan);
  if (keep === null && age === null) {
    throw new UserError(
      'say what to prune: --keep N (the newest runs to keep) and/or --older-than 30d',
    );
  }
  return runs.filter((run, index) => {
    const outsideKept = keep === null || index < runs.length - keep;
    const old = age === null || Date.parse(run.summary.startedAt) < now - age;
    return outsideKept && old;
  });
}

/** Why a run must stay whatever the flags say, or null. */
async function keptBecause(
  run: ListedRun,
  lastOfChain: ReadonlySet<string>,
): Promise<string | null> {
  const { summary } = run;
  if (summary.status === 'cancelled' && (await livenessOf(run))?.kind === 'running') {
    return 'it is still running';
  }
  if (lastOfChain.has(summary.id) && summary.status !== 'success') {
    return `it is the last run of its chain and ${summary.status}: "gh-retry retry ${summary.id}" starts from it`;
  }
  return null;
}

/** `gh-retry prune --keep N | --older-than 30d [--dry-run]`. */
export async function pruneCommand(options: PruneOptions, context: CliContext): Promise<number> {
  const store = openRunStore(options, context);
  const runs = await store.listSummaries();
  const candidates = byFlags(runs, options, Date.now());
  const lastOfChain = new Map<string, string>();
  for (const run of runs) lastOfChain.set(run.summary.lineage.root, run.summary.id);
  const lasts = new Set(lastOfChain.values());
  const verb = options.dryRun === true ? 'would remove' : 'removed';
  let removed = 0;
  for (const run of candidates) {
    const why = await keptBecause(run, lasts);
    if (why !== null) {
      context.stdout(`kept ${run.summary.id}: ${why}\n`);
      continue;
    }
    if (options.dryRun !== true)
      await rm(path.dirname(run.stateRoot), { recursive: true, force: true });
    context.stdout(`${verb} ${run.summary.id}\n`);
    removed += 1;
  }
  context.stdout(`${verb} ${String(removed)} of ${String(runs.length)} runs\n`);
  return 0;
}
