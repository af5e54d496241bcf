import { describe, expect, it } from 'vitest';
import { aLineage } from '../../../test/support/run-record.js';
import { aRecord, aStep, nodes, runUrl } from '../../../test/support/report-records.js';
import type { FlakyEntry, RunRecord } from '../run-record/schema.js';
import { aCheckRunReport } from '../../../test/support/check-run-report.js';
import { LISTED_FLAKY, describeFlakyLines } from './flaky-report.js';
import { renderRetryOutcome } from './retry-reply.js';
import { renderRunSummary } from './run-summary.js';
import { renderRunTable } from './text.js';

function flaky(count: number): FlakyEntry[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `model.shop.f${i}`,
    kind: 'node' as const,
    failedIn: { run: '121-1', attempt: 1 },
    message: i === 0 ? 'could not obtain lock on "orders" @alice' : null,
  }));
}

function retryWith(entries: FlakyEntry[], status: RunRecord['status'] = 'success'): RunRecord {
  return aRecord({
    id: '130-1',
    status,
    github: { ...aRecord().github!, runId: 130 },
    lineage: aLineage({ parent: '121-1', root: '121-1', retryNumber: 1, trigger: 'comment' }),
    steps: [
      aStep({ id: 'dbt-seed', status: 'reused', reusedFrom: '121-1', executed: null }),
      aStep({
        id: 'dbt-run',
        action: 'retry',
        tool: 'dbt',
        status,
        exitCode: status === 'success' ? 0 : 1,
        nodes: nodes(status === 'success' ? 0 : 1, 0),
        flaky: entries,
      }),
    ],
  });
}

describe('the flaky list in the run summary', () => {
  it('names each flaky node with where it failed and its message, escaped', () => {
    const summary = renderRunSummary({ record: retryWith(flaky(2)), runUrl });
    expect(summary).toContain('### Flaky (2)');
    expect(summary).toContain(
      '- `model.shop.f0` (node, step `dbt-run`) failed in [#121](https://github.com/acme/warehouse/actions/runs/121), attempt 1: `could not obtain lock on "orders" @alice`, then passed',
    );
    expect(summary).toContain('- `model.shop.f1` (node, step `dbt-run`) failed in');
  });

  it('is bounded: the first ones, then how many more', () => {
    const summary = renderRunSummary({ record: retryWith(flaky(LISTED_FLAKY + 7)), runUrl });
    expect(summary).toContain(`### Flaky (${LISTED_FLAKY + 7})`);
    expect(summary).toContain(`model.shop.f${LISTED_FLAKY - 1}`);
    expect(summary).not.toContain(`model.shop.f${LISTED_FLAKY}\``);
    expect(summary).toContain('- +7 more');
  });

  it('has no section when nothing was flaky', () => {
    expect(renderRunSummary({ record: retryWith([]), runUrl })).not.toContain('Flaky');
  });
});

describe('the flaky list in the check run', () => {
  it('is in the summary, which stays within GitHub’s limit with many flaky nodes', () => {
    const fields = aCheckRunReport([retryWith(flaky(5000), 'failed')], {
      run: { id: 130, htmlUrl: runUrl(130) },
      runUrl,
      recordsNote: { expiresAt: null },
    });
    expect(fields.output.summary).toContain('### Flaky (5000)');
    expect(fields.output.summary).toContain(`- +${5000 - LISTED_FLAKY} more`);
    expect(Buffer.byteLength(fields.output.summary)).toBeLessThanOrEqual(65_535);
  });
});

describe('the flaky list in the /retry outcome', () => {
  const body =
    'x\n\n**Nightly** (`nightly.yml`): retrying run `121` as run `130`. <!-- gh-retry:parent=121 -->⏳ queued';

  it('names the first few after a success, then how many more', () => {
    const edited = renderRetryOutcome({
      body,
      outcome: { parentRunId: 121, runId: 130, status: 'success', record: retryWith(flaky(7)) },
    });
    expect(edited.split('\n').at(-1)).toMatch(
      /succeeded \(1 step reused, 1 step retried\)\. Flaky \(failed, then passed on the same code\): `model\.shop\.f0`, `model\.shop\.f1`, `model\.shop\.f2`, `model\.shop\.f3`, `model\.shop\.f4` \+2 more\.$/,
    );
  });

  it('names them after a failure too, and says nothing when none were flaky', () => {
    const failed = renderRetryOutcome({
      body,
      outcome: {
        parentRunId: 121,
        runId: 130,
        status: 'failed',
        record: retryWith(flaky(1), 'failed'),
      },
    });
    expect(failed).toContain('Flaky (failed, then passed on the same code): `model.shop.f0`.');
    const clean = renderRetryOutcome({
      body,
      outcome: { parentRunId: 121, runId: 130, status: 'success', record: retryWith([]) },
    });
    expect(clean).not.toContain('Flaky');
  });
});

describe('the flaky list in the terminal', () => {
  it('follows the steps table of show, one line each', () => {
    const table = renderRunTable(retryWith(flaky(2)));
    expect(table.split('\n').slice(-3)).toEqual([
      'flaky (failed, then passed on the same code): 2',
      '  model.shop.f0 (node, step dbt-run) failed in 121-1 attempt 1: could not obtain lock on "orders" @alice',
      '  model.shop.f1 (node, step dbt-run) failed in 121-1 attempt 1',
    ]);
  });

  it('is bounded', () => {
    const lines = describeFlakyLines(retryWith(flaky(LISTED_FLAKY + 3)));
    expect(lines).toHaveLength(LISTED_FLAKY + 2);
    expect(lines.at(-1)).toBe('  +3 more');
  });
});
