import { listFlaky } from '../retry/flaky.js';
import type { FlakyEntry, RunRecord } from '../run-record/schema.js';
import { code, oneLine } from './markdown.js';

/**
 * What a run showed to be flaky (a node or test that failed, then passed on the same code), for
 * every report: the job summary and check run (Markdown), `gh-retry show` (text) and the bot's
 * `/retry` outcome line. Always bounded: the first few, then "+N more".
 */

/** Flaky nodes and tests a summary or check run names before "+N more". */
export const LISTED_FLAKY = 20;
/** Flaky nodes and tests a one-line outcome (reply, terminal) names before "+N more". */
export const LISTED_FLAKY_INLINE = 5;

/** The Markdown section of a run summary; '' when nothing was flaky. */
export function renderFlakySection(record: RunRecord, link: (recordId: string) => string): string {
  const all = listFlaky(record);
  if (all.length === 0) return '';
  const items = all.slice(0, LISTED_FLAKY).map(({ step, entry }) => {
    const message = entry.message === null ? '' : `: ${code(oneLine(entry.message, 200))}`;
    return `- ${code(entry.id)} (${entry.kind}, step ${code(step)}) failed in ${where(entry, link)}${message}, then passed`;
  });
  const more = all.length - items.length;
  return [
    `### Flaky (${all.length})`,
    'Failed, then passed on the same code: worth fixing, not just retrying.',
    [...items, ...(more > 0 ? [`- +${more} more`] : [])].join('\n'),
  ].join('\n\n');
}

/** Flaky ids as inline code, "+N more" past the first few: `` `a`, `b` +3 more``. */
export function renderFlakyInline(record: RunRecord): string {
  const all = listFlaky(record);
  const shown = all.slice(0, LISTED_FLAKY_INLINE).map(({ entry }) => code(entry.id));
  const more = all.length - shown.length;
  return `${shown.join(', ')}${more > 0 ? ` +${more} more` : ''}`;
}

/** Plain-text lines for a terminal: one per flaky node or test, bounded. */
export function describeFlakyLines(record: RunRecord): string[] {
  const all = listFlaky(record);
  if (all.length === 0) return [];
  const lines = all.slice(0, LISTED_FLAKY).map(({ step, entry }) => {
    const message = entry.message === null ? '' : `: ${oneLine(entry.message, 120)}`;
    return `  ${entry.id} (${entry.kind}, step ${step}) failed in ${entry.failedIn.run} attempt ${entry.failedIn.attempt}${message}`;
  });
  const more = all.length - lines.length;
  return [
    `flaky (failed, then passed on the same code): ${all.length}`,
    ...lines,
    ...(more > 0 ? [`  +${more} more`] : []),
  ];
}

function where(entry: FlakyEntry, link: (recordId: string) => string): string {
  return `${link(entry.failedIn.run)}, attempt ${entry.failedIn.attempt}`;
}
