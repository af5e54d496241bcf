/**
 * Hidden notes the bot leaves in the text of a run's check run when it starts a retry of that
 * run: which run, what started it and for whom. GitHub's runs API does not say why a dispatched
 * run exists, and the Action records every dispatched retry as `dispatch`; these notes let the
 * bot tell its own automatic retries from manual ones without a database, and find a retry that
 * was already started.
 */

/** What started a retry, as the bot knows it. */
export type RetryTrigger = 'comment' | 'check' | 'policy';

/** One retry the bot started. */
export interface RetryMarker {
  readonly runId: number;
  readonly trigger: RetryTrigger;
  readonly requestedBy: string;
}

const MARKER =
  /<!-- gh-retry:retry run=(\d{1,16}) trigger=(comment|check|policy) by=([A-Za-z0-9-]{1,39}(?:\[bot\])?) -->/g;

/** The note for one retry (an HTML comment: invisible in the rendered check run). */
export function renderRetryMarker(marker: RetryMarker): string {
  const by = /^[A-Za-z0-9-]{1,39}(?:\[bot\])?$/.test(marker.requestedBy)
    ? marker.requestedBy
    : 'unknown';
  return `<!-- gh-retry:retry run=${marker.runId} trigger=${marker.trigger} by=${by} -->`;
}

/** Every note in a check run's text. */
export function parseRetryMarkers(text: string): RetryMarker[] {
  return [...text.matchAll(MARKER)].map((match) => ({
    runId: Number(match[1]),
    trigger: match[2] as RetryTrigger,
    requestedBy: match[3] ?? 'unknown',
  }));
}
