/**
 * The App's webhook deliveries, as GitHub lists them to the App (JWT): newest first, paged with
 * `per_page`; and a redelivery of one (`POST …/attempts`), which sends it again with its GUID.
 */
import type { Hub } from '../hub.js';
import type { DeliveryRecord } from '../webhooks.js';
import { HttpError, notFound, numberParam, type RestHandler, type RestRequest } from './request.js';

function callerAppId(request: RestRequest): number {
  if (request.principal?.kind !== 'app')
    throw new HttpError(401, 'A JSON web token could not be decoded');
  return request.principal.appId;
}

function deliveryView(delivery: DeliveryRecord): Record<string, unknown> {
  const status = delivery.status;
  const installation = (delivery.payload.installation as { id?: number } | undefined)?.id ?? null;
  const repository = (delivery.payload.repository as { id?: number } | undefined)?.id ?? null;
  return {
    id: delivery.id,
    guid: delivery.guid,
    delivered_at: new Date().toISOString(),
    redelivery: delivery.redelivery,
    duration: 0.1,
    status: status !== undefined && status >= 200 && status < 300 ? 'OK' : 'failed to connect',
    status_code: status ?? 0,
    event: delivery.event,
    action: delivery.action ?? null,
    installation_id: installation,
    repository_id: repository,
  };
}

function ownDeliveries(hub: Hub, request: RestRequest): DeliveryRecord[] {
  const appId = callerAppId(request);
  return hub.webhooks
    .deliveries()
    .filter((delivery) => delivery.appId === appId && delivery.status !== undefined)
    .reverse();
}

/** Handlers by operation id. */
export const hookDeliveryHandlers: Readonly<Record<string, RestHandler>> = {
  'apps/list-webhook-deliveries': (request, hub) => {
    const perPage = Math.min(100, Math.max(1, Number(request.query.per_page ?? 30)));
    return {
      status: 200,
      body: ownDeliveries(hub, request).slice(0, perPage).map(deliveryView),
    };
  },
  'apps/redeliver-webhook-delivery': (request, hub) => {
    const id = numberParam(request.path, 'delivery_id');
    const delivery = ownDeliveries(hub, request).find((candidate) => candidate.id === id);
    if (!delivery) throw notFound();
    hub.webhooks.redeliver(delivery.guid);
    return { status: 202, body: {} };
  },
};
