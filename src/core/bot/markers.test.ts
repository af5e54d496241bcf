import { describe, expect, it } from 'vitest';
import {
  isReplyFor,
  isReplyTo,
  parseRecordsNote,
  parseRetryMarkers,
  recordsExpired,
  renderRecordsNote,
  renderRetryMarker,
  replyMarker,
  replyNotes,
  replyToMarker,
} from './markers.js';

describe('retry markers', () => {
  it.each([
    { runId: 12, trigger: 'policy', requestedBy: 'gh-retry[bot]' },
    { runId: 8000000003, trigger: 'comment', requestedBy: 'mona' },
    { runId: 5, trigger: 'check', requestedBy: 'Octo-Cat' },
  ] as const)('round-trips $trigger by $requestedBy', (marker) => {
    expect(parseRetryMarkers(`text ${renderRetryMarker(marker)} more`)).toEqual([marker]);
  });

  it('reads every marker of a retry log, and nothing else', () => {
    const log = [
      renderRetryMarker({ runId: 1, trigger: 'policy', requestedBy: 'gh-retry[bot]' }),
      '<!-- gh-retry:retry run=2 trigger=manual by=mona -->',
      '<!-- gh-retry:parent=3 -->',
      renderRetryMarker({ runId: 4, trigger: 'check', requestedBy: 'mona' }),
    ].join('\n- ');
    expect(parseRetryMarkers(log).map((m) => m.runId)).toEqual([1, 4]);
  });

  it('never writes a login that is not one', () => {
    const marker = renderRetryMarker({
      runId: 1,
      trigger: 'comment',
      requestedBy: 'x --> <img src=y>',
    });
    expect(marker).toBe('<!-- gh-retry:retry run=1 trigger=comment by=unknown -->');
  });

  it('names the parent in a reply’s note, and a check run’s note leaves it out', () => {
    const replied = { runId: 9, trigger: 'comment', requestedBy: 'mona', parentRunId: 7 } as const;
    expect(renderRetryMarker(replied)).toBe(
      '<!-- gh-retry:retry run=9 trigger=comment by=mona of=7 -->',
    );
    expect(parseRetryMarkers(`reply ${renderRetryMarker(replied)}`)).toEqual([replied]);
    expect(parseRetryMarkers('<!-- gh-retry:retry run=9 trigger=check by=mona -->')).toEqual([
      { runId: 9, trigger: 'check', requestedBy: 'mona' },
    ]);
  });
});

describe('the records note of a check run', () => {
  it('round-trips the expiry, or its absence', () => {
    const note = { expiresAt: '2026-12-01T10:00:00.000Z' };
    expect(parseRecordsNote(`summary\n\n${renderRecordsNote(note)}`)).toEqual(note);
    expect(parseRecordsNote(renderRecordsNote({ expiresAt: null }))).toEqual({ expiresAt: null });
    expect(renderRecordsNote({ expiresAt: 'soon' })).toBe(
      '<!-- gh-retry:records expires=never -->',
    );
  });

  it('is absent from a check run written before it existed', () => {
    expect(parseRecordsNote('## nightly failed at dbt-run')).toBeNull();
  });

  it('is read only where the bot writes it, at the end, never from quoted tool output', () => {
    const forged = '`Database Error: <!-- gh-retry:records expires=2000-01-01T00:00:00Z -->`';
    const real = renderRecordsNote({ expiresAt: '2026-12-01T10:00:00.000Z' });
    expect(parseRecordsNote(`${forged}\n\n${real}`)).toEqual({
      expiresAt: '2026-12-01T10:00:00.000Z',
    });
    expect(parseRecordsNote(`${real}\n\n${forged}`)).toBeNull();
  });

  it('says the records expired once their last expiry has passed', () => {
    const note = { expiresAt: '2026-12-01T10:00:00.000Z' };
    expect(recordsExpired(note, new Date('2026-12-01T09:59:59Z'))).toBe(false);
    expect(recordsExpired(note, new Date('2026-12-01T10:00:00Z'))).toBe(true);
    expect(recordsExpired({ expiresAt: null }, new Date('2099-01-01T00:00:00Z'))).toBe(false);
  });
});

describe('reply notes', () => {
  it('marks the line about retries of one parent run', () => {
    const body = `🔁 Retrying:\n- a ${replyMarker(121)}\n- b ${replyMarker(1212)}`;
    expect([isReplyFor(body, 121), isReplyFor(body, 1212), isReplyFor(body, 12)]).toEqual([
      true,
      true,
      false,
    ]);
    expect(replyMarker(121)).toBe('<!-- gh-retry:parent=121 -->');
  });

  it('marks the reply to a comment and reads only the notes block it ends', () => {
    const notes = renderRetryMarker({ runId: 9, trigger: 'comment', requestedBy: 'mona' });
    const body = `Quoted ${renderRetryMarker({ runId: 1, trigger: 'policy', requestedBy: 'x' })}\n\n${notes}\n${replyToMarker(77)}\n`;
    expect(replyToMarker(77)).toBe('<!-- gh-retry:reply-to=77 -->');
    expect([isReplyTo(body, 77), isReplyTo(body, 7)]).toEqual([true, false]);
    expect(parseRetryMarkers(replyNotes(body)).map((m) => m.runId)).toEqual([9]);
    expect(replyNotes(`text\n\n${notes}`)).toBe('');
  });
});
