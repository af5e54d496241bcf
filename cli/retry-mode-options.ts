import { UserError } from '../src/core/errors.js';
import { MAX_ONLY_STEPS, readStepList, type RetryMode } from '../src/core/retry/mode.js';
import { STEP_ID_RULE, isValidStepId } from '../src/core/schedule/step-ids.js';

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
  if (options.from !== undefined) return { kind: 'from', step: readStep(options.from.trim()) };
  if (options.only !== undefined) return { kind: 'only', steps: readOnly(options.only) };
  return { kind: 'from-failure' };
}

function readStep(step: string): string {
  if (step === '') throw new UserError('--from needs a step id: --from dbt-run');
  if (!isValidStepId(step))
    throw new UserError(`--from: "${step}" is not a step id; ${STEP_ID_RULE}`);
  return step;
}

/** `--only` follows the one `only` rule of the retry-mode grammar (src/core/retry/mode.ts). */
function readOnly(text: string): string[] {
  const list = readStepList(text);
  if (list.ok) return list.steps;
  switch (list.problem.kind) {
    case 'no-steps':
      throw new UserError('--only needs at least one step id: --only a,b');
    case 'empty-item':
      throw new UserError(
        `--only "${text}" has an empty step id: separate step ids with single commas`,
      );
    case 'too-many':
      throw new UserError(`--only accepts at most ${MAX_ONLY_STEPS} step ids`);
    case 'bad-id':
      throw new UserError(`--only: "${list.problem.id}" is not a step id; ${STEP_ID_RULE}`);
  }
}
