/**
 * What a REST handler receives and returns, GitHub's error shape, and pagination.
 */
import type { IncomingHttpHeaders } from 'node:http';
import type { Hub } from '../hub.js';
import type { MatchedOperation } from '../spec.js';
import type { Principal, RepoRecord, UserRecord } from '../records.js';
import type { ViewContext } from '../views.js';

/** A validated request, with the repository of `{owner}/{repo}` already resolved and authorized. */
export interface RestRequest {
  readonly match: MatchedOperation;
  /** Path parameters, converted to their declared types. */
  readonly path: Readonly<Record<string, unknown>>;
  /** Query parameters, converted to their declared types. */
  readonly query: Readonly<Record<string, unknown>>;
  readonly body: unknown;
  readonly headers: IncomingHttpHeaders;
  readonly principal: Principal | undefined;
  /** The full URL as the client sent it (Link headers point back at the same base). */
  readonly url: URL;
  readonly repo: RepoRecord | undefined;
}

/** A JSON reply, an empty one, or raw bytes with their content type. */
export interface RestReply {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
  readonly raw?: { readonly contentType: string; readonly data: string | Buffer };
}

/** Handles one operation. */
export type RestHandler = (request: RestRequest, hub: Hub) => RestReply | Promise<RestReply>;

/** The user an authenticated request acts as (an App's bot, `github-actions[bot]`, or the token's user). */
export function actorOf(request: RestRequest, hub: Hub): UserRecord {
  const principal = request.principal;
  if (!principal) throw new HttpError(401, 'Requires authentication');
  if (principal.kind === 'app') {
    const app = hub.state.apps.get(principal.appId);
    if (!app) throw new HttpError(401, 'Bad credentials');
    return app.botUser;
  }
  return principal.user;
}

/** An error GitHub would answer with; rendered as `basic-error` (or `validation-error` with `errors`). */
export class HttpError extends Error {
  override name = 'HttpError';
  constructor(
    readonly status: number,
    message: string,
    readonly errors?: readonly Record<string, unknown>[],
    /** Headers of the answer (a rate limit's `retry-after` and `x-ratelimit-*`). */
    readonly headers?: Readonly<Record<string, string>>,
  ) {
    super(message);
  }
}

/** 404 `Not Found`, GitHub's answer for anything missing or hidden. */
export function notFound(): HttpError {
  return new HttpError(404, 'Not Found');
}

/** The repository a repo-scoped handler works on. */
export function requestRepo(request: RestRequest): RepoRecord {
  if (!request.repo) throw new Error(`${request.match.operationId} is not repository-scoped`);
  return request.repo;
}

/** A path or query parameter as a number (they are validated against the spec beforehand). */
export function numberParam(values: Readonly<Record<string, unknown>>, name: string): number {
  const value = values[name];
  if (typeof value !== 'number') throw notFound();
  return value;
}

/** An optional string query parameter. */
export function stringParam(
  values: Readonly<Record<string, unknown>>,
  name: string,
): string | undefined {
  const value = values[name];
  return typeof value === 'string' ? value : undefined;
}

/** One page of items (`per_page` ≤ 100, default 30) and the `Link` header GitHub sends. */
export function paginate<T>(
  request: RestRequest,
  items: readonly T[],
): { items: T[]; headers: Record<string, string> } {
  const perPage = Math.min(
    100,
    Math.max(1, typeof request.query.per_page === 'number' ? request.query.per_page : 30),
  );
  const page = Math.max(1, typeof request.query.page === 'number' ? request.query.page : 1);
  const last = Math.max(1, Math.ceil(items.length / perPage));
  const link = (target: number, rel: string): string => {
    const url = new URL(request.url);
    url.searchParams.set('per_page', String(perPage));
    url.searchParams.set('page', String(target));
    return `<${url.toString()}>; rel="${rel}"`;
  };
  const links = [
    ...(page < last ? [link(page + 1, 'next'), link(last, 'last')] : []),
    ...(page > 1 ? [link(1, 'first'), link(Math.min(page - 1, last), 'prev')] : []),
  ];
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { link: links.join(', ') } : {},
  };
}

/** A 200 reply with one page of `items` as a JSON array, each shown through `view`. */
export function pageReply<T>(
  request: RestRequest,
  items: readonly T[],
  view: (item: T) => unknown,
): RestReply {
  const page = paginate(request, items);
  return { status: 200, headers: page.headers, body: page.items.map(view) };
}

/** A 200 reply with one page of `items` under `key` beside `total_count`, as Actions and Checks lists answer. */
export function countedPageReply<T>(
  request: RestRequest,
  list: { readonly key: string; readonly items: readonly T[]; readonly view: (item: T) => unknown },
): RestReply {
  const page = paginate(request, list.items);
  return {
    status: 200,
    headers: page.headers,
    body: { total_count: list.items.length, [list.key]: page.items.map(list.view) },
  };
}

/** Finds a record of a repository by its id, throwing 404 when there is none. */
export type RepoRecordFinder<T> = (hub: Hub, repo: RepoRecord, id: number) => T;

/** The record of the request's repository named by the numeric path parameter `param`. */
export function pathRecord<T>(
  request: RestRequest,
  hub: Hub,
  param: string,
  find: RepoRecordFinder<T>,
): T {
  return find(hub, requestRepo(request), numberParam(request.path, param));
}

/**
 * The handler of a `get` operation: the record of the request's repository named by the numeric
 * path parameter `param`, answered 200 through `view`.
 */
export function getOne<T>(
  param: string,
  find: RepoRecordFinder<T>,
  view: (context: ViewContext, record: T) => unknown,
): RestHandler {
  return (request, hub) => ({
    status: 200,
    body: view(hub.view, pathRecord(request, hub, param, find)),
  });
}
