import { UserError } from '../errors.js';

/** A workflow run named by a user (`retry-of` input, CLI argument): its id and, if given, the attempt. */
export interface RunReference {
  readonly runId: number;
  readonly attempt: number | null;
}

const WEB_PATH =
  /^\/([^/]+)\/([^/]+)\/actions\/runs\/(\d{1,16})(?:\/attempts\/(\d{1,4}))?(?:\/jobs?\/\d{1,16})?\/?$/;
const API_PATH =
  /^(?:\/api\/v3)?\/repos\/([^/]+)\/([^/]+)\/actions\/runs\/(\d{1,16})(?:\/attempts\/(\d{1,4}))?\/?$/;
const MAX_TEXT = 2048;

/**
 * Read a run reference: `123`, `https://github.com/o/r/actions/runs/123`, `…/runs/123/attempts/2`,
 * `…/runs/123/job/9`, or the API form (`https://api.github.com/repos/o/r/actions/runs/123`).
 * A URL of another host or repository is refused: a retry only ever reads its own repository's runs.
 */
export function parseRunReference(
  text: string,
  params: { owner: string; repo: string; serverUrl?: string },
): RunReference {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return { runId: toId(trimmed, text, params), attempt: null };
  const url = trimmed.length <= MAX_TEXT ? parseUrl(trimmed) : null;
  if (url === null) throw unreadable(text, params);
  const server = parseUrl(params.serverUrl ?? 'https://github.com');
  const webHost = server?.host.toLowerCase() ?? 'github.com';
  const apiHost = webHost === 'github.com' ? 'api.github.com' : webHost;
  const host = url.host.toLowerCase();
  if (host !== webHost && host !== apiHost) {
    throw new UserError(
      `${show(text)} is a run on ${url.host}, but this repository is on ${webHost}: give a run of ${params.owner}/${params.repo}.`,
    );
  }
  const match =
    (host === webHost ? WEB_PATH.exec(url.pathname) : null) ?? API_PATH.exec(url.pathname);
  if (match === null) throw unreadable(text, params);
  const [, owner = '', repo = '', runId = '', attempt] = match;
  if (
    owner.toLowerCase() !== params.owner.toLowerCase() ||
    repo.toLowerCase() !== params.repo.toLowerCase()
  ) {
    throw new UserError(
      `${show(text)} is a run of ${owner}/${repo}, not of ${params.owner}/${params.repo}: a retry can only use a run of the same repository.`,
    );
  }
  return {
    runId: toId(runId, text, params),
    attempt: attempt === undefined ? null : toId(attempt, text, params),
  };
}

function toId(
  digits: string,
  text: string,
  params: { owner: string; repo: string; serverUrl?: string },
): number {
  const id = Number(digits);
  if (!Number.isSafeInteger(id) || id <= 0) throw unreadable(text, params);
  return id;
}

function parseUrl(text: string): URL | null {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url : null;
  } catch {
    return null;
  }
}

function unreadable(
  text: string,
  params: { owner: string; repo: string; serverUrl?: string },
): UserError {
  const base = `${(params.serverUrl ?? 'https://github.com').replace(/\/+$/, '')}/${params.owner}/${params.repo}/actions/runs`;
  return new UserError(
    `Cannot read ${show(text)} as a workflow run. Give a run id (123456789), a run URL (${base}/123456789) ` +
      `or a run attempt URL (${base}/123456789/attempts/2).`,
  );
}

function show(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return `"${oneLine.length > 100 ? `${oneLine.slice(0, 100)}…` : oneLine}"`;
}

/**
 * The GitHub run behind a record id: the Action names records `<run_id>-<attempt>`; a bare run id
 * is read with a null attempt. Null for other ids (local runs).
 */
export function parseRecordRunId(recordId: string): RunReference | null {
  const match = /^(\d{1,16})(?:-(\d{1,4}))?$/.exec(recordId);
  if (match === null) return null;
  const runId = Number(match[1]);
  const attempt = match[2] === undefined ? null : Number(match[2]);
  const valid = Number.isSafeInteger(runId) && runId > 0 && (attempt === null || attempt > 0);
  return valid ? { runId, attempt } : null;
}
