/**
 * GitHub's limits on re-running a run's jobs, checked before asking so that a person reads why in
 * one plain line instead of GitHub's refusal (source: GitHub's docs, "Re-running workflows and
 * jobs"). Past 50 re-runs GitHub accepts the request and fails the attempt at once, so only this
 * check can say why.
 */

/** "A workflow run can be re-run a maximum of 50 times." */
export const MAX_RERUNS = 50;
/** "You can re-run a workflow run … up to 30 days after its initial run." */
export const RERUN_WINDOW_DAYS = 30;

const DAY_MS = 86_400_000;

/** Why GitHub cannot re-run a run's jobs any more, or null. `attempt` is unknown to some callers. */
export function rerunProblem(
  run: { readonly id: number; readonly createdAt: string; readonly attempt?: number },
  now: Date,
): string | null {
  const created = Date.parse(run.createdAt);
  if (now.getTime() - created > RERUN_WINDOW_DAYS * DAY_MS)
    return `GitHub re-runs jobs only within ${RERUN_WINDOW_DAYS} days of a run's start, and run ${run.id} started on ${run.createdAt.slice(0, 10)}; push a commit or start the workflow again to get a new run`;
  if (run.attempt !== undefined && run.attempt > MAX_RERUNS)
    return `GitHub re-runs a run at most ${MAX_RERUNS} times, and run ${run.id} has been re-run ${run.attempt - 1} times; push a commit or start the workflow again to get a new run`;
  return null;
}
