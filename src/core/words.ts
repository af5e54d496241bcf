/** Small helpers for text people read. */

/** `1 step`, `2 steps`: a count with its noun, plural when the count is not 1. */
export function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
