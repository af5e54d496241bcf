/** Durations in configuration: seconds, or "90s", "5m", "1h" (a retry policy's `delay`, a step's `retry-delay`). */

/** The longest `delay`: one hour. */
export const MAX_DELAY_SECONDS = 3600;

/** Seconds from `300`, `"300"`, `"90s"`, `"5m"`, `"1h"`; null when malformed or above the limit. */
export function parseDelay(value: number | string): number | null {
  return parseSeconds(value, MAX_DELAY_SECONDS);
}

/** Whole seconds from 0 to `max` written as a number or a duration; null otherwise. */
export function parseSeconds(value: number | string, max: number): number | null {
  const seconds = typeof value === 'number' ? value : parseDuration(value);
  return Number.isInteger(seconds) && seconds >= 0 && seconds <= max ? seconds : null;
}

/** A number of seconds the way it is written in configuration: `45s`, `2m`, `1h`, `90s`. */
export function formatSeconds(seconds: number): string {
  if (seconds >= 3600 && seconds % 3600 === 0) return `${seconds / 3600}h`;
  if (seconds >= 60 && seconds % 60 === 0) return `${seconds / 60}m`;
  return `${seconds}s`;
}

const DURATION_UNITS: Readonly<Record<string, number>> = { '': 1, s: 1, m: 60, h: 3600 };

function parseDuration(text: string): number {
  const match = /^\s*(\d{1,5})\s*([smh]?)\s*$/.exec(text);
  return match ? Number(match[1]) * (DURATION_UNITS[match[2] ?? ''] ?? NaN) : NaN;
}
