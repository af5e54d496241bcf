import { describe, expect, it } from 'vitest';
import { parseRetryMarkers, renderRetryMarker } from './retry-markers.js';

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
});
