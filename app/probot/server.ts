/**
 * `npm start`: the gh-retry App as a server. Reads Probot's environment (`APP_ID`,
 * `PRIVATE_KEY` or `PRIVATE_KEY_PATH`, `WEBHOOK_SECRET`, optional `GHE_HOST`, `PORT`, `HOST`,
 * `LOG_LEVEL`, `WEBHOOK_PATH`, `REDIS_URL`; also from `.env`); Probot's Octokit retries and waits
 * out rate limits. Without `APP_ID` (outside production), Probot's setup registers the App.
 */
import { existsSync } from 'node:fs';
import { createProbot } from 'probot';
import { AppOctokit } from './octokit.js';
import { createTimerScheduler, SERVER_MAX_DELAY_SECONDS } from './timer-scheduler.js';
import { createRetryApp } from './index.js';
import { botLoggerOf } from './deps.js';
import { catchUpInterval, queueWorkerSettings } from './redis/worker-settings.js';
import { startReplicaServer } from './redis/replica-server.js';
import { startSetupMode } from './setup-mode.js';
import { DEFAULT_WEBHOOK_PATH, startWebhookServer } from './webhook-server.js';
import { errorStack } from '../../src/core/errors.js';

const REQUIRED = ['APP_ID', 'WEBHOOK_SECRET'] as const;

async function main(): Promise<void> {
  // Probot's setup writes the App's credentials to `.env`; the variables already set win.
  if (existsSync('.env')) process.loadEnvFile('.env');
  const missing = REQUIRED.filter((name) => (process.env[name] ?? '') === '');
  if ((process.env.PRIVATE_KEY ?? process.env.PRIVATE_KEY_PATH ?? '') === '')
    missing.push('PRIVATE_KEY' as never);
  if ((process.env.APP_ID ?? '') === '' && process.env.NODE_ENV !== 'production') {
    await startSetupMode(process.cwd());
    return;
  }
  if (missing.length > 0) {
    process.stderr.write(
      `gh-retry app: set ${missing.join(', ')} (from the App's settings page; see docs/app.md).\n`,
    );
    process.exitCode = 1;
    return;
  }
  const probot = createProbot({ overrides: { Octokit: AppOctokit } });
  // Probot sets up its logger (and throttling, shared through Redis with `REDIS_URL`) here.
  await probot.ready();
  const scheduler = createTimerScheduler(botLoggerOf(probot.log));
  const listen = {
    port: Number(process.env.PORT ?? 3000),
    host: process.env.HOST ?? '0.0.0.0',
    webhookPath: process.env.WEBHOOK_PATH ?? DEFAULT_WEBHOOK_PATH,
  };
  const redisUrl = process.env.REDIS_URL ?? '';
  const server =
    redisUrl === ''
      ? await startWebhookServer({
          probot,
          app: createRetryApp({
            schedule: scheduler.schedule,
            maxDelaySeconds: SERVER_MAX_DELAY_SECONDS,
          }),
          ...listen,
        })
      : await startReplicaServer({
          probot,
          redisUrl,
          ...listen,
          worker: queueWorkerSettings(process.env),
          catchUpMs: catchUpInterval(process.env),
          log: botLoggerOf(probot.log),
        });
  probot.log.info(
    `gh-retry app listening on ${server.url}${server.webhookPath}${redisUrl === '' ? '' : ' (queue and claims in Redis)'}`,
  );
  const stop = () => {
    scheduler.cancelAll();
    void server.close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  process.stderr.write(`gh-retry app: ${errorStack(error)}\n`);
  process.exitCode = 1;
});
