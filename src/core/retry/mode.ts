import { PlanError } from '../errors.js';
import { isValidStepId } from '../schedule/step-ids.js';

/**
 * The retry-mode grammar (PRODUCT.md §3): `from-failure`, `all`, `from STEP`, `only A,B`. One table
 * for every surface that reads or writes a mode: the `retry-mode` input and dispatch input, the
 * `/retry` comment, the CLI flags, the reports and the help texts.
 */

/** What a retry re-executes (PRODUCT.md §3). */
export type RetryMode =
  | { readonly kind: 'from-failure' }
  | { readonly kind: 'all' }
  | { readonly kind: 'from'; readonly step: string }
  | { readonly kind: 'only'; readonly steps: readonly string[] };

/** What follows a mode's keyword. */
export type ModeArgument = 'none' | 'step' | 'step-list';

/** One form of a retry mode. */
export interface RetryModeForm {
  readonly kind: RetryMode['kind'];
  /** The word that selects the form, as users type it (case-insensitive). */
  readonly keyword: string;
  readonly argument: ModeArgument;
  /** The form as users type it, e.g. `from STEP`. */
  readonly usage: string;
  /** What the form does, for help tables. */
  readonly description: string;
}

/** The most step ids one `only` accepts. */
export const MAX_ONLY_STEPS = 50;

/** The mode forms, in the order help texts list them. */
export const RETRY_MODE_TABLE: readonly RetryModeForm[] = [
  {
    kind: 'from-failure',
    keyword: 'from-failure',
    argument: 'none',
    usage: 'from-failure',
    description:
      'Retry from failure: reuse the steps that succeeded, re-run only what failed (failed dbt models, failed tests).',
  },
  {
    kind: 'all',
    keyword: 'all',
    argument: 'none',
    usage: 'all',
    description: 'Run every step again, as written.',
  },
  {
    kind: 'from',
    keyword: 'from',
    argument: 'step',
    usage: 'from STEP',
    description:
      'Reuse the steps before STEP (they must have succeeded); run STEP and every later step.',
  },
  {
    kind: 'only',
    keyword: 'only',
    argument: 'step-list',
    usage: 'only STEP[,STEP…]',
    description: 'Run the setup steps and the named steps only.',
  },
];

/** The form of a mode kind. */
export function modeForm(kind: RetryMode['kind']): RetryModeForm {
  const form = RETRY_MODE_TABLE.find((f) => f.kind === kind);
  if (form === undefined) throw new Error(`unknown retry mode ${kind}`);
  return form;
}

/** The form a keyword selects (case-insensitive), if any. */
export function formOfKeyword(word: string): RetryModeForm | undefined {
  const lower = word.toLowerCase();
  return RETRY_MODE_TABLE.find((f) => f.keyword === lower);
}

/** The forms a retry mode can take, for messages: `from-failure, all, from STEP, only STEP[,STEP…]`. */
export const RETRY_MODE_FORMS = RETRY_MODE_TABLE.map((f) => f.usage).join(', ');

/** The forms as a sentence list, each through `show`: `a, b, c or d`. */
export function listRetryModeForms(show: (usage: string) => string = (u) => u): string {
  const usages = RETRY_MODE_TABLE.map((f) => show(f.usage));
  return `${usages.slice(0, -1).join(', ')} or ${usages[usages.length - 1] ?? ''}`;
}

/** The mode built from a form and its checked arguments. */
export function toRetryMode(form: RetryModeForm, args: readonly string[]): RetryMode {
  switch (form.kind) {
    case 'from-failure':
    case 'all':
      return { kind: form.kind };
    case 'from':
      return { kind: 'from', step: args[0] ?? '' };
    case 'only':
      return { kind: 'only', steps: args };
  }
}

/** Why a list of step ids was refused. */
export type StepListProblem =
  | { readonly kind: 'no-steps' }
  | { readonly kind: 'empty-item' }
  | { readonly kind: 'too-many' }
  | { readonly kind: 'bad-id'; readonly id: string };

/**
 * The one rule for `only A,B`: comma-separated, spaces around commas allowed, no empty item, at
 * most {@link MAX_ONLY_STEPS} ids, each a valid step id; repeats collapse, order kept.
 */
export function readStepList(
  text: string,
):
  | { readonly ok: true; readonly steps: string[] }
  | { readonly ok: false; readonly problem: StepListProblem } {
  if (text.trim() === '') return { ok: false, problem: { kind: 'no-steps' } };
  const items = text.split(',').map((s) => s.trim());
  if (items.some((s) => s === '')) return { ok: false, problem: { kind: 'empty-item' } };
  if (items.length > MAX_ONLY_STEPS) return { ok: false, problem: { kind: 'too-many' } };
  const bad = items.find((s) => !isValidStepId(s));
  if (bad !== undefined) return { ok: false, problem: { kind: 'bad-id', id: bad } };
  return { ok: true, steps: [...new Set(items)] };
}

/**
 * Parse a retry mode as users type it: `from-failure`, `all`, `from STEP` or `only A,B`.
 * Anything else is a PlanError listing the forms.
 */
export function parseRetryMode(text: string): RetryMode {
  const [keyword = '', ...rest] = text.trim().split(/\s+/);
  const argument = rest.join(' ');
  const form = formOfKeyword(keyword);
  if (form?.argument === 'none' && argument === '') return toRetryMode(form, []);
  if (form?.argument === 'step' && argument !== '' && isValidStepId(argument)) {
    return toRetryMode(form, [argument]);
  }
  if (form?.argument === 'step-list') {
    const steps = readStepList(argument);
    if (steps.ok) return toRetryMode(form, steps.steps);
  }
  const trimmed = text.trim();
  const shown =
    trimmed === ''
      ? 'an empty retry mode'
      : `"${trimmed.length > 80 ? `${trimmed.slice(0, 80)}…` : trimmed}"`;
  throw new PlanError(`${shown} is not a retry mode; use one of: ${RETRY_MODE_FORMS}`);
}

/** Render a retry mode the way users type it (`from-failure`, `all`, `from dbt-run`, `only a,b`). */
export function formatRetryMode(mode: RetryMode): string {
  switch (mode.kind) {
    case 'from-failure':
    case 'all':
      return modeForm(mode.kind).keyword;
    case 'from':
      return `${modeForm('from').keyword} ${mode.step}`;
    case 'only':
      return `${modeForm('only').keyword} ${mode.steps.join(',')}`;
  }
}

/** Describe a retry in words (`Retrying only a, b`), each step id through `showStep`. */
export function describeRetryMode(
  mode: RetryMode,
  showStep: (id: string) => string = (id) => id,
): string {
  switch (mode.kind) {
    case 'from-failure':
      return 'Retrying from failure';
    case 'all':
      return 'Retrying every step';
    case 'from':
      return `Retrying from step ${showStep(mode.step)}`;
    case 'only':
      return `Retrying only ${mode.steps.map(showStep).join(', ')}`;
  }
}
