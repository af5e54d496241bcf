import { describe, expect, it } from 'vitest';
import { escapeMarkdown } from './check-run.js';
import {
  INLINE_TEXT_MAX,
  JOB_SUMMARY_LIMIT,
  MARKDOWN_LIMIT,
  fitNewest,
  plain,
  summaryRoom,
} from './markdown.js';

describe('one Markdown escaping, caps named per use', () => {
  it('escapes punctuation, defuses mentions and keeps one line', () => {
    expect(plain('hi @team [x](y)\n| row')).toBe('hi @\u2060team \\[x\\]\\(y\\) \\| row');
  });

  it.each([
    [plain('x'.repeat(1000)), INLINE_TEXT_MAX],
    [escapeMarkdown('x'.repeat(1000)), 500],
  ])('cuts at its cap with an ellipsis', (text, cap) => {
    expect(text).toHaveLength(cap);
    expect(text.endsWith('…')).toBe(true);
  });

  it('the check run escapes with the same rule as the reports', () => {
    const text = 'a `b` *c* _d_ #e <f> @g ~h';
    expect(escapeMarkdown(text)).toBe(plain(text));
  });
});

describe('fitNewest', () => {
  it('keeps short text and drops the oldest lines of long text', () => {
    expect(fitNewest('a\nb')).toBe('a\nb');
    const lines = Array.from({ length: 10_000 }, (_, i) => `line ${i}`).join('\n');
    const fitted = fitNewest(lines);
    expect(fitted.length).toBeLessThanOrEqual(MARKDOWN_LIMIT);
    expect(fitted.startsWith('_Older entries were dropped._\n\nline ')).toBe(true);
    expect(fitted.endsWith('line 9999')).toBe(true);
  });
});

describe('summaryRoom', () => {
  it('gives a report the room the step’s commands left in the 1 MiB job summary', () => {
    expect(JOB_SUMMARY_LIMIT).toBe(1_048_576);
    expect(summaryRoom(0)).toBe(MARKDOWN_LIMIT);
    expect(summaryRoom(1_000_000)).toBe(48_574);
    // Past the limit, or with under 1 KiB left, no report (GitHub would drop the whole summary).
    expect(summaryRoom(JOB_SUMMARY_LIMIT - 1_026)).toBe(1_024);
    expect(summaryRoom(JOB_SUMMARY_LIMIT - 1_025)).toBeNull();
    expect(summaryRoom(2 * JOB_SUMMARY_LIMIT)).toBeNull();
  });
});
