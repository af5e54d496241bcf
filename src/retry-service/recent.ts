/**
 * The retries one bot process started lately, by parent run. A retry is looked for on GitHub
 * before each dispatch, but what a delivery read before it waited for another delivery of the
 * same event cannot know of the retry that one started; this memory does.
 */

/** How long a retry is remembered (GitHub lists it well within that). */
const REMEMBER_MS = 15 * 60 * 1000;

export class RecentRetries {
  private readonly retries = new Map<string, { readonly runId: number; readonly until: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Remember that `runId` retries the parent `key`. */
  remember(key: string, runId: number): void {
    this.retries.set(key, { runId, until: this.now() + REMEMBER_MS });
  }

  /** Forget the retry of the parent `key` (it was cancelled: a new one may start). */
  forget(key: string): void {
    this.retries.delete(key);
  }

  /** The retry of the parent `key` started lately, or null. */
  find(key: string): number | null {
    const now = this.now();
    for (const [parent, entry] of this.retries) if (entry.until <= now) this.retries.delete(parent);
    return this.retries.get(key)?.runId ?? null;
  }
}
