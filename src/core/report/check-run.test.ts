import { describe, expect, it } from 'vitest';
import { aRunRecord, aStepRecord } from '../../../test/support/run-record.js';
import {
  aCheckRunReport as report,
  checkRunUrl as runUrl,
} from '../../../test/support/check-run-report.js';
import { appendRetryLog, escapeMarkdown, modeForButton } from './check-run.js';

const failed = aRunRecord({
  name: 'nightly',
  status: 'failed',
  steps: [aStepRecord({ id: 'dbt-run', status: 'failed', exitCode: 1 })],
});
const succeeded = aRunRecord({ name: 'nightly', status: 'success' });
const cancelled = aRunRecord({ name: 'nightly', status: 'cancelled' });

describe('renderCheckRun', () => {
  it('names and links its run when it may show under another workflow (a GITHUB_TOKEN check run)', () => {
    const fields = report([failed], {
      buttons: false,
      nameRun: { workflowName: 'dbt nightly', runNumber: 12 },
    });
    expect(fields.output.title).toBe('dbt nightly #12: nightly failed at dbt-run');
    expect(fields.output.summary.split('\n')[0]).toBe(
      `About the run [dbt nightly #12](${runUrl(41)}) (this check run may show under another workflow's run).`,
    );
    expect(report([failed]).output.title).toBe('nightly failed at dbt-run');
  });

  it.each([
    {
      records: [failed],
      conclusion: 'failure',
      title: 'nightly failed at dbt-run',
      buttons: ['retry-failed', 'retry-all'],
    },
    {
      records: [succeeded],
      conclusion: 'success',
      title: 'nightly succeeded',
      buttons: ['retry-all'],
    },
    {
      records: [cancelled],
      conclusion: 'cancelled',
      title: 'nightly was cancelled',
      buttons: ['retry-failed', 'retry-all'],
    },
    {
      records: [succeeded, failed],
      conclusion: 'failure',
      title: '1 of 2 schedules did not succeed',
      buttons: ['retry-failed', 'retry-all'],
    },
    {
      records: [],
      conclusion: 'neutral',
      title: 'The run record could not be read',
      buttons: ['retry-all'],
    },
  ])('concludes $conclusion with "$title"', ({ records, conclusion, title, buttons }) => {
    const fields = report(records);
    expect(fields).toMatchObject({
      name: 'gh-retry',
      externalId: '41',
      detailsUrl: runUrl(41),
      conclusion,
    });
    expect(fields.output.title).toBe(title);
    expect(fields.actions.map((a) => a.identifier)).toEqual(buttons);
  });

  it('keeps buttons within GitHub’s limits', () => {
    for (const action of report([failed]).actions) {
      expect(action.label.length).toBeLessThanOrEqual(20);
      expect(action.description.length).toBeLessThanOrEqual(40);
      expect(action.identifier.length).toBeLessThanOrEqual(20);
    }
  });

  it('offers no buttons where nobody would receive the click (the bot in a workflow)', () => {
    expect(report([failed], { buttons: false }).actions).toEqual([]);
  });

  it('keeps the retry log of the check run it replaces, and lists problems escaped', () => {
    const previousText = appendRetryLog('### Automatic retry\n\nold note', 'run 9 started');
    const fields = report([failed], {
      previousText,
      policyNote: 'new note',
      recordProblems: ['the record in "gh-retry-x-1" names `@evil` [link](http://x)'],
    });
    expect(fields.output.text).toMatchInlineSnapshot(`
      "### Automatic retry

      new note

      ### Records that could not be read

      - the record in "gh-retry-x-1" names \\\`@⁠evil\\\` \\[link\\]\\(http://x\\)

      ### Retries

      - run 9 started"
    `);
  });
});

describe('appendRetryLog', () => {
  it('starts the log, then appends to it, keeping a multi-line entry in one list item', () => {
    const once = appendRetryLog('', 'first');
    const twice = appendRetryLog(once, 'second\n\n```yaml\non: push\n```');
    expect(twice).toBe('### Retries\n\n- first\n\n- second\n\n  ```yaml\n  on: push\n  ```');
  });

  it('stays within GitHub’s 65535 characters, dropping the oldest part', () => {
    let text = '';
    for (let i = 0; i < 400; i++) text = appendRetryLog(text, `${i} ${'x'.repeat(300)}`);
    expect(text.length).toBeLessThanOrEqual(65_535);
    expect(text).toContain(`399 ${'x'.repeat(300)}`);
    expect(text.startsWith('_Older entries were dropped._')).toBe(true);
  });
});

describe('modeForButton and escapeMarkdown', () => {
  it.each([
    { identifier: 'retry-failed', mode: { kind: 'from-failure' } },
    { identifier: 'retry-all', mode: { kind: 'all' } },
    { identifier: 'lgtm', mode: null },
  ])('$identifier means $mode', ({ identifier, mode }) => {
    expect(modeForButton(identifier)).toEqual(mode);
  });

  it('defuses mentions, links and layout in untrusted text', () => {
    expect(escapeMarkdown('hi @team [x](y) <b>\nnext | row')).toBe(
      'hi @\u2060team \\[x\\]\\(y\\) \\<b\\> next \\| row',
    );
  });
});
