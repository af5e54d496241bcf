import type { Clock } from '../../ports/execution.js';

/** The machine's clock. */
export const systemClock: Clock = { now: () => new Date() };
