import { describe, expect, it } from 'vitest';
import { aRunRecord, aStepRecord } from '../../../test/support/run-record.js';
import { renderRunSummary } from './run-summary.js';
import { appendRetryLog } from './check-run.js';
import { aCheckRunReport, checkRunUrl as runUrl } from '../../../test/support/check-run-report.js';

// GitHub limits a check run's summary to 65,535 UTF-8 bytes (422 "summary exceeds a maximum
// bytesize of 65535") and keeps only the first 65,535 bytes of its text. Status icons and
// non-Latin step names take several bytes per character, so a character count is not enough.
const LIMIT = 65_535;
const bytes = (text: string | undefined) => Buffer.byteLength(text ?? '', 'utf8');

/** About 2,000 steps, half failed, with names in Japanese (3 bytes a character). */
const large = aRunRecord({
  name: 'nightly',
  status: 'failed',
  steps: Array.from({ length: 2_000 }, (_, i) =>
    aStepRecord({
      id: `step-${i}`,
      name: `モデル-${i}-の検証`,
      command: `dbt run --select モデル_${i}`,
      status: i % 2 === 0 ? 'success' : 'failed',
      exitCode: i % 2 === 0 ? 0 : 1,
    }),
  ),
});

describe('check run output within GitHub byte limits', () => {
  it('keeps the summary of a large record under 65,535 bytes', () => {
    const fields = aCheckRunReport([large, large]);
    expect(bytes(fields.output.summary)).toBeGreaterThan(LIMIT / 2);
    expect(bytes(fields.output.summary)).toBeLessThanOrEqual(LIMIT);
  });

  it('cuts a rendered summary by bytes and says so', () => {
    const summary = renderRunSummary({ record: large, runUrl });
    expect(bytes(summary)).toBeLessThanOrEqual(LIMIT);
    expect(summary).toMatch(/shortened/i);
  });

  it('keeps the newest retry log entries within 65,535 bytes', () => {
    let text = '';
    for (let i = 0; i < 1_500; i += 1)
      text = appendRetryLog(text, `再試行 ${i}: 🔁 失敗したモデルを再実行しました`);
    expect(bytes(text)).toBeLessThanOrEqual(LIMIT);
    expect(text).toContain('再試行 1499:');
    expect(text).toContain('Older entries were dropped');
  });
});
