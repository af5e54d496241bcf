/** `delay` of a retry policy: seconds, or a duration such as "90s", "5m", "1h". */

/** The longest `delay`: one hour. */
export const MAX_DELAY_SECONDS = 3600;

/** Seconds from `300`, `"300"`, `"90s"`, `"5m"`, `"1h"`; null when malformed or above the limit. */
export function parseDelay(value: number | string): number | null {
  const seconds = typeof value === 'number' ? value : parseDuration(value);
  return Number.isInteger(seconds) && seconds >= 0 && seconds <= MAX_DELAY_SECONDS ? seconds : null;
}

const DURATION_UNITS: Readonly<Record<string, number>> = { '': 1, s: 1, m: 60, h: 3600 };

function parseDuration(text: string): number {
  const match = /^\s*(\d{1,5})\s*([smh]?)\s*$/.exec(text);
  return match ? Number(match[1]) * (DURATION_UNITS[match[2] ?? ''] ?? NaN) : NaN;
}
