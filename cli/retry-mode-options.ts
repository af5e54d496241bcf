import { UserError } from '../src/core/errors.js';
import type { RetryMode } from '../src/core/model.js';

/** The mode flags of `retry` and `plan`: none (from failure), `--all`, `--from STEP`, `--only A,B`. */
export interface RetryModeOptions {
  readonly all?: boolean;
  readonly from?: string;
  readonly only?: string;
}

/** The retry mode the flags ask for; more than one mode flag is a usage error. */
export function readRetryMode(options: RetryModeOptions): RetryMode {
  const given = [options.all === true, options.from !== undefined, options.only !== undefined];
  if (given.filter(Boolean).length > 1) {
    throw new UserError('give at most one of --all, --from STEP and --only STEP,…');
  }
  if (options.all === true) return { kind: 'all' };
  if (options.from !== undefined) return { kind: 'from', step: options.from.trim() };
  if (options.only !== undefined) {
    const steps = options.only
      .split(',')
      .map((step) => step.trim())
      .filter((step) => step !== '');
    if (steps.length === 0) throw new UserError('--only needs at least one step id: --only a,b');
    return { kind: 'only', steps };
  }
  return { kind: 'from-failure' };
}
