/**
 * How the bench prints its figures in the tables and beside the targets: a ratio as a
 * percentage, milliseconds, megabytes, and a size in bytes as KB or MB.
 */

export const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
export const ms = (x: number) => `${x.toFixed(0)} ms`;
export const mb = (x: number) => `${x.toFixed(0)} MB`;

export function kb(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / 1024 / 1024).toFixed(1)} MB`
    : `${(bytes / 1024).toFixed(1)} KB`;
}
