/** Small helpers for text people read. */

/** `1 step`, `2 steps`: a count with its noun, plural when the count is not 1. */
export function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/**
 * The first `max` of `items` and how many more there are, counting `total` when the list was
 * already cut short (a record keeps at most so many ids): the one "+N more" rule of every listing.
 */
export function firstWithMore<T>(
  items: readonly T[],
  max: number,
  total: number = items.length,
): { shown: T[]; more: number } {
  const shown = items.slice(0, max);
  return { shown, more: Math.max(total, items.length) - shown.length };
}
