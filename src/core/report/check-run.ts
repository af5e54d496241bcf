/**
 * The App's check run for a completed gh-retry run: the run summary, buttons to retry it, what
 * the retry policy decided, configuration problems, and a log of the retries started from it.
 */
import type { RetryMode } from '../retry/mode.js';
import { renderRunSummary } from './run-summary.js';
import { MARKDOWN_LIMIT, fitNewest, plain, type RunUrl } from './markdown.js';

/** The longest untrusted text (a reason, a path) shown in a check run's lists and retry log. */
const CHECK_RUN_TEXT_MAX = 500;
import { isRetryable, stoppedStep } from '../run-record/record.js';
import type { RunRecord } from '../run-record/schema.js';
import { renderRecordsNote, type RecordsNote } from '../bot/markers.js';

/** The writable parts of a check run. */
export interface CheckRunFields {
  readonly name: string;
  readonly externalId: string;
  readonly detailsUrl?: string;
  readonly conclusion: 'success' | 'failure' | 'cancelled' | 'neutral' | 'action_required';
  readonly output: { readonly title: string; readonly summary: string; readonly text: string };
  /** Buttons; at most 3, labels ≤ 20, descriptions ≤ 40, identifiers ≤ 20 characters. */
  readonly actions: readonly {
    readonly label: string;
    readonly description: string;
    readonly identifier: string;
  }[];
}

/** The name of the bot's check runs; one per workflow run, its id in `external_id`. */
export const CHECK_RUN_NAME = 'gh-retry';

const RETRIES_HEADING = '### Retries';

/** Check-run buttons: identifier → what it retries and how it is shown (labels ≤ 20, descriptions ≤ 40). */
export const RETRY_BUTTONS = {
  'retry-failed': {
    mode: { kind: 'from-failure' },
    label: 'Retry from failure',
    description: 'Reuse what succeeded, re-run the rest',
  },
  'retry-all': { mode: { kind: 'all' }, label: 'Retry all', description: 'Run every step again' },
} as const satisfies Record<string, { mode: RetryMode; label: string; description: string }>;

/** The mode of a check-run button; null for an identifier the bot never offered. */
export function modeForButton(identifier: string): RetryMode | null {
  return identifier === 'retry-failed' || identifier === 'retry-all'
    ? RETRY_BUTTONS[identifier].mode
    : null;
}

/** Everything a check run shows. */
export interface CheckRunReport {
  readonly run: { readonly id: number; readonly htmlUrl: string };
  readonly records: readonly RunRecord[];
  /** Records that could not be read, and why. */
  readonly recordProblems: readonly string[];
  readonly configProblems: readonly string[];
  /** What the retry policy decided (Markdown). */
  readonly policyNote: string | null;
  readonly runUrl: RunUrl;
  readonly buttons: boolean;
  /** The text of the check run this one replaces: its retry log is kept. */
  readonly previousText: string | null;
  /** When the run's record artifacts expire (noted in the summary for `/retry`). */
  readonly recordsNote: RecordsNote;
  /**
   * Name the run in the title and the summary's first line, with a link: for check runs that may
   * show under another workflow's run (made with a `GITHUB_TOKEN`, they join any Actions suite).
   */
  readonly nameRun?: { readonly workflowName: string; readonly runNumber: number };
}

/** Build the check run for a completed run. */
export function renderCheckRun(report: CheckRunReport): CheckRunFields {
  const { records } = report;
  const failed = records.some(isRetryable);
  const summary =
    records.length === 0
      ? 'gh-retry could not read the record of this run, so it cannot be retried from failure. Comment `/retry all` on the pull request, or choose **Re-run all jobs** on the run.'
      : records
          .map((record) =>
            renderRunSummary({
              record,
              runUrl: report.runUrl,
              // Room for the separators and the records note.
              maxLength: Math.floor(MARKDOWN_LIMIT / records.length) - 100,
            }),
          )
          .join('\n\n---\n\n');
  const sections = [
    ...(report.policyNote === null ? [] : [`### Automatic retry\n\n${report.policyNote}`]),
    ...listSection('Records that could not be read', report.recordProblems),
    ...listSection(
      'Configuration problems',
      report.configProblems,
      'Fix `.github/gh-retry.yml`; a policy with a problem is off, and a bad `permission` means `write`.',
    ),
  ];
  const log = retryLogOf(report.previousText ?? '');
  return {
    name: CHECK_RUN_NAME,
    externalId: String(report.run.id),
    detailsUrl: report.run.htmlUrl,
    conclusion: conclusionOf(records),
    output: {
      title: `${runLabelOf(report)}${titleOf(records)}`.slice(0, 200),
      summary: `${aboutRun(report)}${summary}\n\n${renderRecordsNote(report.recordsNote)}`,
      text: fitNewest([...sections, ...(log === '' ? [] : [log])].join('\n\n')),
    },
    actions: report.buttons ? buttonsFor(failed) : [],
  };
}

function runLabelOf(report: CheckRunReport): string {
  const named = report.nameRun;
  return named === undefined ? '' : `${named.workflowName} #${named.runNumber}: `;
}

function aboutRun(report: CheckRunReport): string {
  const named = report.nameRun;
  if (named === undefined) return '';
  const label = `${escapeMarkdown(named.workflowName)} #${named.runNumber}`;
  return `About the run [${label}](${report.run.htmlUrl}) (this check run may show under another workflow's run).\n\n`;
}

/** Add one entry (Markdown, may span lines) to a check run's retry log. */
export function appendRetryLog(text: string, line: string): string {
  const at = text.indexOf(RETRIES_HEADING);
  const before = at === -1 ? text : text.slice(0, at);
  const log = at === -1 ? RETRIES_HEADING : text.slice(at);
  // Later lines are indented so that a multi-line entry (a YAML block) stays one list item.
  const item = line
    .split('\n')
    .map((text, index) => (index === 0 || text === '' ? text : `  ${text}`))
    .join('\n');
  const parts = [before.trimEnd(), `${log.trimEnd()}\n\n- ${item}`].filter((p) => p !== '');
  return fitNewest(parts.join('\n\n'));
}

/** Untrusted text as plain Markdown on one line: punctuation escaped, mentions defused. */
export function escapeMarkdown(text: string): string {
  return plain(text, CHECK_RUN_TEXT_MAX);
}

function retryLogOf(text: string): string {
  const at = text.indexOf(RETRIES_HEADING);
  return at === -1 ? '' : text.slice(at).trimEnd();
}

function listSection(title: string, items: readonly string[], advice?: string): string[] {
  if (items.length === 0) return [];
  const list = items.map((item) => `- ${escapeMarkdown(item)}`).join('\n');
  return [`### ${title}\n\n${list}${advice === undefined ? '' : `\n\n${advice}`}`];
}

function buttonsFor(failed: boolean): CheckRunFields['actions'] {
  const ids = failed ? (['retry-failed', 'retry-all'] as const) : (['retry-all'] as const);
  return ids.map((identifier) => ({
    identifier,
    label: RETRY_BUTTONS[identifier].label,
    description: RETRY_BUTTONS[identifier].description,
  }));
}

function conclusionOf(records: readonly RunRecord[]): CheckRunFields['conclusion'] {
  if (records.length === 0) return 'neutral';
  if (records.some((r) => r.status === 'failed')) return 'failure';
  if (records.some((r) => r.status === 'cancelled')) return 'cancelled';
  return 'success';
}

function titleOf(records: readonly RunRecord[]): string {
  const [first] = records;
  if (first === undefined) return 'The run record could not be read';
  if (records.length > 1) {
    const failed = records.filter((r) => r.status !== 'success').length;
    return failed === 0
      ? `${records.length} schedules succeeded`
      : `${failed} of ${records.length} schedules did not succeed`;
  }
  if (first.nothingToRetry) return `${first.name}: nothing to retry`;
  const stopped = stoppedStep(first);
  const word = { success: 'succeeded', failed: 'failed', cancelled: 'was cancelled' }[first.status];
  return `${first.name} ${word}${stopped === undefined ? '' : ` at ${stopped.id}`}`.slice(0, 200);
}
