import type { BotLogger, Scheduler } from '../context.js';

/**
 * The Probot server's scheduler: a task without delay runs before the webhook is answered; a
 * delayed one waits on an in-memory timer and is lost if the process stops first (the check run
 * says a retry was planned, and `/retry` or its button still work). Hence the bounded delay.
 */

/** The longest policy delay the server waits: 15 minutes. */
export const SERVER_MAX_DELAY_SECONDS = 900;

/** A scheduler whose pending timers can be cancelled on shutdown. */
export interface TimerScheduler {
  readonly schedule: Scheduler;
  /** Tasks waiting on a timer. */
  pending(): number;
  /** Drop every pending task (on shutdown). */
  cancelAll(): void;
}

/** Create the server's scheduler; errors of delayed tasks go to `log`. */
export function createTimerScheduler(log: BotLogger): TimerScheduler {
  const timers = new Set<NodeJS.Timeout>();
  const schedule: Scheduler = async ({ delaySeconds, task }) => {
    if (delaySeconds <= 0) {
      await task();
      return;
    }
    const timer = setTimeout(
      () => {
        timers.delete(timer);
        task().catch((error: unknown) => {
          log.error('a delayed retry failed', error);
        });
      },
      Math.min(delaySeconds, SERVER_MAX_DELAY_SECONDS) * 1000,
    );
    timers.add(timer);
    log.info(`a retry will start in ${delaySeconds}s`);
    await Promise.resolve();
  };
  return {
    schedule,
    pending: () => timers.size,
    cancelAll: () => {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
