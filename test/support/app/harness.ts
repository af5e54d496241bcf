/**
 * The gh-retry Probot app against the local GitHub emulator: the App is registered with the
 * permissions and events of `app/app.yml`, its deliveries are verified and received by Probot,
 * and the test reads what it did from the emulator.
 */
import { readFileSync } from 'node:fs';
import { Probot, ProbotOctokit } from 'probot';
import { AppOctokit } from '../../../app/probot/octokit.js';
import { parse } from 'yaml';
import { afterEach, beforeEach, expect } from 'vitest';
import { createRetryApp } from '../../../app/probot/index.js';
import type { RetryAppOptions } from '../../../app/probot/deps.js';
import type { BotLogger } from '../../../app/context.js';
import {
  startEmulator,
  type AppCredentials,
  type GitHubEmulator,
  type Permissions,
  type SeedRepoOptions,
} from '../../emulator/index.js';

/** The App's manifest: what it may do and hear. */
export function readManifest(): { permissions: Permissions; events: string[] } {
  const manifest = parse(
    readFileSync(new URL('../../../app/app.yml', import.meta.url), 'utf8'),
  ) as {
    default_permissions: Permissions;
    default_events: string[];
  };
  return { permissions: manifest.default_permissions, events: manifest.default_events };
}

/** A log the test can read; errors are kept with their cause. */
export class TestLog implements BotLogger {
  readonly lines: string[] = [];
  readonly errors: { message: string; error: unknown }[] = [];
  info(message: string): void {
    this.lines.push(message);
  }
  warn(message: string): void {
    this.lines.push(`warn: ${message}`);
  }
  error(message: string, error?: unknown): void {
    this.errors.push({ message, error });
  }
}

/** A running emulator with the App installed and Probot receiving its deliveries. */
export interface AppHarness {
  readonly gh: GitHubEmulator;
  readonly app: AppCredentials;
  readonly probot: Probot;
  readonly repo: string;
  readonly log: TestLog;
  /** Delays the retry policies asked for (the tasks themselves run at once). */
  readonly delays: number[];
  stop(): Promise<void>;
}

/**
 * A fresh harness for each test of the enclosing `describe`, handed to `started`; stopped after
 * the test, which fails if the App logged an error.
 */
export function eachAppHarness(
  options: { repo: SeedRepoOptions },
  started: (h: AppHarness) => void,
): void {
  let current: AppHarness | undefined;
  beforeEach(async () => {
    current = await startAppHarness(options);
    started(current);
  });
  afterEach(async () => {
    const h = current;
    current = undefined;
    if (h === undefined) return;
    try {
      expect(h.log.errors).toEqual([]);
    } finally {
      await h.stop();
    }
  });
}

/** Start the emulator, seed the repository, install the App and load it into Probot. */
export async function startAppHarness(options: {
  repo: SeedRepoOptions;
  /** Retry and throttle as the App's server does (`AppOctokit`; default: off). */
  throttled?: boolean;
}): Promise<AppHarness> {
  const gh = await startEmulator();
  gh.seedRepo(options.repo);
  const app = gh.installApp({ slug: 'gh-retry', ...readManifest() });
  const log = new TestLog();
  const delays: number[] = [];
  const probot = await loadRetryApp(gh, app, {
    log,
    throttled: options.throttled === true,
    maxDelaySeconds: 3600,
    schedule: async ({ delaySeconds, task }) => {
      delays.push(delaySeconds);
      await task();
    },
  });
  return {
    gh,
    app,
    probot,
    repo: options.repo.repo,
    log,
    delays,
    stop: async () => {
      await gh.stop();
    },
  };
}

/**
 * Load the App into a Probot on `app`'s credentials and point the App's webhooks at it: each
 * delivery is verified and received in-process. No retries or throttling unless `throttled`
 * (as the App's server does, `AppOctokit`): an error must show at once.
 */
export async function loadRetryApp(
  gh: GitHubEmulator,
  app: Pick<AppCredentials, 'appId' | 'privateKey' | 'webhookSecret'>,
  options: RetryAppOptions & { throttled?: boolean },
): Promise<Probot> {
  const { throttled, ...appOptions } = options;
  const probot = new Probot({
    appId: app.appId,
    privateKey: app.privateKey,
    secret: app.webhookSecret,
    baseUrl: gh.url,
    logLevel: 'fatal',
    Octokit:
      throttled === true
        ? AppOctokit
        : ProbotOctokit.defaults((instance: object) => ({
            ...instance,
            retry: { enabled: false },
            throttle: { enabled: false },
          })),
  });
  await probot.load(createRetryApp(appOptions));
  gh.setWebhookTarget(app.appId, {
    kind: 'handler',
    handler: async ({ headers, body }) => {
      await probot.webhooks.verifyAndReceive({
        id: headers['x-github-delivery'] ?? '',
        name: headers['x-github-event'] as 'issue_comment',
        payload: body,
        signature: headers['x-hub-signature-256'] ?? '',
      });
      return 200;
    },
  });
  return probot;
}
