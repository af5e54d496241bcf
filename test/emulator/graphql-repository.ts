/**
 * Repositories, their git objects (`object(expression: "REF:path")`), pull requests and commits
 * through GraphQL, with GitHub's NOT_FOUND errors for a repository or pull request that is
 * missing or hidden from the caller.
 */
import { createHash } from 'node:crypto';
import { accessTo, requireAccess } from './graphql-access.js';
import { commitCheckSuites, type CommitSource } from './graphql-checks.js';
import { pageOf } from './graphql-connection.js';
import {
  fieldError,
  resolversOf,
  type FieldArgs,
  type GraphqlContext,
  type Resolvers,
} from './graphql-schema.js';
import { fullName } from './state.js';
import type { IssueRecord, RepoRecord, UserRecord } from './records.js';

interface BlobSource {
  readonly __typename: 'Blob';
  readonly text: string;
}

interface PullSource {
  readonly repo: RepoRecord;
  readonly issue: IssueRecord;
  readonly pull: NonNullable<IssueRecord['pull']>;
}

function stringArg(args: FieldArgs, name: string): string | undefined {
  const value = args[name];
  return typeof value === 'string' ? value : undefined;
}

function repository(_root: unknown, args: FieldArgs, context: GraphqlContext): RepoRecord {
  const owner = stringArg(args, 'owner') ?? '';
  const name = stringArg(args, 'name') ?? '';
  const repo = context.hub.state.findRepo(owner, name);
  if (!repo || accessTo(context, repo, 'repository') === 'not-found')
    throw fieldError(
      'NOT_FOUND',
      `Could not resolve to a Repository with the name '${owner}/${name}'.`,
    );
  return repo;
}

/** `HEAD:path`, `branch:path`, `sha:path` (a blob, a tree, or null) or a revision alone (a commit). */
function gitObject(repo: RepoRecord, args: FieldArgs, context: GraphqlContext): unknown {
  requireAccess(context, repo, 'contents');
  const state = context.hub.state;
  const expression = stringArg(args, 'expression');
  const oid = stringArg(args, 'oid');
  if (expression === undefined)
    return oid !== undefined && state.commits.has(oid) ? commitSource(repo, oid) : null;
  const colon = expression.indexOf(':');
  const revision = colon === -1 ? expression : expression.slice(0, colon);
  const sha =
    revision === 'HEAD' || revision === ''
      ? repo.branches.get(repo.defaultBranch)
      : state.resolveRef(repo, revision);
  if (sha === undefined) return null;
  if (colon === -1) return commitSource(repo, sha);
  const path = expression.slice(colon + 1).replace(/^\/+|\/+$/g, '');
  const files = state.commits.get(sha)?.files;
  const text = files?.get(path);
  if (text !== undefined) return { __typename: 'Blob', text } satisfies BlobSource;
  const isTree =
    path === '' || [...(files?.keys() ?? [])].some((file) => file.startsWith(`${path}/`));
  return isTree ? { __typename: 'Tree' } : null;
}

function commitSource(repo: RepoRecord, sha: string): CommitSource {
  return { __typename: 'Commit', repo, sha };
}

function pullRequest(repo: RepoRecord, args: FieldArgs, context: GraphqlContext): PullSource {
  requireAccess(context, repo, 'pullRequest');
  const number = typeof args.number === 'number' ? args.number : 0;
  const issue = context.hub.state.issues.get(context.hub.state.issueKey(repo.id, number));
  if (!issue?.pull)
    throw fieldError(
      'NOT_FOUND',
      `Could not resolve to a PullRequest with the number of ${number}.`,
    );
  return { repo, issue, pull: issue.pull };
}

// Git's blob id of a text, as the contents API reports it.
function blobOid(text: string): string {
  const bytes = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

const isBinary = (text: string): boolean => text.includes('\0');

/** Resolvers of the repository types. */
export const repositoryResolvers: Resolvers = {
  Query: { repository },
  Repository: resolversOf<RepoRecord>({
    databaseId: (repo) => repo.id,
    name: (repo) => repo.name,
    nameWithOwner: (repo) => fullName(repo),
    isPrivate: (repo) => repo.private,
    owner: (repo) => ownerSource(repo.owner),
    object: (repo, args, context) => gitObject(repo, args, context),
    pullRequest: (repo, args, context) => pullRequest(repo, args, context),
  }),
  User: resolversOf<{ user: UserRecord }>({ login: (owner) => owner.user.login }),
  Organization: resolversOf<{ user: UserRecord }>({ login: (owner) => owner.user.login }),
  Blob: resolversOf<BlobSource>({
    text: (blob) => (isBinary(blob.text) ? null : blob.text),
    byteSize: (blob) => Buffer.byteLength(blob.text, 'utf8'),
    isBinary: (blob) => isBinary(blob.text),
    isTruncated: () => false,
    oid: (blob) => blobOid(blob.text),
  }),
  PullRequest: resolversOf<PullSource>({
    number: (pr) => pr.issue.number,
    title: (pr) => pr.issue.title,
    headRefName: (pr) => pr.pull.headRef,
    headRefOid: (pr) => pr.pull.headSha,
    baseRefName: (pr) => pr.pull.baseRef,
    isCrossRepository: (pr) => pr.pull.headRepoId !== pr.repo.id,
    headRepository: (pr, _args, context) => context.hub.state.repos.get(pr.pull.headRepoId) ?? null,
    baseRepository: (pr) => pr.repo,
    // The emulator keeps no commit parents: a pull request has one commit, its head.
    commits: (pr, args, context) =>
      pageOf(context, {
        items: [{ commit: commitSource(pr.repo, pr.pull.headSha) }],
        args,
        field: 'commits',
      }),
  }),
  PullRequestCommit: resolversOf<{ commit: CommitSource }>({ commit: (node) => node.commit }),
  Commit: resolversOf<CommitSource>({
    oid: (commit) => commit.sha,
    message: (commit, _args, context) => context.hub.state.commits.get(commit.sha)?.message ?? '',
    checkSuites: (commit, args, context) => {
      requireAccess(context, commit.repo, 'checks');
      return commitCheckSuites(context, commit, args);
    },
  }),
};

function ownerSource(user: UserRecord): { __typename: 'User' | 'Organization'; user: UserRecord } {
  return { __typename: user.type === 'Organization' ? 'Organization' : 'User', user };
}
