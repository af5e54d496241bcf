import { describe, expect, it } from 'vitest';
import { withRetryClaim, type RetryClaim, type RetryClaims } from './claim.js';

/** Claims in a map, as the Redis store keeps them: `pending`, or the settled run id. */
function memoryClaims(): RetryClaims & { values: Map<string, string> } {
  const values = new Map<string, string>();
  return {
    values,
    claim: (key): Promise<RetryClaim> => {
      const value = values.get(key);
      if (value === undefined) {
        values.set(key, 'pending');
        return Promise.resolve({
          kind: 'claimed',
          settle: (runId) => Promise.resolve(void values.set(key, String(runId))),
          release: () => Promise.resolve(void values.delete(key)),
        });
      }
      return Promise.resolve(
        value === 'pending'
          ? { kind: 'taken', runId: null, settled: false }
          : { kind: 'taken', runId: Number(value), settled: true },
      );
    },
    forget: (key, runId) => {
      if (values.get(key) === String(runId)) values.delete(key);
      return Promise.resolve();
    },
  };
}

const base = { workflow: { name: 'Nightly', path: 'nightly.yml' }, parentRunId: 1 };
const dispatched = (runId: number) => () =>
  Promise.resolve({ ...base, kind: 'dispatched' as const, runId });

describe('withRetryClaim', () => {
  it('answers "already retried" while the settled retry stands', async () => {
    const claims = memoryClaims();
    await withRetryClaim(claims, { key: 'o/r#1', base }, dispatched(10));
    const again = await withRetryClaim(claims, { key: 'o/r#1', base }, dispatched(11));
    expect(again).toEqual({ ...base, kind: 'already-retried', runId: 10 });
  });

  it('drops the claim of a cancelled retry and starts a new one', async () => {
    const claims = memoryClaims();
    await withRetryClaim(claims, { key: 'o/r#1', base }, dispatched(10));
    const cancelled = (runId: number) => Promise.resolve(runId === 10);
    const again = await withRetryClaim(claims, { key: 'o/r#1', base }, dispatched(11), cancelled);
    expect(again).toEqual({ ...base, kind: 'dispatched', runId: 11 });
    expect(claims.values.get('o/r#1')).toBe('11');
  });
});
