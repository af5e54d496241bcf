/**
 * The emulator's stateful model of GitHub: plain records (records.ts) in maps, with id allocation
 * and the few lookups every handler needs. REST and webhook representations are built from it
 * elsewhere.
 */
import { createHash } from 'node:crypto';
import type {
  AppRecord,
  ArtifactRecord,
  AttemptRecord,
  CheckRunRecord,
  CommentRecord,
  CommitRecord,
  InstallationRecord,
  IssueRecord,
  ReactionRecord,
  RepoRecord,
  RunRecord,
  TokenRecord,
  UserRecord,
  WorkflowRecord,
} from './records.js';

const idBases = {
  user: 5_000_000,
  repo: 600_000_000,
  workflow: 70_000_000,
  run: 8_000_000_000,
  artifact: 4_000_000_000,
  comment: 2_000_000_000,
  issue: 3_000_000_000,
  pull: 1_500_000_000,
  reaction: 300_000_000,
  checkSuite: 30_000_000_000,
  checkRun: 40_000_000_000,
  app: 900_000,
  installation: 60_000_000,
} as const;

/** Id kinds; each counts from its own base so an id of one kind is never a valid id of another. */
export type IdKind = keyof typeof idBases;

/** The whole model. Handlers mutate it directly; nothing else holds state. */
export class State {
  readonly users = new Map<string, UserRecord>();
  readonly repos = new Map<number, RepoRecord>();
  readonly commits = new Map<string, CommitRecord>();
  readonly workflows = new Map<number, WorkflowRecord>();
  readonly runs = new Map<number, RunRecord>();
  readonly artifacts = new Map<number, ArtifactRecord>();
  readonly issues = new Map<string, IssueRecord>();
  readonly comments = new Map<number, CommentRecord>();
  readonly reactions: ReactionRecord[] = [];
  readonly checkRuns = new Map<number, CheckRunRecord>();
  readonly checkSuites = new Map<string, number>();
  /** Suites re-requested and not written to by their App since: they show `queued`. */
  readonly queuedSuites = new Set<number>();
  readonly apps = new Map<number, AppRecord>();
  readonly installations = new Map<number, InstallationRecord>();
  readonly tokens = new Map<string, TokenRecord>();
  private readonly counters = new Map<IdKind, number>();
  private shaCounter = 0;
  /** How far the model's clock is from real time (negative: behind). */
  clockOffsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.clockOffsetMs);
  }

  /** Now, as GitHub writes times (no milliseconds). */
  nowIso(): string {
    return isoSeconds(this.now());
  }

  nextId(kind: IdKind): number {
    const next = (this.counters.get(kind) ?? 0) + 1;
    this.counters.set(kind, next);
    return idBases[kind] + next;
  }

  /** A fresh, deterministic-looking 40-hex sha. */
  nextSha(seed: string): string {
    this.shaCounter += 1;
    return createHash('sha1').update(`${seed}\0${this.shaCounter}`).digest('hex');
  }

  ensureUser(login: string, type: UserRecord['type'] = 'User'): UserRecord {
    let user = this.users.get(login.toLowerCase());
    if (!user) {
      user = { id: this.nextId('user'), login, type };
      this.users.set(login.toLowerCase(), user);
    }
    return user;
  }

  findRepo(owner: string, name: string): RepoRecord | undefined {
    const wanted = `${owner}/${name}`.toLowerCase();
    return [...this.repos.values()].find(
      (repo) => `${repo.owner.login}/${repo.name}`.toLowerCase() === wanted,
    );
  }

  /** Resolve a branch, tag (short or `refs/…`) or full sha to a commit sha. */
  resolveRef(repo: RepoRecord, ref: string): string | undefined {
    const branch = ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : ref;
    const tag = ref.startsWith('refs/tags/') ? ref.slice('refs/tags/'.length) : ref;
    if (!ref.startsWith('refs/tags/') && repo.branches.has(branch))
      return repo.branches.get(branch);
    if (!ref.startsWith('refs/heads/') && repo.tags.has(tag)) return repo.tags.get(tag);
    return /^[0-9a-f]{40}$/.test(ref) && this.commits.has(ref) ? ref : undefined;
  }

  /** Commit files onto a branch (creating it from the default branch if new); returns the new sha. */
  commit(params: {
    repo: RepoRecord;
    branch: string;
    files: Readonly<Record<string, string | null>>;
    message?: string;
    author?: UserRecord;
  }): string {
    const { repo, branch } = params;
    const parent = repo.branches.get(branch) ?? repo.branches.get(repo.defaultBranch);
    const files = new Map(parent ? this.commits.get(parent)?.files : undefined);
    for (const [path, content] of Object.entries(params.files)) {
      if (content === null) files.delete(path);
      else files.set(path.replace(/^\/+/, ''), content);
    }
    const sha = this.nextSha(`${repo.id}:${branch}`);
    this.commits.set(sha, {
      sha,
      treeSha: this.nextSha(`tree:${sha}`),
      message: params.message ?? `Update ${branch}`,
      timestamp: this.nowIso(),
      author: params.author ?? repo.owner,
      files,
    });
    repo.branches.set(branch, sha);
    return sha;
  }

  /** A file's content as of a commit. */
  fileAt(sha: string | undefined, path: string): string | undefined {
    return sha === undefined ? undefined : this.commits.get(sha)?.files.get(path);
  }

  issueKey(repoId: number, issueNumber: number): string {
    return `${repoId}#${issueNumber}`;
  }

  nextIssueNumber(repoId: number): number {
    return [...this.issues.values()].filter((issue) => issue.repoId === repoId).length + 1;
  }

  /** The check suite of an App for a commit, created on first use. */
  checkSuiteId(repoId: number, headSha: string, appKey: string): number {
    const key = `${repoId}:${headSha}:${appKey}`;
    let id = this.checkSuites.get(key);
    if (id === undefined) {
      id = this.nextId('checkSuite');
      this.checkSuites.set(key, id);
    }
    return id;
  }

  latestAttempt(run: RunRecord): AttemptRecord {
    const attempt = run.attempts.at(-1);
    if (!attempt) throw new Error(`run ${run.id} has no attempt`);
    return attempt;
  }
}

/** Whether an App installation includes a repository. */
export function installationCovers(installation: InstallationRecord, repo: RepoRecord): boolean {
  return installation.repositoryIds === 'all'
    ? installation.account.id === repo.owner.id
    : installation.repositoryIds.includes(repo.id);
}

/** ISO time without milliseconds, as GitHub writes it. */
export function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** `owner/name` of a repository. */
export function fullName(repo: RepoRecord): string {
  return `${repo.owner.login}/${repo.name}`;
}
