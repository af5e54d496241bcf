import { PlanError } from '../errors.js';
import type { RetryMode } from '../model.js';
import { isValidStepId } from '../schedule/step-ids.js';

/** The forms a retry mode can take, for messages. */
export const RETRY_MODE_FORMS = 'from-failure, all, from STEP, only STEP[,STEP…]';

/**
 * Parse a retry mode as users type it: `from-failure`, `all`, `from STEP` or `only A,B`.
 * Anything else is a PlanError listing the forms.
 */
export function parseRetryMode(text: string): RetryMode {
  const [keyword = '', ...rest] = text.trim().split(/\s+/);
  const argument = rest.join(' ');
  const word = keyword.toLowerCase();
  if ((word === 'from-failure' || word === 'all') && argument === '') return { kind: word };
  if (word === 'from' && argument !== '' && isValidStepId(argument)) {
    return { kind: 'from', step: argument };
  }
  if (word === 'only' && argument !== '') {
    const steps = [...new Set(argument.split(',').map((step) => step.trim()))];
    if (steps.every(isValidStepId)) return { kind: 'only', steps };
  }
  const trimmed = text.trim();
  const shown =
    trimmed === ''
      ? 'an empty retry mode'
      : `"${trimmed.length > 80 ? `${trimmed.slice(0, 80)}…` : trimmed}"`;
  throw new PlanError(`${shown} is not a retry mode; use one of: ${RETRY_MODE_FORMS}`);
}
