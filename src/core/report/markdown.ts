import type { RunStatus, StepStatus } from '../run-record/schema.js';
import { parseRecordRunId } from '../run-record/reference.js';
import { endWithinBytes, startWithinBytes, utf8Length } from '../utf8.js';

/**
 * The Markdown-safety primitives every surface that writes Markdown goes through (job summary,
 * check run, reply). Everything taken from a record or an API answer is untrusted: it is shown in
 * code spans or escaped, so it cannot mention people, link elsewhere, or break the layout.
 *
 * Two fit policies, on purpose: {@link fitMarkdown} keeps the head and tail of a report and cuts
 * its body (a summary's end says how to retry); {@link fitNewest} keeps the newest part of a log
 * and drops the oldest (a check run's retry log grows at the end).
 */

/** The longest untrusted text shown inline (a code span or an escaped name) in a report. */
export const INLINE_TEXT_MAX = 300;

/** GitHub's limit for a check run's `output.summary` and for a comment body. */
export const MARKDOWN_LIMIT = 65_535;

/**
 * GitHub's limit for one step's job summary (`GITHUB_STEP_SUMMARY`): past 1 MiB the runner drops
 * the step's whole summary ("upload aborted, supports content up to a size of 1024k").
 */
export const JOB_SUMMARY_LIMIT = 1024 * 1024;

/** Below this much room, a summary would say nothing useful: better none, and a warning. */
const MIN_SUMMARY_ROOM = 1024;

/**
 * The bytes a report may take in a step summary that already holds `usedBytes` (what the step's
 * commands wrote to it), or null when too little room is left for one.
 */
export function summaryRoom(usedBytes: number): number | null {
  const room = Math.min(MARKDOWN_LIMIT, JOB_SUMMARY_LIMIT - usedBytes - 2);
  return room < MIN_SUMMARY_ROOM ? null : room;
}

/** The web URL of a GitHub run, from its id. Without it, runs are named but not linked. */
export type RunUrl = (runId: number) => string;

/** One icon per step or run status, for every report. */
export const STATUS_ICONS: Readonly<Record<StepStatus | RunStatus, string>> = {
  success: '✅',
  failed: '❌',
  skipped: '⏭️',
  reused: '♻️',
  cancelled: '🚫',
};
export const SHORTENED_NOTE =
  '_Shortened to fit GitHub’s size limit; the run record has every detail._';

/** Join head, body and tail; past `max`, cut the body at a line end and say so, keeping head and tail. */
export function fitMarkdown(params: {
  head: string;
  body: readonly string[];
  tail: string;
  max: number;
}): string {
  const join = (parts: readonly string[]) => parts.filter((p) => p !== '').join('\n\n');
  const full = join([params.head, ...params.body, params.tail]);
  // Limits are in UTF-8 bytes (GitHub's check-run limit), which also keeps character limits.
  if (utf8Length(full) <= params.max) return full;
  const fixed = utf8Length(join([params.head, SHORTENED_NOTE, params.tail])) + 4;
  const room = startWithinBytes(join(params.body), Math.max(0, params.max - fixed));
  const cut = room.lastIndexOf('\n');
  const shortened = join([
    params.head,
    cut > 0 ? room.slice(0, cut) : '',
    SHORTENED_NOTE,
    params.tail,
  ]);
  return utf8Length(shortened) <= params.max
    ? shortened
    : `${startWithinBytes(shortened, params.max - 3)}…`;
}

/** A run named by a record id: linked `#123` for a GitHub run, else the id as code. */
export function runLabel(recordId: string, runUrl: RunUrl | undefined): string {
  const run = parseRecordRunId(recordId);
  if (run === null) return code(recordId);
  const attempt = run.attempt !== null && run.attempt > 1 ? ` (attempt ${run.attempt})` : '';
  return `${runLink(run.runId, runUrl)}${attempt}`;
}

/** `[#123](url)`; without a URL `run 123` as code, because a bare `#123` links to an issue. */
export function runLink(runId: number, runUrl: RunUrl | undefined): string {
  return runUrl === undefined ? `run ${code(String(runId))}` : `[#${runId}](${runUrl(runId)})`;
}

/** A GitHub login as a mention; anything that is not a login, as code. */
export function login(name: string): string {
  return /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\[bot\])?$/.test(name) ? `@${name}` : code(name);
}

/** Untrusted text as an inline code span on one line. */
export function code(text: string): string {
  const clean = oneLine(text, INLINE_TEXT_MAX);
  const longest = Math.max(0, ...(clean.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return clean.startsWith('`') || clean.endsWith('`') || longest > 0
    ? `${fence} ${clean} ${fence}`
    : `${fence}${clean}${fence}`;
}

/** Untrusted text as plain Markdown: punctuation escaped, mentions defused, one line. */
export function plain(text: string, max: number = INLINE_TEXT_MAX): string {
  return oneLine(text, max)
    .replace(/[\\`*_{}[\]()<>#+!|~]/g, '\\$&')
    .replace(/@/g, '@\u2060');
}

/** Text on one line (whitespace runs become one space), cut to `max` characters with `…`. */
export function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

/** Past `max`, drop the oldest part of `text` at a line end and say so: the newest lines matter. */
export function fitNewest(text: string, max: number = MARKDOWN_LIMIT): string {
  if (utf8Length(text) <= max) return text;
  const end = endWithinBytes(text, max - 40);
  const cut = end.indexOf('\n');
  return `_Older entries were dropped._\n\n${end.slice(cut + 1)}`;
}
