import {
  MAX_ONLY_STEPS,
  readStepList,
  RETRY_MODE_TABLE,
  type RetryMode,
  type RetryModeForm,
  toRetryMode,
} from '../retry/mode.js';
import { MAX_STEP_ID_LENGTH, isValidStepId } from '../schedule/step-ids.js';

/**
 * The `/retry` comment grammar (PRODUCT.md §6). Only the first line of a comment counts.
 *
 *   /retry [WORKFLOW] [all | from STEP | only STEP[,STEP…]]
 *   /retry help
 *
 * WORKFLOW is a workflow *file name* (`nightly.yml`, `.github/workflows/nightly.yml`), never a
 * display name: file names are unique in a repository, need no quoting, are what the dispatch API
 * takes, and their `.yml`/`.yaml` ending keeps them apart from the mode words. The command word
 * and mode words are case-insensitive (phones capitalise `/Retry`); step ids and file names are
 * taken as written. The result carries only tokens that passed a strict charset check.
 */

/** What a comment asks for. */
export type CommentCommand =
  | { readonly kind: 'none' }
  | { readonly kind: 'help' }
  | { readonly kind: 'retry'; readonly workflow: string | null; readonly mode: RetryMode }
  | { readonly kind: 'invalid'; readonly message: string };

/** A workflow file name: a plain file name ending in `.yml` or `.yaml`. */
export const WORKFLOW_FILE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.ya?ml$/;

const COMMAND_WORD = '/retry';
const WORKFLOWS_DIR = '.github/workflows/';
const MAX_LINE_LENGTH = 1000;

/** A mode form as the comment grammar spells it: bare `/retry` is `from-failure`. */
interface CommandForm {
  readonly form: RetryModeForm;
  /** The word after `/retry` (and after WORKFLOW) that selects this form; null for bare `/retry`. */
  readonly keyword: string | null;
  readonly usage: string;
  readonly description: string;
}

/** The mode forms, from the one retry-mode table: for the parser and the help text. */
const MODE_FORMS: readonly CommandForm[] = RETRY_MODE_TABLE.map((form) =>
  form.kind === 'from-failure'
    ? {
        form,
        keyword: null,
        usage: COMMAND_WORD,
        description: `${form.description} Also \`${COMMAND_WORD} ${form.usage}\`.`,
      }
    : {
        form,
        keyword: form.keyword,
        usage: `${COMMAND_WORD} ${form.usage}`,
        description: form.description,
      },
);

/** Rows of the help table that are not modes. */
const OTHER_FORMS = [
  {
    usage: '/retry WORKFLOW [MODE]',
    description:
      'Retry one workflow only. WORKFLOW is its file name and MODE any form above without `/retry`, e.g. `/retry nightly.yml` or `/retry nightly.yml from dbt-run`.',
  },
  { usage: '/retry help', description: 'Show this help.' },
] as const;

const HELP_KEYWORD = 'help';

type Parsed<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

/** Parse the first line of a comment body into a command; text that is not a command is `none`. */
export function parseComment(body: string): CommentCommand {
  const line = (body.split(/\r\n|\r|\n/, 1)[0] ?? '').trim();
  const tokens = line.split(/\s+/);
  const head = tokens[0] ?? '';
  if (!head.toLowerCase().startsWith(COMMAND_WORD)) return { kind: 'none' };
  if (head.length > COMMAND_WORD.length) {
    return invalid(
      `${showToken(head)} is not a command: put a space after \`/retry\` (for example \`/retry all\`).`,
    );
  }
  if (line.length > MAX_LINE_LENGTH)
    return invalid(`The command is longer than ${MAX_LINE_LENGTH} characters.`);
  const parsed = parseArguments(tokens.slice(1));
  return parsed.ok ? parsed.value : invalid(parsed.problem);
}

function parseArguments(args: readonly string[]): Parsed<CommentCommand> {
  if (args[0]?.toLowerCase() === HELP_KEYWORD) {
    return args.length === 1
      ? ok({ kind: 'help' })
      : fail(`\`/retry help\` takes nothing after it.`);
  }
  let rest = args;
  let workflow: string | null = null;
  const first = rest[0];
  if (first !== undefined && looksLikeWorkflowFile(first)) {
    const file = parseWorkflowToken(first);
    if (!file.ok) return file;
    workflow = file.value;
    rest = rest.slice(1);
  }
  const keyword = rest[0]?.toLowerCase() ?? null;
  const form = MODE_FORMS.find((f) => f.keyword === keyword || f.form.keyword === keyword);
  if (form === undefined) {
    return fail(
      `${showToken(rest[0] ?? '')} is neither a retry mode (${modeKeywords()}) nor a workflow file name (ending in \`.yml\` or \`.yaml\`).`,
    );
  }
  const mode = parseModeArguments(form, rest.slice(1));
  return mode.ok ? ok({ kind: 'retry', workflow, mode: mode.value }) : mode;
}

function parseModeArguments(form: CommandForm, args: readonly string[]): Parsed<RetryMode> {
  const usage = `\`${form.usage}\``;
  switch (form.form.argument) {
    case 'none':
      return args.length === 0
        ? ok(toRetryMode(form.form, []))
        : fail(`${usage} takes nothing after it, but found ${showToken(args.join(' '))}.`);
    case 'step': {
      if (args.length === 0)
        return fail(`${usage} needs a step id, for example \`/retry from dbt-run\`.`);
      if (args.length > 1)
        return fail(`${usage} takes one step id, but found ${showToken(args.join(' '))}.`);
      const step = parseStepId(args[0] ?? '');
      return step.ok ? ok(toRetryMode(form.form, [step.value])) : step;
    }
    case 'step-list': {
      const steps = parseStepList(args, usage);
      return steps.ok ? ok(toRetryMode(form.form, steps.value)) : steps;
    }
  }
}

function parseStepList(args: readonly string[], usage: string): Parsed<string[]> {
  if (args.length === 0)
    return fail(`${usage} needs step ids, for example \`/retry only dbt-test,pytest\`.`);
  // Spaces around commas are fine (`a, b`); a space without a comma is not (`a b`).
  const list = readStepList(args.join(' '));
  if (list.ok) return ok(list.steps);
  switch (list.problem.kind) {
    case 'no-steps':
    case 'empty-item':
      return fail(`${usage} has an empty step id: separate step ids with single commas.`);
    case 'too-many':
      return fail(`${usage} accepts at most ${MAX_ONLY_STEPS} step ids.`);
    case 'bad-id': {
      const item = list.problem.id;
      if (/\s/.test(item))
        return fail(`Separate step ids with commas, not spaces: ${showToken(item)}.`);
      return fail(stepIdProblem(item));
    }
  }
}

function parseStepId(token: string): Parsed<string> {
  return isValidStepId(token) ? ok(token) : fail(stepIdProblem(token));
}

function stepIdProblem(token: string): string {
  const lower = token.toLowerCase();
  if (isValidStepId(lower)) return `Step ids are lowercase: did you mean \`${lower}\`?`;
  return `${showToken(token)} is not a step id: step ids are up to ${MAX_STEP_ID_LENGTH} lowercase letters, digits, \`.\`, \`_\` and \`-\`, as shown in the run summary.`;
}

function looksLikeWorkflowFile(token: string): boolean {
  return /\.ya?ml$/i.test(token);
}

function parseWorkflowToken(token: string): Parsed<string> {
  const file = token.startsWith(WORKFLOWS_DIR) ? token.slice(WORKFLOWS_DIR.length) : token;
  return WORKFLOW_FILE_PATTERN.test(file)
    ? ok(file)
    : fail(
        `${showToken(token)} is not a workflow file name: use the file name under \`.github/workflows/\`, made of letters, digits, \`.\`, \`_\` and \`-\` (for example \`nightly.yml\`).`,
      );
}

function modeKeywords(): string {
  return RETRY_MODE_TABLE.map((f) => `\`${f.keyword}\``).join(', ');
}

/** Render the `/retry` help (Markdown), generated from the grammar table. */
export function renderCommandHelp(): string {
  const rows = [...MODE_FORMS, ...OTHER_FORMS].map((f) => `| \`${f.usage}\` | ${f.description} |`);
  return [
    '**gh-retry commands** (only the first line of a comment counts):',
    '',
    '| Command | What it does |',
    '| --- | --- |',
    ...rows,
    '',
    `STEP is a step id as shown in the run summary (lowercase letters, digits, \`.\`, \`_\`, \`-\`). ` +
      'Without WORKFLOW, the latest failed run of each workflow on the pull request’s head commit is retried.',
  ].join('\n');
}

/** Show a user's token in a message: inside a code span, so it cannot mention, link or format. */
function showToken(token: string): string {
  const clean = token.replace(/`/g, "'");
  const short = clean.length > 40 ? `${clean.slice(0, 40)}…` : clean;
  return short === '' ? 'nothing' : `\`${short}\``;
}

function invalid(problem: string): CommentCommand {
  return { kind: 'invalid', message: `${problem}\n\n${renderCommandHelp()}` };
}

function ok<T>(value: T): Parsed<T> {
  return { ok: true, value };
}

function fail(problem: string): { readonly ok: false; readonly problem: string } {
  return { ok: false, problem };
}
