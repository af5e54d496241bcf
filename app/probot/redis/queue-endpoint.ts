/**
 * The webhook endpoint of the App with Redis: check the signature, add the delivery to the queue
 * and answer 202 at once. While Redis is away a delivery is refused with 503 (GitHub shows it as
 * failed, and the catch-up redelivers it), never handled without a queue and claims.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Queue } from 'bullmq';
import type { Probot } from 'probot';
import type { BotLogger } from '../../context.js';
import { enqueueDelivery, type AppJob } from './webhook-queue.js';

/** GitHub caps payloads at 25 MB. */
const MAX_BODY_BYTES = 25 * 1024 * 1024;

/** Answer one webhook delivery. */
export async function receiveDelivery(
  params: { probot: Probot; queue: Queue<AppJob>; log: BotLogger },
  request: IncomingMessage,
  response: ServerResponse,
): Promise<void> {
  const [status, text] = await answer(params, request);
  response.writeHead(status, { 'content-type': 'text/plain' }).end(`${text}\n`);
}

async function answer(
  params: { probot: Probot; queue: Queue<AppJob>; log: BotLogger },
  request: IncomingMessage,
): Promise<[number, string]> {
  const id = header(request, 'x-github-delivery');
  const name = header(request, 'x-github-event');
  const signature = header(request, 'x-hub-signature-256');
  const body = await readBody(request);
  if (body === null) return [413, 'payload too large'];
  if (id === '' || name === '' || signature === '') return [400, 'not a GitHub delivery'];
  if (!(await params.probot.webhooks.verify(body, signature).catch(() => false)))
    return [401, 'signature does not match'];
  let payload: unknown;
  try {
    payload = JSON.parse(body);
  } catch {
    return [400, 'payload is not JSON'];
  }
  try {
    await enqueueDelivery(params.queue, { kind: 'webhook', id, name, payload });
  } catch (error) {
    params.log.error(
      `Redis is unavailable: delivery ${id} (${name}) is refused, not handled without the queue; GitHub shows it as failed and it is redelivered once Redis is back`,
      error instanceof Error ? error.message : error,
    );
    return [503, 'the queue is unavailable; redeliver later'];
  }
  return [202, 'queued'];
}

function header(request: IncomingMessage, name: string): string {
  const value = request.headers[name];
  return typeof value === 'string' ? value : '';
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
