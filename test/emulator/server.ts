/**
 * The API server's request listener: the REST API (at `/` and `/api/v3`), validated against
 * GitHub's description on the way in and on the way out, and the GraphQL endpoint (`/graphql`,
 * `/api/graphql`). The results server is results-server.ts; the HTTP plumbing is http.ts.
 */
import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authenticate, authorize } from './auth.js';
import { answerGraphql, graphqlPaths, type GraphqlReply } from './graphql.js';
import type { Hub } from './hub.js';
import { actorName, emulatorFault, errorBody, logRequest, readBody, send } from './http.js';
import { appHandlers } from './rest/apps.js';
import { hookDeliveryHandlers } from './rest/hook-deliveries.js';
import { artifactHandlers } from './rest/artifacts.js';
import { checkHandlers } from './rest/checks.js';
import { issueHandlers } from './rest/issues.js';
import { jobHandlers } from './rest/jobs.js';
import { pullHandlers } from './rest/pulls.js';
import { repoHandlers } from './rest/repos.js';
import { HttpError, notFound, type RestHandler, type RestReply } from './rest/request.js';
import { runHandlers } from './rest/runs.js';
import { workflowHandlers } from './rest/workflows.js';
import {
  findOperation,
  validateRequest,
  validateResponse,
  type MatchedOperation,
  type RequestCheck,
} from './spec.js';
import type { Principal } from './records.js';

const handlers: Readonly<Record<string, RestHandler>> = {
  ...appHandlers,
  ...hookDeliveryHandlers,
  ...artifactHandlers,
  ...checkHandlers,
  ...issueHandlers,
  ...jobHandlers,
  ...pullHandlers,
  ...repoHandlers,
  ...runHandlers,
  ...workflowHandlers,
};

/** Operation ids the emulator implements. */
export const implementedOperations: readonly string[] = Object.keys(handlers).sort();

function matchOperation(hub: Hub, method: string, url: URL): MatchedOperation {
  const pathname = url.pathname.replace(/^\/api\/v3(?=\/)/, '') || '/';
  const match = findOperation(method, pathname);
  if (match) return match;
  hub.violations.record({
    kind: 'unknown-endpoint',
    subject: `${method} ${pathname}`,
    where: `${method} ${url.pathname}`,
    problems: ['no operation of the REST description matches'],
  });
  throw notFound();
}

function parseJson(raw: Buffer): unknown {
  if (raw.length === 0) return undefined;
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new HttpError(400, 'Problems parsing JSON');
  }
}

function checkRequest(
  hub: Hub,
  match: MatchedOperation,
  request: { url: URL; body: unknown; hasBody: boolean; method: string },
): RequestCheck {
  const check = validateRequest(match, {
    query: request.url.searchParams,
    body: request.body,
    hasBody: request.hasBody,
  });
  if (check.problems.length === 0) return check;
  hub.violations.record({
    kind: 'request',
    subject: match.operationId,
    where: `${request.method} ${request.url.pathname}`,
    problems: check.problems,
  });
  throw new HttpError(422, `Invalid request.\n\n${check.problems.join('\n')}`);
}

function handlerFor(hub: Hub, match: MatchedOperation, where: string): RestHandler {
  const fault = hub.faults.find(
    (candidate) => candidate.operationId === match.operationId && candidate.remaining > 0,
  );
  if (fault) {
    fault.remaining -= 1;
    throw new HttpError(fault.status, fault.message, undefined, fault.headers);
  }
  const handler = handlers[match.operationId];
  if (handler) return handler;
  hub.violations.record({
    kind: 'unimplemented',
    subject: match.operationId,
    where,
    problems: ['the emulator does not implement this operation'],
  });
  throw new HttpError(501, `The GitHub emulator does not implement ${match.operationId}`);
}

async function answer(
  hub: Hub,
  request: IncomingMessage,
  url: URL,
  state: { match?: MatchedOperation; principal?: Principal },
): Promise<RestReply> {
  const method = request.method ?? 'GET';
  const raw = await readBody(request);
  const match = matchOperation(hub, method, url);
  state.match = match;
  // GitHub answers bad credentials before it looks at the request.
  const principal = authenticate(hub.state, request.headers.authorization);
  if (principal) state.principal = principal;
  const body = parseJson(raw);
  const check = checkRequest(hub, match, { url, body, hasBody: raw.length > 0, method });
  const { owner, repo: name } = match.params;
  const repo =
    owner !== undefined && name !== undefined ? hub.state.findRepo(owner, name) : undefined;
  if (owner !== undefined && name !== undefined && !repo) throw notFound();
  authorize(hub.state, { principal, match, repo });
  await hub.passHolds(match.operationId);
  const handler = handlerFor(hub, match, `${method} ${url.pathname}`);
  return await handler(
    {
      match,
      path: check.path,
      query: check.query,
      body,
      headers: request.headers,
      principal,
      url,
      repo,
    },
    hub,
  );
}

function checkedReply(
  hub: Hub,
  reply: RestReply,
  match: MatchedOperation | undefined,
  where: string,
): RestReply {
  if (!match || reply.raw || reply.status === 501) return reply;
  const problems = validateResponse(match, reply.status, reply.body);
  if (problems.length === 0) return reply;
  hub.violations.record({ kind: 'response', subject: match.operationId, where, problems });
  return {
    status: 500,
    body: {
      message: `The GitHub emulator produced an invalid ${match.operationId} response: ${problems.join('; ')}`,
      documentation_url: match.documentationUrl,
      status: '500',
    },
  };
}

/**
 * GitHub's conditional requests: a GET's JSON answer carries an `ETag`; the same request with
 * `If-None-Match: <that ETag>` is answered 304 without a body (not counted against the rate limit).
 */
function conditional(request: IncomingMessage, reply: RestReply): RestReply {
  if (request.method !== 'GET' || reply.status !== 200 || reply.raw || reply.body === undefined)
    return reply;
  const etag = `W/"${createHash('sha256').update(JSON.stringify(reply.body)).digest('hex')}"`;
  const headers = { ...reply.headers, etag };
  const asked = request.headers['if-none-match'];
  if (asked !== undefined && asked.split(',').some((tag) => tag.trim() === etag))
    return { status: 304, headers };
  return { ...reply, headers };
}

/** One POST to the GraphQL endpoint, logged as one request of operation `graphql`. */
function answerGraphqlRequest(
  hub: Hub,
  request: IncomingMessage,
  response: ServerResponse,
  url: URL,
): void {
  const where = `POST ${url.pathname}`;
  readBody(request)
    .then(
      async (raw) =>
        await answerGraphql(hub, { raw, authorization: request.headers.authorization, where }),
    )
    .catch((error: unknown): GraphqlReply => {
      if (error instanceof HttpError)
        return {
          status: error.status,
          body: errorBody(error, undefined),
          principal: undefined,
          ...(error.headers ? { headers: error.headers } : {}),
        };
      return { ...emulatorFault(hub, 'graphql', where, error), principal: undefined };
    })
    .then((reply) => {
      logRequest(hub, {
        method: 'POST',
        path: url.pathname,
        operationId: 'graphql',
        status: reply.status,
        actor: actorName(reply.principal),
      });
      send(response, {
        status: reply.status,
        body: reply.body,
        headers: { 'x-ratelimit-resource': 'graphql', ...reply.headers },
      });
    })
    .catch(() => response.destroy());
}

/** The REST (and GraphQL) request listener of a hub. */
export function apiListener(
  hub: Hub,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? '127.0.0.1'}`);
    if (request.method === 'POST' && graphqlPaths.includes(url.pathname)) {
      answerGraphqlRequest(hub, request, response, url);
      return;
    }
    const state: { match?: MatchedOperation; principal?: Principal } = {};
    const where = `${request.method ?? 'GET'} ${url.pathname}`;
    answer(hub, request, url, state)
      .catch((error: unknown) => {
        if (error instanceof HttpError)
          return {
            status: error.status,
            body: errorBody(error, state.match),
            ...(error.headers ? { headers: error.headers } : {}),
          };
        return emulatorFault(hub, state.match?.operationId ?? where, where, error);
      })
      .then((reply) => {
        const checked = conditional(request, checkedReply(hub, reply, state.match, where));
        logRequest(hub, {
          method: request.method ?? 'GET',
          path: url.pathname,
          operationId: state.match?.operationId,
          status: checked.status,
          actor: actorName(state.principal),
        });
        send(response, checked);
      })
      .catch(() => response.destroy());
  };
}
