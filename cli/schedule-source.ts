import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ScheduleError, UserError } from '../src/core/errors.js';
import type { Schedule } from '../src/core/model.js';
import { parseCommandList, parseScheduleFile } from '../src/core/schedule/command-list.js';

/** Where the schedule comes from, as the command line says. */
export interface ScheduleOptions {
  readonly schedule?: string;
  readonly command?: readonly string[];
  readonly name?: string;
}

/** Schedule files picked up from the working directory when no flag names one. */
export const DEFAULT_SCHEDULE_FILES = ['gh-retry.yml', 'gh-retry.yaml'] as const;

/**
 * Read the current schedule from `--schedule FILE`, `--command CMD…` or `gh-retry.yml`.
 * A retry plans from the schedule as it is now: commands are never taken from a run record.
 */
export async function readSchedule(options: ScheduleOptions, cwd: string): Promise<Schedule> {
  const schedule = await readScheduleFrom(options, cwd);
  return options.name === undefined ? schedule : { ...schedule, name: options.name };
}

async function readScheduleFrom(options: ScheduleOptions, cwd: string): Promise<Schedule> {
  if (options.schedule !== undefined && options.command !== undefined) {
    throw new UserError('give either --schedule FILE or --command CMD…, not both');
  }
  if (options.command !== undefined) {
    const schedule = parseCommandList(options.command.join('\n'));
    if (schedule.steps.length === 0)
      throw new ScheduleError('--command was given no command to run');
    return schedule;
  }
  const file =
    options.schedule ?? DEFAULT_SCHEDULE_FILES.find((name) => existsSync(path.join(cwd, name)));
  if (file === undefined) {
    throw new UserError(
      'no schedule: pass --schedule FILE or --command CMD…, or add gh-retry.yml to this folder',
    );
  }
  let text: string;
  try {
    text = await readFile(path.resolve(cwd, file), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ScheduleError(`cannot read the schedule file ${file} (${code})`);
  }
  return parseScheduleFile({ text, fileName: file });
}
