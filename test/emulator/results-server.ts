/** The results server's request listener: the twirp artifact service and blob storage. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleBlob, handleTwirp, resultsCallName } from './artifact-service.js';
import { logRequest, readBody } from './http.js';
import type { Hub } from './hub.js';

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
        logRequest(hub, {
          method,
          path: url.pathname,
          operationId: resultsCallName(method, url),
          status: reply.status,
          actor: undefined,
        });
        response.writeHead(reply.status, reply.headers);
        response.end(reply.body);
      })
      .catch(() => response.destroy());
  };
}
