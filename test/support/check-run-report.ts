import type { RunRecord } from '../../src/core/run-record/schema.js';
import { renderCheckRun, type CheckRunReport } from '../../src/core/report/check-run.js';

/** A run's web address on github.com/o/r. */
export const checkRunUrl = (id: number) => `https://github.com/o/r/actions/runs/${id}`;

/**
 * The bot's check run of run 41 for these records: buttons on, records kept until December, no
 * problems and no policy note; override what the test is about.
 */
export function aCheckRunReport(
  records: readonly RunRecord[],
  overrides: Partial<CheckRunReport> = {},
): ReturnType<typeof renderCheckRun> {
  const runUrl = overrides.runUrl ?? checkRunUrl;
  return renderCheckRun({
    run: { id: 41, htmlUrl: runUrl(41) },
    records,
    recordProblems: [],
    configProblems: [],
    policyNote: null,
    runUrl,
    buttons: true,
    previousText: null,
    recordsNote: { expiresAt: '2026-12-01T00:00:00Z' },
    ...overrides,
  });
}
