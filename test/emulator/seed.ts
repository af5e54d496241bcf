/**
 * Seeding the model for tests: repositories with files and workflows, branches, pull requests
 * (same-repository or fork heads), issues, collaborators, Apps and their installations, tokens.
 */
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createInstallationToken, newToken } from './auth.js';
import type { Hub } from './hub.js';
import type {
  IssueRecord,
  Permissions,
  RepoRecord,
  Role,
  UserRecord,
  WebhookTarget,
} from './records.js';

/** A repository to create. */
export interface SeedRepoOptions {
  /** `owner/name`. */
  readonly repo: string;
  readonly private?: boolean | undefined;
  readonly defaultBranch?: string | undefined;
  /** Files of the default branch; `.github/workflows/*.yml` files become workflows. */
  readonly files?: Readonly<Record<string, string>> | undefined;
  /** More branches, each with files changed from the default branch. */
  readonly branches?: Readonly<Record<string, Readonly<Record<string, string>>>> | undefined;
  readonly collaborators?: Readonly<Record<string, Role>> | undefined;
  readonly ownerType?: 'User' | 'Organization' | undefined;
  /** Default `GITHUB_TOKEN` permissions (default `read`, GitHub's restricted default). */
  readonly defaultWorkflowPermissions?: 'read' | 'write' | undefined;
}

/** Split `owner/name`; throws on anything else. */
export function splitRepo(repo: string): [string, string] {
  const [owner, name, extra] = repo.split('/');
  if (!owner || !name || extra !== undefined) throw new Error(`expected owner/name, got '${repo}'`);
  return [owner, name];
}

/** The repository named `owner/name`; throws when it was never seeded. */
export function requireSeededRepo(hub: Hub, repo: string): RepoRecord {
  const found = hub.state.findRepo(...splitRepo(repo));
  if (!found) throw new Error(`repository ${repo} is not seeded`);
  return found;
}

/** Register workflows for every workflow file on the default branch that has no record yet. */
export function syncWorkflows(hub: Hub, repo: RepoRecord): void {
  const sha = repo.branches.get(repo.defaultBranch);
  const files = sha ? hub.state.commits.get(sha)?.files : undefined;
  for (const path of files?.keys() ?? []) {
    if (!/^\.github\/workflows\/[^/]+\.ya?ml$/.test(path)) continue;
    const known = [...hub.state.workflows.values()].some(
      (workflow) => workflow.repoId === repo.id && workflow.path === path,
    );
    if (known) continue;
    const id = hub.state.nextId('workflow');
    hub.state.workflows.set(id, {
      id,
      repoId: repo.id,
      path,
      createdAt: hub.state.nowIso(),
      state: 'active',
    });
  }
}

/** Create a repository. */
export function seedRepo(hub: Hub, options: SeedRepoOptions): RepoRecord {
  const [ownerLogin, name] = splitRepo(options.repo);
  if (hub.state.findRepo(ownerLogin, name))
    throw new Error(`repository ${options.repo} already exists`);
  const owner = hub.state.ensureUser(ownerLogin, options.ownerType ?? 'User');
  const repo: RepoRecord = {
    id: hub.state.nextId('repo'),
    owner,
    name,
    private: options.private ?? false,
    defaultBranch: options.defaultBranch ?? 'main',
    branches: new Map(),
    tags: new Map(),
    fork: false,
    createdAt: hub.state.nowIso(),
    collaborators: new Map(),
    defaultWorkflowPermissions: options.defaultWorkflowPermissions ?? 'read',
  };
  hub.state.repos.set(repo.id, repo);
  hub.state.commit({
    repo,
    branch: repo.defaultBranch,
    files: options.files ?? { 'README.md': `# ${name}\n` },
    message: 'Initial commit',
  });
  for (const [branch, files] of Object.entries(options.branches ?? {}))
    hub.state.commit({ repo, branch, files, message: `Work on ${branch}` });
  for (const [login, role] of Object.entries(options.collaborators ?? {}))
    setRole(hub, repo, login, role);
  syncWorkflows(hub, repo);
  return repo;
}

/** Give a user a role on a repository (creating the user). */
export function setRole(hub: Hub, repo: RepoRecord, login: string, role: Role | 'none'): void {
  hub.state.ensureUser(login);
  if (role === 'none') repo.collaborators.delete(login.toLowerCase());
  else repo.collaborators.set(login.toLowerCase(), role);
}

/** A pull request to open. */
export interface PullRequestOptions {
  readonly repo: string;
  /** Head branch; created from the base (with `files`) when it does not exist. */
  readonly head: string;
  readonly base?: string;
  /** A fork head: `true` forks into `<user>/<name>`, a string names the fork owner. */
  readonly fork?: boolean | string;
  readonly title?: string;
  readonly body?: string;
  readonly user?: string;
  readonly files?: Readonly<Record<string, string>>;
}

function forkOf(hub: Hub, base: RepoRecord, ownerLogin: string): RepoRecord {
  const existing = hub.state.findRepo(ownerLogin, base.name);
  if (existing) return existing;
  const fork: RepoRecord = {
    id: hub.state.nextId('repo'),
    owner: hub.state.ensureUser(ownerLogin),
    name: base.name,
    private: base.private,
    defaultBranch: base.defaultBranch,
    branches: new Map(),
    tags: new Map(),
    fork: true,
    createdAt: hub.state.nowIso(),
    collaborators: new Map(),
    defaultWorkflowPermissions: 'read',
  };
  hub.state.repos.set(fork.id, fork);
  const baseSha = base.branches.get(base.defaultBranch);
  if (baseSha) fork.branches.set(base.defaultBranch, baseSha);
  return fork;
}

/** Open a pull request (issue numbers are shared with issues). */
export function addPullRequest(hub: Hub, options: PullRequestOptions): IssueRecord {
  const repo = requireSeededRepo(hub, options.repo);
  const user = hub.state.ensureUser(
    options.user ?? (typeof options.fork === 'string' ? options.fork : repo.owner.login),
  );
  const headRepo = options.fork
    ? forkOf(hub, repo, typeof options.fork === 'string' ? options.fork : user.login)
    : repo;
  const baseRef = options.base ?? repo.defaultBranch;
  const isNewBranch = !headRepo.branches.has(options.head);
  const baseSha = repo.branches.get(baseRef);
  if (isNewBranch && baseSha) headRepo.branches.set(options.head, baseSha);
  if (isNewBranch || options.files) {
    hub.state.commit({
      repo: headRepo,
      branch: options.head,
      files: options.files ?? { [`${options.head}.txt`]: `${options.head}\n` },
      message: options.title ?? `Change ${options.head}`,
      author: user,
    });
  }
  const issue: IssueRecord = {
    id: hub.state.nextId('issue'),
    repoId: repo.id,
    number: hub.state.nextIssueNumber(repo.id),
    title: options.title ?? `Change ${options.head}`,
    body: options.body ?? '',
    user,
    createdAt: hub.state.nowIso(),
    pull: {
      id: hub.state.nextId('pull'),
      headRepoId: headRepo.id,
      headRef: options.head,
      headSha: headRepo.branches.get(options.head) ?? '',
      baseRef,
    },
  };
  hub.state.issues.set(hub.state.issueKey(repo.id, issue.number), issue);
  return issue;
}

/** Open an issue (not a pull request). */
export function addIssue(
  hub: Hub,
  options: { repo: string; title: string; body?: string; user?: string },
): IssueRecord {
  const repo = requireSeededRepo(hub, options.repo);
  const issue: IssueRecord = {
    id: hub.state.nextId('issue'),
    repoId: repo.id,
    number: hub.state.nextIssueNumber(repo.id),
    title: options.title,
    body: options.body ?? '',
    user: hub.state.ensureUser(options.user ?? repo.owner.login),
    createdAt: hub.state.nowIso(),
  };
  hub.state.issues.set(hub.state.issueKey(repo.id, issue.number), issue);
  return issue;
}

/** An App to register and install. */
export interface InstallAppOptions {
  readonly slug?: string;
  readonly permissions: Permissions;
  readonly events: readonly string[];
  /** The account it is installed on (default: the first seeded repository's owner). */
  readonly account?: string;
  /** `owner/name` list, or every repository of the account (default). */
  readonly repositories?: readonly string[] | 'all';
  readonly webhook?: WebhookTarget;
}

/** What a test needs to run the App against the emulator. */
export interface AppCredentials {
  readonly appId: number;
  readonly slug: string;
  readonly clientId: string;
  /** PEM (PKCS#1), as GitHub hands it out. */
  readonly privateKey: string;
  readonly installationId: number;
  readonly webhookSecret: string;
  readonly botLogin: string;
}

/** Register an App and install it on an account. */
export function installApp(hub: Hub, options: InstallAppOptions): AppCredentials {
  const accountLogin = options.account ?? [...hub.state.repos.values()][0]?.owner.login;
  if (!accountLogin)
    throw new Error('seed a repository (or pass account) before installing an App');
  const account = hub.state.ensureUser(accountLogin);
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const id = hub.state.nextId('app');
  const slug = options.slug ?? `gh-retry-test-${id}`;
  const app = {
    id,
    slug,
    name: slug,
    clientId: `Iv23li${randomBytes(7).toString('hex')}`,
    owner: account,
    botUser: hub.state.ensureUser(`${slug}[bot]`, 'Bot'),
    privateKey: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
    publicKey,
    webhookSecret: randomBytes(20).toString('hex'),
    permissions: { metadata: 'read' as const, ...options.permissions },
    events: options.events,
    createdAt: hub.state.nowIso(),
    target: options.webhook,
  };
  hub.state.apps.set(id, app);
  const repositoryIds =
    !options.repositories || options.repositories === 'all'
      ? 'all'
      : options.repositories.map((name) => requireSeededRepo(hub, name).id);
  const installation = {
    id: hub.state.nextId('installation'),
    appId: id,
    account,
    repositoryIds,
  } as const;
  hub.state.installations.set(installation.id, installation);
  return {
    appId: id,
    slug,
    clientId: app.clientId,
    privateKey: app.privateKey,
    installationId: installation.id,
    webhookSecret: app.webhookSecret,
    botLogin: app.botUser.login,
  };
}

/** An installation token without the JWT exchange. */
export function installationToken(
  hub: Hub,
  installationId: number,
  permissions?: Permissions,
): string {
  const installation = hub.state.installations.get(installationId);
  if (!installation) throw new Error(`no installation ${installationId}`);
  return createInstallationToken(hub.state, installation, permissions).token;
}

/** A personal access token acting as a user with full access. */
export function userToken(hub: Hub, login: string): string {
  const user: UserRecord = hub.state.ensureUser(login);
  const token = newToken('ghp_');
  hub.state.tokens.set(token, { token, expiresAt: null, principal: { kind: 'user', user } });
  return token;
}
