/**
 * The App's throughput: signed `issue_comment` deliveries that are no command, posted to the App
 * server on loopback a few at a time, with the rate and the median round trip.
 */
import { createHmac, randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { GitHubEmulator } from '../test/emulator/index.js';
import { median } from './statistics.js';

/** Deliveries posted to the App and how long they took. */
export interface AppThroughput {
  readonly deliveries: number;
  readonly concurrency: number;
  readonly accepted: number;
  readonly seconds: number;
  readonly perSecond: number;
  readonly medianLatencyMs: number;
}

/** POST `deliveries` signed `issue_comment` deliveries (a comment that is no command) to the server. */
export async function measureThroughput(
  gh: GitHubEmulator,
  url: string,
  secret: string,
  params: { deliveries: number; concurrency: number },
): Promise<AppThroughput> {
  const model = gh.deliveries().find((d) => d.event === 'issue_comment');
  if (model === undefined) throw new Error('no issue_comment delivery to model the load on');
  const payload = JSON.parse(model.body) as { comment: { body: string } };
  payload.comment.body = 'Thanks, looks good to me.';
  const body = JSON.stringify(payload);
  const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
  const latencies: number[] = [];
  let accepted = 0;
  let next = 0;
  const worker = async () => {
    while (next < params.deliveries) {
      next += 1;
      const started = performance.now();
      const response = await fetch(`${url}/api/github/webhooks`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'x-github-event': 'issue_comment',
          'x-github-delivery': randomUUID(),
          'x-hub-signature-256': signature,
        },
        body,
      });
      await response.text();
      latencies.push(performance.now() - started);
      if (response.ok) accepted += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: params.concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  return {
    deliveries: params.deliveries,
    concurrency: params.concurrency,
    accepted,
    seconds,
    perSecond: params.deliveries / seconds,
    medianLatencyMs: median(latencies),
  };
}
