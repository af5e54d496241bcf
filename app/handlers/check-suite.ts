/**
 * `check_suite.rerequested` ("Re-run all checks") on the bot's own suite: each gh-retry check run
 * in it is answered as its own "Re-run" would be (retry from failure, noted on the check run), so
 * the suite, queued again by GitHub, is written to and completes.
 */
import { z } from 'zod';
import type { BotDeps } from '../context.js';
import { CHECK_RUN_NAME } from '../../src/core/report/check-run.js';
import { checkRunEvent, contextFor, readPayload } from '../payloads.js';
import { answerCheckRequest, runIdOf } from './check-run.js';

/** `check_suite`: the parts the handler reads. */
const checkSuiteEvent = checkRunEvent
  .pick({ repository: true, sender: true, action: true })
  .extend({
    check_suite: z.object({
      id: z.number().int().positive(),
      head_sha: z.string().min(1),
      app: z.object({ id: z.number().int() }).nullish(),
    }),
  });

/** Handle `check_suite.rerequested`. */
export async function handleCheckSuite(deps: BotDeps, payload: unknown): Promise<void> {
  let suiteId: number | null = null;
  try {
    const event = readPayload(checkSuiteEvent, payload, 'check_suite');
    const { check_suite: suite } = event;
    const appId = deps.identity.appId;
    if (event.action !== 'rerequested' || appId === null || suite.app?.id !== appId) return;
    suiteId = suite.id;
    const ctx = contextFor(deps, event);
    // The App's check runs on the commit are its suite's (GitHub keeps one suite per App and commit).
    const checks = await ctx.github.listCheckRuns({
      ...ctx.repo,
      headSha: suite.head_sha,
      name: CHECK_RUN_NAME,
      appId,
    });
    for (const check of checks) {
      const parentRunId = runIdOf(check.externalId);
      if (parentRunId === null) continue;
      await answerCheckRequest(ctx, {
        check,
        parentRunId,
        mode: { kind: 'from-failure' },
        sender: event.sender,
      });
    }
  } catch (error) {
    deps.log.error(
      `could not handle the re-run of check suite ${suiteId ?? '(unreadable)'}`,
      error,
    );
  }
}
