import { describe, expect, it } from 'vitest';
import { rerunProblem } from './rerun-limits.js';

describe('GitHub re-run limits', () => {
  it('refuses re-runs past 30 days and past 50 re-runs', () => {
    const now = new Date('2026-12-07T12:00:00Z');
    expect(rerunProblem({ id: 7, createdAt: '2026-11-08T12:00:00Z', attempt: 50 }, now)).toBeNull();
    expect(rerunProblem({ id: 7, createdAt: '2026-11-07T11:59:59Z' }, now)).toMatch(
      /^GitHub re-runs jobs only within 30 days of a run's start, and run 7 started on 2026-11-07; /,
    );
    expect(rerunProblem({ id: 7, createdAt: '2026-12-01T00:00:00Z', attempt: 51 }, now)).toMatch(
      /^GitHub re-runs a run at most 50 times, and run 7 has been re-run 50 times; /,
    );
  });
});
