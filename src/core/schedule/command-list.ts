import { ScheduleError } from '../errors.js';
import type { Schedule } from './step-spec.js';
import { RECORD_LIMITS } from '../run-record/schema.js';
import { buildSchedule, defaultDraft, type StepDraft } from './drafts.js';

export { isSetupCommand } from './step-ids.js';
export { parseScheduleFile } from './yaml-file.js';

/** The name of a schedule given as a bare command list. */
export const DEFAULT_SCHEDULE_NAME = 'schedule';

/**
 * Parse a command list: one command a line; blank lines and lines starting with `#` are ignored.
 * Step ids are derived from the commands (`dbt-run`, `dbt-run-2`, …).
 */
export function parseCommandList(text: string, params: { name?: string } = {}): Schedule {
  const drafts: StepDraft[] = [];
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const command = raw.trim();
    if (command === '' || command.startsWith('#')) continue;
    if (command.length > RECORD_LIMITS.maxStringLength) {
      throw new ScheduleError(
        `commands line ${index + 1}: the command has ${command.length} characters; at most ${RECORD_LIMITS.maxStringLength} are allowed (move it into a script)`,
      );
    }
    drafts.push(defaultDraft(command));
  }
  if (drafts.length === 0) {
    throw new ScheduleError('the command list is empty; give one command a line');
  }
  if (drafts.length > RECORD_LIMITS.maxSteps) {
    throw new ScheduleError(
      `the command list has ${drafts.length} commands; at most ${RECORD_LIMITS.maxSteps} are allowed`,
    );
  }
  return buildSchedule(params.name ?? DEFAULT_SCHEDULE_NAME, drafts);
}
