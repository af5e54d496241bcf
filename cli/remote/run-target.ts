/**
 * Which GitHub run a remote command is about: a run URL (`https://HOST/O/R/actions/runs/ID`,
 * optionally `/attempts/N`), `O/R#ID`, or a run id with `--repo O/R`. A local run id (no
 * `--repo`) stays with the local store.
 */
import { UserError } from '../../src/core/errors.js';

/** A run on a GitHub server. */
export interface RunTarget {
  readonly owner: string;
  readonly repo: string;
  readonly runId: number;
  /** The attempt the URL names; null for the run's latest. */
  readonly attempt: number | null;
  /** The web host the URL names (`github.com`, a GHES host); null when not given by a URL. */
  readonly host: string | null;
}

/** The `--repo` option of the remote commands. */
export interface RepoOption {
  readonly repo?: string;
}

const URL_PATH =
  /^\/([\w.-]{1,100})\/([\w.-]{1,100})\/actions\/runs\/(\d{1,16})(?:\/attempts\/(\d{1,4}))?(?:\/jobs?\/\d{1,16})?\/?$/;
const SHORT = /^([\w.-]{1,100})\/([\w.-]{1,100})#(\d{1,16})$/;
const REPO = /^([\w.-]{1,100})\/([\w.-]{1,100})$/;

const USAGE =
  'give a run URL (https://github.com/OWNER/REPO/actions/runs/ID), OWNER/REPO#ID, or a run id with --repo OWNER/REPO';

/** The refusal when GitHub does not show the run: it is not there, or the token cannot see it. */
export function runNotFound(target: Pick<RunTarget, 'owner' | 'repo' | 'runId'>): UserError {
  return new UserError(
    `run ${target.runId} was not found in ${target.owner}/${target.repo}, or your token cannot see it: check the run, or use a token with access to the repository`,
  );
}

/** Whether a command's run argument (with its options) names a GitHub run rather than a local one. */
export function isRemoteRun(ref: string | undefined, options: RepoOption): boolean {
  if (options.repo !== undefined) return true;
  if (ref === undefined) return false;
  return /^https?:\/\//i.test(ref.trim()) || SHORT.test(ref.trim());
}

/** Read the run a remote command is about. */
export function parseRunTarget(ref: string | undefined, options: RepoOption): RunTarget {
  const text = (ref ?? '').trim();
  if (text === '') throw new UserError(`which run? ${USAGE}`);
  if (/^https?:\/\//i.test(text)) return fromUrl(text);
  const short = SHORT.exec(text);
  if (short !== null) {
    const [, owner = '', repo = '', id = ''] = short;
    return { owner, repo, runId: toId(id), attempt: null, host: null };
  }
  if (/^\d{1,16}$/.test(text)) {
    const { owner, repo } = parseRepoOption(options.repo);
    return { owner, repo, runId: toId(text), attempt: null, host: null };
  }
  throw new UserError(`cannot read "${clip(text)}" as a GitHub run: ${USAGE}`);
}

/** `--repo OWNER/REPO`. */
export function parseRepoOption(value: string | undefined): { owner: string; repo: string } {
  const match = REPO.exec((value ?? '').trim());
  if (match === null)
    throw new UserError(
      value === undefined
        ? `a run id needs --repo OWNER/REPO; or ${USAGE}`
        : `--repo takes OWNER/REPO, not "${clip(value)}"`,
    );
  return { owner: match[1] ?? '', repo: match[2] ?? '' };
}

function fromUrl(text: string): RunTarget {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new UserError(`cannot read "${clip(text)}" as a run URL: ${USAGE}`);
  }
  const match = URL_PATH.exec(url.pathname);
  if (match === null) throw new UserError(`"${clip(text)}" is not a workflow run URL: ${USAGE}`);
  const [, owner = '', repo = '', id = '', attempt] = match;
  return {
    owner,
    repo,
    runId: toId(id),
    attempt: attempt === undefined ? null : toId(attempt),
    host: url.host.toLowerCase(),
  };
}

function toId(digits: string): number {
  const id = Number(digits);
  if (!Number.isSafeInteger(id) || id <= 0) throw new UserError(`${digits} is not a run id`);
  return id;
}

function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ');
  return line.length > 100 ? `${line.slice(0, 100)}…` : line;
}
