/**
 * The HTTP plumbing shared by the emulator's servers: listening on loopback, closing, reading a
 * bounded body, writing a reply with GitHub's headers, error bodies and the request log.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Hub, RequestLogEntry } from './hub.js';
import { HttpError, type RestReply } from './rest/request.js';
import type { MatchedOperation } from './spec.js';
import type { Principal } from './records.js';
import { errorStack } from '../../src/core/errors.js';

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

/** Create a server that answers nothing until a listener is attached (URLs are known first). */
export function createBareServer(): Server {
  return createServer();
}

const bodyLimit = 64 * 1024 * 1024;

/** The whole body of a request; 413 past 64 MiB. */
export async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > bodyLimit) throw new HttpError(413, 'Request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function send(response: ServerResponse, reply: RestReply): void {
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

/** GitHub's error body: message, documentation link, status, and the field errors if any. */
export function errorBody(
  error: HttpError,
  match: MatchedOperation | undefined,
): Record<string, unknown> {
  return {
    message: error.message,
    documentation_url: match?.documentationUrl ?? 'https://docs.github.com/rest',
    status: String(error.status),
    ...(error.errors ? { errors: error.errors } : {}),
  };
}

/** A 500 for an error of the emulator itself, recorded as a violation of its answer. */
export function emulatorFault(
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

/** How the request log names a caller: the user's login, or `app:<id>` for an App's JWT. */
export function actorName(principal: Principal | undefined): string | undefined {
  if (!principal) return undefined;
  return principal.kind === 'app' ? `app:${principal.appId}` : principal.user.login;
}

/** Append one answered request to the hub's log, stamped now. */
export function logRequest(hub: Hub, entry: Omit<RequestLogEntry, 'at'>): void {
  hub.requests.push({ ...entry, at: new Date().toISOString() });
}
