/**
 * The App's HTTP server: Probot's webhook middleware (signature checked, `X-GitHub-Event`
 * routed) on a plain Node server, so tests can bind it to 127.0.0.1 on a free port.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createNodeMiddleware, type ApplicationFunction, type Probot } from 'probot';

/** A listening webhook server. */
export interface WebhookServer {
  /** `http://host:port`; webhooks go to `${url}${webhookPath}`. */
  readonly url: string;
  readonly webhookPath: string;
  close(): Promise<void>;
}

/** Where Probot listens by default. */
export const DEFAULT_WEBHOOK_PATH = '/api/github/webhooks';

/** Start serving webhooks for `app`. */
export async function startWebhookServer(params: {
  probot: Probot;
  app: ApplicationFunction;
  port: number;
  host: string;
  webhookPath?: string;
}): Promise<WebhookServer> {
  const webhookPath = params.webhookPath ?? DEFAULT_WEBHOOK_PATH;
  const middleware = await createNodeMiddleware(params.app, {
    probot: params.probot,
    webhooksPath: webhookPath,
  });
  const server = createServer((request, response) => {
    if (request.method === 'GET' && request.url === '/healthz') {
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
      return;
    }
    void middleware(request, response, () => {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(params.port, params.host, () => {
      resolve();
    });
  });
  const { address, port } = server.address() as AddressInfo;
  const host = address.includes(':') ? `[${address}]` : address;
  return {
    url: `http://${host}:${port}`,
    webhookPath,
    close: async () => {
      await closeServer(server);
    },
  };
}

async function closeServer(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve, reject) => {
    server.close((error) => {
      if (error) reject(error);
      else resolve();
    });
  });
}
