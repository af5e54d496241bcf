// The local store remembers where each run's schedule came from (`schedule-source.json` beside its
// record), so `gh-retry retry RUN` retries the run's own schedule without it being typed again.
// The store is the user's own; the Action never takes commands from a record or an artifact.
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { ScheduleError } from '../src/core/errors.js';
import type { Schedule } from '../src/core/schedule/step-spec.js';
import type { StoredRun } from '../src/ports/execution.js';
import {
  readScheduleFile,
  readScheduleWithSource,
  scheduleOfCommands,
  type ScheduleOptions,
  type ScheduleSource,
} from './schedule-source.js';

const FILE = 'schedule-source.json';

const sourceSchema = z.object({
  schedule: z.discriminatedUnion('kind', [
    z.object({ kind: z.literal('file'), file: z.string().min(1).max(4096) }),
    z.object({
      kind: z.literal('commands'),
      commands: z.array(z.string().max(65_536)).min(1).max(500),
    }),
  ]),
  name: z.string().max(4096),
});

const fileOf = (stateRoot: string) => path.join(path.dirname(stateRoot), FILE);

/** Remember where a new run's schedule came from (next to its record). */
export async function rememberScheduleSource(params: {
  readonly stateRoot: string;
  readonly source: ScheduleSource;
  readonly name: string;
}): Promise<void> {
  const content = { schedule: params.source, name: params.name };
  await writeFile(fileOf(params.stateRoot), `${JSON.stringify(content, null, 2)}\n`);
}

async function recall(run: StoredRun): Promise<z.infer<typeof sourceSchema> | null> {
  const text = await readFile(fileOf(run.stateRoot), 'utf8').catch(() => null);
  if (text === null) return null;
  try {
    const parsed = sourceSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The schedule a retry of `parent` plans from, and one line saying which it is: the schedule the
 * options name (with the steps that matched the run), else the run's own remembered schedule,
 * else (a run from before schedules were remembered) the default schedule file.
 */
export async function scheduleForRetry(params: {
  readonly options: ScheduleOptions;
  readonly cwd: string;
  readonly parent: StoredRun;
}): Promise<{ schedule: Schedule; source: ScheduleSource; said: string }> {
  const { options, cwd, parent } = params;
  const id = parent.record.id;
  const given = options.schedule !== undefined || options.command !== undefined;
  const own = given ? null : await recall(parent);
  if (own === null) {
    const read = await readScheduleWithSource(options, cwd);
    const what = given
      ? `${options.schedule ?? '--command'} (given)`
      : `${read.source.kind === 'file' ? read.source.file : ''} (run ${id} did not record its schedule)`;
    return { ...read, said: `schedule: ${what}; ${describeMatch(read.schedule, parent)}` };
  }
  const { schedule: source } = own;
  if (source.kind === 'commands') {
    const schedule = { ...scheduleOfCommands(source.commands), name: options.name ?? own.name };
    return { schedule, source, said: `schedule: the commands run ${id} was given` };
  }
  const schedule = await readScheduleFile(source.file, source.file).catch((error: unknown) => {
    if (!(error instanceof ScheduleError)) throw error;
    throw new ScheduleError(
      `${error.message}; run ${id} was made from it: restore it, or pass --schedule FILE`,
    );
  });
  const named = options.name === undefined ? schedule : { ...schedule, name: options.name };
  return {
    schedule: named,
    source,
    said: `schedule: ${source.file}, the file run ${id} was made from`,
  };
}

function describeMatch(schedule: Schedule, parent: StoredRun): string {
  const inRun = (id: string, run: string) =>
    parent.record.steps.some((step) => step.id === id && step.command === run);
  const matched = schedule.steps.filter((s) => inRun(s.id, s.run)).map((s) => s.id);
  const unmatched = schedule.steps.filter((s) => !inRun(s.id, s.run)).map((s) => s.id);
  const list = (ids: string[]) => (ids.length === 0 ? 'none' : ids.join(', '));
  return `steps matched with run ${parent.record.id}: ${list(matched)}; new or changed: ${list(unmatched)}`;
}
