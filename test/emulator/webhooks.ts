/**
 * Webhook deliveries to Apps: signed like GitHub's (`X-Hub-Signature-256`), validated against
 * the webhook schemas, sent in order per App to a URL or an in-process handler, and logged so a
 * test can read them and ask for a redelivery (same body, same `X-GitHub-Delivery`).
 */
import { createHmac, randomUUID } from 'node:crypto';
import type { AppRecord, InstallationRecord } from './records.js';
import type { ViolationLog } from './violations.js';
import { validateWebhookPayload, webhookSchemaName } from './webhook-spec.js';
import { errorMessage } from '../../src/core/errors.js';

/** One delivery attempt, as the App saw it and as it answered. */
export interface DeliveryRecord {
  /** Numeric id of this attempt (GitHub's delivery id). */
  readonly id: number;
  /** `X-GitHub-Delivery`; a redelivery keeps the GUID of the original. */
  readonly guid: string;
  readonly appId: number;
  readonly event: string;
  readonly action: string | undefined;
  readonly payload: Readonly<Record<string, unknown>>;
  readonly body: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly redelivery: boolean;
  /** When the emulator sent it (ISO time; after the App's earlier deliveries were answered). */
  sentAt: string | undefined;
  /** HTTP status the target answered (or the handler returned); undefined while in flight. */
  status: number | undefined;
  error: string | undefined;
  /** Settles when the target answered (or failed). */
  done: Promise<void>;
}

/** Sends and logs webhook deliveries. */
export class WebhookService {
  private readonly log: DeliveryRecord[] = [];
  private readonly queues = new Map<number, Promise<void>>();
  private readonly apps = new Map<number, AppRecord>();
  private nextId = 1;

  constructor(private readonly violations: ViolationLog) {}

  /** Deliver an event to an App's installation (adds `installation` to the payload). */
  deliver(params: {
    app: AppRecord;
    installation: InstallationRecord;
    event: string;
    payload: Readonly<Record<string, unknown>>;
  }): DeliveryRecord {
    const payload: Record<string, unknown> = {
      ...params.payload,
      installation: {
        id: params.installation.id,
        node_id: `MDIzOkludGVncmF0aW9uSW5zdGFsbGF0aW9u${params.installation.id}`,
      },
    };
    const action = typeof payload.action === 'string' ? payload.action : undefined;
    const problems = validateWebhookPayload(params.event, action, payload);
    const guid = randomUUID();
    if (problems.length > 0)
      this.violations.record({
        kind: 'webhook',
        subject: webhookSchemaName(params.event, action),
        where: `delivery ${guid}`,
        problems,
      });
    return this.enqueue({
      app: params.app,
      guid,
      event: params.event,
      action,
      payload,
      body: JSON.stringify(payload),
      redelivery: false,
    });
  }

  /** Send a past delivery again with the same body and GUID. */
  redeliver(guid: string): DeliveryRecord {
    const original = this.log.find((delivery) => delivery.guid === guid);
    if (!original) throw new Error(`no delivery ${guid}`);
    return this.enqueue({
      app: this.appOf(original),
      guid,
      event: original.event,
      action: original.action,
      payload: original.payload,
      body: original.body,
      redelivery: true,
    });
  }

  deliveries(): readonly DeliveryRecord[] {
    return [...this.log];
  }

  /** Resolves once every queued delivery has been answered. */
  async idle(): Promise<void> {
    while (
      this.log.some((delivery) => delivery.status === undefined && delivery.error === undefined)
    ) {
      await Promise.all(this.log.map((delivery) => delivery.done));
    }
  }

  private appOf(delivery: DeliveryRecord): AppRecord {
    const app = this.apps.get(delivery.appId);
    if (!app) throw new Error(`unknown app ${delivery.appId}`);
    return app;
  }

  private enqueue(params: {
    app: AppRecord;
    guid: string;
    event: string;
    action: string | undefined;
    payload: Readonly<Record<string, unknown>>;
    body: string;
    redelivery: boolean;
  }): DeliveryRecord {
    const { app } = params;
    this.apps.set(app.id, app);
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      'user-agent': 'GitHub-Hookshot/044aadd',
      'x-github-event': params.event,
      'x-github-delivery': params.guid,
      'x-github-hook-id': String(app.id * 10),
      'x-github-hook-installation-target-type': 'integration',
      'x-github-hook-installation-target-id': String(app.id),
      'x-hub-signature': `sha1=${createHmac('sha1', app.webhookSecret).update(params.body).digest('hex')}`,
      'x-hub-signature-256': `sha256=${createHmac('sha256', app.webhookSecret).update(params.body).digest('hex')}`,
    };
    const record: DeliveryRecord = {
      id: this.nextId++,
      guid: params.guid,
      appId: app.id,
      event: params.event,
      action: params.action,
      payload: params.payload,
      body: params.body,
      headers,
      redelivery: params.redelivery,
      sentAt: undefined,
      status: undefined,
      error: undefined,
      done: Promise.resolve(),
    };
    record.done = (this.queues.get(app.id) ?? Promise.resolve()).then(async () => {
      await this.send(app, record);
    });
    this.queues.set(app.id, record.done);
    this.log.push(record);
    return record;
  }

  private async send(app: AppRecord, delivery: DeliveryRecord): Promise<void> {
    const target = app.target;
    delivery.sentAt = new Date().toISOString();
    try {
      if (!target) {
        delivery.error = 'the App has no webhook target';
      } else if (target.kind === 'handler') {
        const status: unknown = await target.handler({
          headers: { ...delivery.headers },
          body: delivery.body,
        });
        delivery.status = typeof status === 'number' ? status : 200;
      } else {
        const response = await fetch(target.url, {
          method: 'POST',
          headers: delivery.headers,
          body: delivery.body,
          signal: AbortSignal.timeout(30_000),
        });
        await response.arrayBuffer();
        delivery.status = response.status;
      }
    } catch (error) {
      delivery.error = errorMessage(error);
    }
  }
}
