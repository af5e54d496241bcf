/**
 * The hidden `<!-- gh-retry:… -->` notes, one protocol:
 * - `parent=RUN` ends the line of a `/retry` reply about retries of run RUN (edited with its outcome);
 * - `reply-to=COMMENT` ends a `/retry` reply: it answers comment COMMENT (answer once);
 * - `retry run=… trigger=… by=… [of=…]`: a retry the bot started (below);
 * - `records expires=…`: when a run's records expire (on its check run).
 *
 * Hidden notes the bot leaves in the text of a run's check run when it starts a retry of that
 * run: which run, what started it and for whom. GitHub's runs API does not say why a dispatched
 * run exists, and the Action records every dispatched retry as `dispatch`; these notes let the
 * bot tell its own automatic retries from manual ones without a database, and find a retry that
 * was already started.
 */

/** What started a retry, as the bot knows it. */
export type RetryTrigger = 'comment' | 'check' | 'policy' | 'cli';

/** One retry the bot started. */
export interface RetryMarker {
  readonly runId: number;
  readonly trigger: RetryTrigger;
  readonly requestedBy: string;
  /**
   * The run it retries; a note on a check run leaves it out (it is that check run's run), a
   * note in a `/retry` reply names it.
   */
  readonly parentRunId?: number;
}

const MARKER =
  /<!-- gh-retry:retry run=(\d{1,16}) trigger=(comment|check|policy|cli) by=([A-Za-z0-9-]{1,39}(?:\[bot\])?)(?: of=(\d{1,16}))? -->/g;

/** The note for one retry (an HTML comment: invisible in the rendered check run or reply). */
export function renderRetryMarker(marker: RetryMarker): string {
  const by = /^[A-Za-z0-9-]{1,39}(?:\[bot\])?$/.test(marker.requestedBy)
    ? marker.requestedBy
    : 'unknown';
  const of = marker.parentRunId === undefined ? '' : ` of=${marker.parentRunId}`;
  return `<!-- gh-retry:retry run=${marker.runId} trigger=${marker.trigger} by=${by}${of} -->`;
}

/** Every note in a check run's text or a reply. */
export function parseRetryMarkers(text: string): RetryMarker[] {
  return [...text.matchAll(MARKER)].map((match) => ({
    runId: Number(match[1]),
    trigger: match[2] as RetryTrigger,
    requestedBy: match[3] ?? 'unknown',
    ...(match[4] === undefined ? {} : { parentRunId: Number(match[4]) }),
  }));
}

/** What the bot's check run of a gh-retry run says about the run's record artifacts. */
export interface RecordsNote {
  /** When the last of them expires; null when GitHub gave no date. */
  readonly expiresAt: string | null;
}

// Only at the very end of the summary, where the bot writes it: the summary above quotes tool
// output (dbt messages, test names) that could spell a note of its own.
const RECORDS = /<!-- gh-retry:records expires=(never|\d{4}-\d{2}-\d{2}T[0-9:.]{8,15}Z) -->\s*$/;

/**
 * The note that the run has gh-retry records and when they expire, so that a `/retry` can choose
 * how to retry it from the check run alone, without listing the run's artifacts.
 */
export function renderRecordsNote(note: RecordsNote): string {
  const time = note.expiresAt === null ? Number.NaN : Date.parse(note.expiresAt);
  const at = Number.isNaN(time) ? 'never' : new Date(time).toISOString();
  return `<!-- gh-retry:records expires=${at} -->`;
}

/** The records note ending a check run's summary; null when there is none (an older check run). */
export function parseRecordsNote(text: string): RecordsNote | null {
  const match = RECORDS.exec(text);
  if (match === null) return null;
  const at = match[1] ?? 'never';
  return { expiresAt: at === 'never' ? null : at };
}

/** Whether the records a note describes have expired at `now`. */
export function recordsExpired(note: RecordsNote, now: Date): boolean {
  return note.expiresAt !== null && Date.parse(note.expiresAt) <= now.getTime();
}

/** The note that ends a reply's line about retries of `parentRunId`. */
export function replyMarker(parentRunId: number): string {
  return `<!-- gh-retry:parent=${parentRunId} -->`;
}

/** True when a reply carries the line for retries of `parentRunId`: the comment to edit with its outcome. */
export function isReplyFor(body: string, parentRunId: number): boolean {
  return body.includes(replyMarker(parentRunId));
}

/** The note that ends the bot's reply to comment `commentId`. */
export function replyToMarker(commentId: number): string {
  return `<!-- gh-retry:reply-to=${commentId} -->`;
}

/** True when `body` is the bot's reply to comment `commentId`. */
export function isReplyTo(body: string, commentId: number): boolean {
  return body.includes(replyToMarker(commentId));
}

const REPLY_END = /<!-- gh-retry:reply-to=\d{1,16} -->\s*$/;

/**
 * The notes block a `/retry` reply ends with (the notes, then the reply-to marker); empty for any
 * other comment. Only there are notes read: the text above quotes what runs and tools said.
 */
export function replyNotes(body: string): string {
  if (!REPLY_END.test(body)) return '';
  return body.slice(body.trimEnd().lastIndexOf('\n\n') + 2);
}
