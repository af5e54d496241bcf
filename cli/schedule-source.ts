import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ScheduleError, UserError } from '../src/core/errors.js';
import type { Schedule } from '../src/core/schedule/step-spec.js';
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
  return (await readScheduleWithSource(options, cwd)).schedule;
}

/** Where a schedule came from: a file (its absolute path) or commands given on the command line. */
export type ScheduleSource =
  | { readonly kind: 'file'; readonly file: string }
  | { readonly kind: 'commands'; readonly commands: readonly string[] };

/** The schedule the options name, and where it came from (remembered with each run). */
export async function readScheduleWithSource(
  options: ScheduleOptions,
  cwd: string,
): Promise<{ schedule: Schedule; source: ScheduleSource }> {
  const { schedule, source } = await readScheduleFrom(options, cwd);
  const named = options.name === undefined ? schedule : { ...schedule, name: options.name };
  return { schedule: named, source };
}

/** The schedule of a list of commands, each one step. */
export function scheduleOfCommands(commands: readonly string[]): Schedule {
  const schedule = parseCommandList(commands.join('\n'));
  if (schedule.steps.length === 0) throw new ScheduleError('--command was given no command to run');
  return schedule;
}

async function readScheduleFrom(
  options: ScheduleOptions,
  cwd: string,
): Promise<{ schedule: Schedule; source: ScheduleSource }> {
  if (options.schedule !== undefined && options.command !== undefined) {
    throw new UserError('give either --schedule FILE or --command CMD…, not both');
  }
  if (options.command !== undefined) {
    const commands = [...options.command];
    return { schedule: scheduleOfCommands(commands), source: { kind: 'commands', commands } };
  }
  const file =
    options.schedule ?? DEFAULT_SCHEDULE_FILES.find((name) => existsSync(path.join(cwd, name)));
  if (file === undefined) {
    throw new UserError(
      'no schedule: pass --schedule FILE or --command CMD…, or add gh-retry.yml to this folder',
    );
  }
  const absolute = path.resolve(cwd, file);
  return {
    schedule: await readScheduleFile(absolute, file),
    source: { kind: 'file', file: absolute },
  };
}

/** Read and parse a schedule file; `shown` is how messages name it. */
export async function readScheduleFile(file: string, shown: string): Promise<Schedule> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new ScheduleError(`cannot read the schedule file ${shown} (${code})`);
  }
  return parseScheduleFile({ text, fileName: shown });
}
