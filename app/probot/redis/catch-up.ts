/**
 * Catch-up for deliveries that failed (Redis was away, every replica was down): on start and
 * then periodically, one replica at a time lists the App's newest webhook deliveries and asks
 * GitHub to redeliver those of which no attempt succeeded. Bounded (one page, a few
 * redeliveries a round) and idempotent (a delivery is redelivered at most once an hour).
 */
import type { Redis } from 'ioredis';
import type { Probot } from 'probot';
import type { BotLogger } from '../../context.js';
import { errorMessage } from '../../../src/core/errors.js';

const PAGE = 100;
const MAX_REDELIVERIES = 20;
const REDELIVERED_MS = 60 * 60 * 1000;

interface DeliveryItem {
  readonly id: number;
  readonly guid: string;
  readonly status_code: number;
}

/** Run the catch-up now and every `intervalMs`; `stop` ends it. */
export function startCatchUp(params: {
  probot: Probot;
  redis: Redis;
  log: BotLogger;
  intervalMs: number;
}): { stop(): void } {
  const round = () => {
    catchUp(params).catch((error: unknown) => {
      params.log.warn(`the catch-up of failed deliveries did not run: ${errorMessage(error)}`);
    });
  };
  const first = setTimeout(round, 1_000);
  const timer = setInterval(round, params.intervalMs);
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}

async function catchUp(params: {
  probot: Probot;
  redis: Redis;
  log: BotLogger;
  intervalMs: number;
}): Promise<void> {
  const { redis } = params;
  const turn = await redis.set(
    'gh-retry:catch-up',
    '1',
    'PX',
    Math.max(500, params.intervalMs - 500),
    'NX',
  );
  if (turn !== 'OK') return; // another replica's turn
  const octokit = await params.probot.auth();
  const { data } = (await octokit.request('GET /app/hook/deliveries', { per_page: PAGE })) as {
    data: readonly DeliveryItem[];
  };
  for (const delivery of failedDeliveries(data).slice(0, MAX_REDELIVERIES)) {
    const key = `gh-retry:redelivered:${delivery.guid}`;
    if ((await redis.set(key, '1', 'PX', REDELIVERED_MS, 'NX')) !== 'OK') continue;
    await octokit.request('POST /app/hook/deliveries/{delivery_id}/attempts', {
      delivery_id: delivery.id,
    });
    params.log.info(`asked GitHub to redeliver failed delivery ${delivery.guid}`);
  }
}

/** The newest attempt of each delivery (GUID) of which no attempt succeeded, oldest first. */
export function failedDeliveries(items: readonly DeliveryItem[]): DeliveryItem[] {
  const byGuid = new Map<string, DeliveryItem[]>();
  for (const item of items) byGuid.set(item.guid, [...(byGuid.get(item.guid) ?? []), item]);
  const failed: DeliveryItem[] = [];
  for (const attempts of byGuid.values()) {
    if (attempts.some((a) => a.status_code >= 200 && a.status_code < 300)) continue;
    const newest = attempts.reduce((a, b) => (b.id > a.id ? b : a));
    failed.push(newest);
  }
  return failed.sort((a, b) => a.id - b.id);
}
