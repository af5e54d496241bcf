/**
 * The HTTP front: the REST API (at `/` and `/api/v3`), validated against GitHub's description on
 * the way in and on the way out, the GraphQL endpoint (`/graphql`, `/api/graphql`), and the
 * results server (twirp + blob storage).
 */
import { createHash, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { handleBlob, handleTwirp, resultsCallName } from './artifact-service.js';
import { authenticate, authorize } from './auth.js';
import { answerGraphql, graphqlPaths, type GraphqlReply } from './graphql.js';
import type { Hub } from './hub.js';
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
import type { Principal } from './state.js';
import { errorStack } from '../../src/core/errors.js';

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

const bodyLimit = 64 * 1024 * 1024;

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > bodyLimit) throw new HttpError(413, 'Request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Listen on 127.0.0.1 (port 0: a free port) and return the origin. */
export async function listen(server: Server, port: number): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => {
      resolve();
    });
  });
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** Close a server and every open connection. */
export async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) =>
    server.close(() => {
      resolve();
    }),
  );
}

function errorBody(error: HttpError, match: MatchedOperation | undefined): Record<string, unknown> {
  return {
    message: error.message,
    documentation_url: match?.documentationUrl ?? 'https://docs.github.com/rest',
    status: String(error.status),
    ...(error.errors ? { errors: error.errors } : {}),
  };
}

function actorName(principal: Principal | undefined): string | undefined {
  if (!principal) return undefined;
  return principal.kind === 'app' ? `app:${principal.appId}` : principal.user.login;
}

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

function send(response: ServerResponse, reply: RestReply): void {
  const headers: Record<string, string> = {
    'x-github-request-id': randomUUID().toUpperCase(),
    'x-github-api-version-selected': '2022-11-28',
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
    'x-ratelimit-used': '1',
    'x-ratelimit-resource': 'core',
    ...reply.headers,
  };
  if (reply.raw) {
    response.writeHead(reply.status, { ...headers, 'content-type': reply.raw.contentType });
    response.end(reply.raw.data);
  } else if (reply.body === undefined) {
    response.writeHead(reply.status, headers);
    response.end();
  } else {
    response.writeHead(reply.status, {
      ...headers,
      'content-type': 'application/json; charset=utf-8',
    });
    response.end(JSON.stringify(reply.body));
  }
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

/** Create a server that answers nothing until a listener is attached (URLs are known first). */
export function createBareServer(): Server {
  return createServer();
}

/** A 500 for an error of the emulator itself, recorded as a violation of its answer. */
function emulatorFault(
  hub: Hub,
  subject: string,
  where: string,
  error: unknown,
): { status: number; body: unknown } {
  hub.violations.record({
    kind: 'response',
    subject,
    where,
    problems: [`emulator error: ${errorStack(error)}`],
  });
  return {
    status: 500,
    body: {
      message: 'Server Error',
      documentation_url: 'https://docs.github.com/rest',
      status: '500',
    },
  };
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
      hub.requests.push({
        method: 'POST',
        path: url.pathname,
        operationId: 'graphql',
        status: reply.status,
        actor: actorName(reply.principal),
        at: new Date().toISOString(),
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
        hub.requests.push({
          method: request.method ?? 'GET',
          path: url.pathname,
          operationId: state.match?.operationId,
          status: checked.status,
          actor: actorName(state.principal),
          at: new Date().toISOString(),
        });
        send(response, checked);
      })
      .catch(() => response.destroy());
  };
}

/** The results request listener (twirp artifact service and blob storage) of a hub. */
export function resultsListener(
  hub: Hub,
): (request: IncomingMessage, response: ServerResponse) => void {
  return (request, response) => {
    const url = new URL(request.url ?? '/', `http://${request.headers.host ?? '127.0.0.1'}`);
    readBody(request)
      .then((body) => {
        const method = request.method ?? 'GET';
        const reply =
          url.pathname.startsWith('/twirp/') && method === 'POST'
            ? handleTwirp(hub, {
                path: url.pathname,
                authorization: request.headers.authorization,
                body,
              })
            : handleBlob(hub, { method, url, headers: request.headers, body });
        hub.requests.push({
          method,
          path: url.pathname,
          operationId: resultsCallName(method, url),
          status: reply.status,
          actor: undefined,
          at: new Date().toISOString(),
        });
        response.writeHead(reply.status, reply.headers);
        response.end(reply.body);
      })
      .catch(() => response.destroy());
  };
}
