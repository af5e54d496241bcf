/**
 * One retry per parent run across processes: a claim on the parent, taken atomically before the
 * dispatch and settled with the new run (the App with `REDIS_URL` keeps claims in Redis). A claim
 * held by another process means a retry is being started or was started: never a second one.
 * A claim store that cannot answer stops the retry: nothing is dispatched without a claim.
 */
import type { RetryTargetResult } from '../core/report/retry-reply.js';

/** What taking the claim on a parent gave. */
export type RetryClaim =
  | {
      readonly kind: 'claimed';
      /** The retry started (or was found): keep the claim, naming the run (null: id unknown). */
      settle(runId: number | null): Promise<void>;
      /** Nothing was started: let a later request try. */
      release(): Promise<void>;
    }
  /** Another request holds it: `runId` once its retry started, null while it is starting. */
  | { readonly kind: 'taken'; readonly runId: number | null; readonly settled: boolean };

/** Where claims are kept, shared by every process of the App. */
export interface RetryClaims {
  claim(key: string): Promise<RetryClaim>;
  /** Drop a settled claim naming `runId` (that retry was cancelled); another claim is left alone. */
  forget(key: string, runId: number): Promise<void>;
}

/** How long a request waits for another one that is starting a retry of the same run. */
const WAIT_ATTEMPTS = 40;
const WAIT_MS = 250;

/** Run `work` (check for a retry, then dispatch) only while holding the claim on `key`. */
export async function withRetryClaim(
  claims: RetryClaims,
  params: { key: string; base: Pick<RetryTargetResult, 'workflow' | 'parentRunId'> },
  work: () => Promise<RetryTargetResult>,
  /** Whether a retry was cancelled: a claim naming it is dropped and taken anew. */
  cancelled: (runId: number) => Promise<boolean> = () => Promise.resolve(false),
): Promise<RetryTargetResult> {
  const { base } = params;
  for (let attempt = 0; attempt < WAIT_ATTEMPTS; attempt++) {
    const claim = await claims.claim(params.key);
    if (claim.kind === 'claimed') return await holding(claim, work);
    if (claim.runId !== null && (await cancelled(claim.runId))) {
      await claims.forget(params.key, claim.runId);
      continue;
    }
    if (claim.runId !== null) return { ...base, kind: 'already-retried', runId: claim.runId };
    if (claim.settled)
      return {
        ...base,
        kind: 'failed',
        message: 'a retry of this run was already started (see the Actions tab)',
      };
    await new Promise((resolve) => setTimeout(resolve, WAIT_MS));
  }
  return {
    ...base,
    kind: 'failed',
    message: 'another request is starting a retry of this run; see the Actions tab',
  };
}

async function holding(
  claim: Extract<RetryClaim, { kind: 'claimed' }>,
  work: () => Promise<RetryTargetResult>,
): Promise<RetryTargetResult> {
  let result: RetryTargetResult;
  try {
    result = await work();
  } catch (error) {
    await claim.release().catch(() => undefined);
    throw error;
  }
  if (result.kind === 'dispatched' || result.kind === 'already-retried')
    await claim.settle(result.runId);
  else await claim.release();
  return result;
}
