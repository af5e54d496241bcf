import { isMap, isScalar, isSeq, type Pair } from 'yaml';
import type { Schedule } from './step-spec.js';
import { RECORD_LIMITS, safeRelativePath } from '../run-record/schema.js';
import { ScheduleReader, isBoolean, isText } from './yaml-reader.js';
import { buildSchedule, defaultDraft, type StepDraft } from './drafts.js';
import { readInRunSettings } from './in-run-keys.js';
import { STEP_ID_RULE, isValidStepId } from './step-ids.js';

const TOP_KEYS = ['name', 'steps'] as const;
const STEP_KEYS = [
  'run',
  'id',
  'name',
  'setup',
  'continue-on-error',
  'retries',
  'retry-delay',
  'attempt-timeout',
  'retry-on',
  'retry-with',
  'state',
  'fix-aware',
] as const;
const MAX_RETRIES = 10;

type StepKey = (typeof STEP_KEYS)[number];

const isRetries = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_RETRIES;

/**
 * Parse a YAML schedule file: `name` (optional) and `steps`, each a command or a map with `run`,
 * `id`, `name`, `setup`, `continue-on-error`, `retries` (with `retry-delay`, `attempt-timeout`,
 * `retry-on`), `retry-with`, `state` and `fix-aware`. Every problem is a ScheduleError naming the
 * file, the line and what is allowed.
 */
export function parseScheduleFile(params: { text: string; fileName: string }): Schedule {
  const reader = new ScheduleReader(params.fileName);
  const root = reader.parse(params.text);
  if (!isMap(root)) {
    throw reader.fail(
      reader.lineOf(root),
      'a schedule is a map with "steps" (a list of commands) and an optional "name"',
    );
  }
  const top = reader.pairs(root, TOP_KEYS, 'at the top level');
  const namePair = top.get('name');
  const name =
    namePair === undefined
      ? defaultName(params.fileName)
      : reader.scalar(namePair, isText, '"name" must be a non-empty string').trim();
  const stepsPair = top.get('steps');
  if (stepsPair === undefined) {
    throw reader.fail(1, 'no "steps"; a schedule lists its commands under "steps"');
  }
  const steps = stepsPair.value;
  if (!isSeq(steps) || steps.items.length === 0) {
    throw reader.fail(
      reader.lineOf(steps ?? stepsPair.key),
      '"steps" must be a non-empty list of commands',
    );
  }
  if (steps.items.length > RECORD_LIMITS.maxSteps) {
    throw reader.fail(
      reader.lineOf(steps),
      `"steps" has ${steps.items.length} steps; at most ${RECORD_LIMITS.maxSteps} are allowed`,
    );
  }
  const drafts = steps.items.map((item, index) => readStep(reader, item, index + 1));
  checkUniqueIds(reader, drafts, steps.items);
  return buildSchedule(name, drafts);
}

/** A schedule file without `name` is named after the file (`nightly.yml` → `nightly`). */
function defaultName(fileName: string): string {
  const base = fileName.slice(fileName.lastIndexOf('/') + 1).replace(/\.ya?ml$/i, '');
  return base === '' ? 'schedule' : base;
}

function readStep(reader: ScheduleReader, item: unknown, number: number): StepDraft {
  const where = `in step ${number}`;
  if (isScalar(item) && isText(item.value)) {
    return defaultDraft(readCommand(reader, item, item.value, `step ${number}`));
  }
  if (!isMap(item)) {
    throw reader.fail(
      reader.lineOf(item),
      `step ${number} must be a command (a string) or a map with "run"`,
    );
  }
  const options = new StepOptions(reader, reader.pairs(item, STEP_KEYS, where), where);
  const command = options.command('run');
  if (command === null) {
    throw reader.fail(
      reader.lineOf(item),
      `step ${number} has no "run"; every step needs the command to run (allowed keys: ${STEP_KEYS.join(', ')})`,
    );
  }
  const retries = options.retries() ?? 0;
  const draft: StepDraft = {
    command,
    id: options.id(),
    name: options.text('name'),
    setup: options.boolean('setup'),
    continueOnError: options.boolean('continue-on-error') ?? false,
    retries,
    retryWith: options.command('retry-with'),
    state: options.state() ?? [],
    fixAware: options.boolean('fix-aware') ?? true,
    inRun: readInRunSettings({ reader, pairs: options.pairs, where, retries }),
  };
  if (draft.state.length > 0 && draft.retryWith === null) {
    throw reader.fail(
      options.line('state'),
      `"state" ${where} is only used by "retry-with"; add "retry-with" or remove "state"`,
    );
  }
  return draft;
}

/** The keys of one step map, each read with its type check; null when the key is absent. */
class StepOptions {
  constructor(
    private readonly reader: ScheduleReader,
    readonly pairs: ReadonlyMap<string, Pair>,
    private readonly where: string,
  ) {}

  line(key: StepKey): number {
    return this.reader.lineOf(this.pairs.get(key)?.key);
  }

  text(key: StepKey): string | null {
    const pair = this.pairs.get(key);
    if (pair === undefined) return null;
    return this.reader
      .scalar(pair, isText, `"${key}" ${this.where} must be a non-empty string`)
      .trim();
  }

  command(key: 'run' | 'retry-with'): string | null {
    const pair = this.pairs.get(key);
    if (pair === undefined) return null;
    const what = key === 'run' ? 'the command' : 'a command';
    const text = this.reader.scalar(
      pair,
      isText,
      `"${key}" ${this.where} must be a non-empty string (${what})`,
    );
    return readCommand(this.reader, pair.value, text, `"${key}" ${this.where}`);
  }

  boolean(key: StepKey): boolean | null {
    const pair = this.pairs.get(key);
    if (pair === undefined) return null;
    return this.reader.scalar(pair, isBoolean, `"${key}" ${this.where} must be true or false`);
  }

  retries(): number | null {
    const pair = this.pairs.get('retries');
    if (pair === undefined) return null;
    const expected = `"retries" ${this.where} must be a whole number from 0 to ${MAX_RETRIES}`;
    return this.reader.scalar(pair, isRetries, expected);
  }

  id(): string | null {
    const pair = this.pairs.get('id');
    if (pair === undefined) return null;
    const value = isScalar(pair.value) ? pair.value.value : undefined;
    if (typeof value === 'string' && isValidStepId(value)) return value;
    const shown = typeof value === 'string' ? `"${value}"` : String(value);
    throw this.reader.fail(
      this.reader.lineOf(pair.value ?? pair.key),
      `invalid id ${shown} ${this.where}; ${STEP_ID_RULE}`,
    );
  }

  state(): string[] | null {
    const pair = this.pairs.get('state');
    if (pair === undefined) return null;
    const { reader, where } = this;
    const list = pair.value;
    const expected = `"state" ${where} must be a list of relative paths`;
    if (!isSeq(list)) throw reader.fail(reader.lineOf(list ?? pair.key), expected);
    if (list.items.length > RECORD_LIMITS.maxStateFilesPerStep) {
      throw reader.fail(
        reader.lineOf(list),
        `"state" ${where} lists ${list.items.length} paths; at most ${RECORD_LIMITS.maxStateFilesPerStep} are allowed`,
      );
    }
    return list.items.map((item) => {
      const value = isScalar(item) ? item.value : undefined;
      if (typeof value !== 'string') throw reader.fail(reader.lineOf(item), expected);
      if (!safeRelativePath.safeParse(value).success) {
        throw reader.fail(
          reader.lineOf(item),
          `"state" path "${value}" ${where} must be relative to the working directory, without "..", "." or empty segments`,
        );
      }
      return value;
    });
  }
}

function readCommand(reader: ScheduleReader, node: unknown, text: string, what: string): string {
  const command = text.trim();
  if (command.length > RECORD_LIMITS.maxStringLength) {
    throw reader.fail(
      reader.lineOf(node),
      `${what} has ${command.length} characters; at most ${RECORD_LIMITS.maxStringLength} are allowed (move it into a script)`,
    );
  }
  return command;
}

function checkUniqueIds(
  reader: ScheduleReader,
  drafts: readonly StepDraft[],
  items: readonly unknown[],
): void {
  const seen = new Map<string, number>();
  for (const [index, draft] of drafts.entries()) {
    if (draft.id === null) continue;
    const first = seen.get(draft.id);
    if (first !== undefined) {
      throw reader.fail(
        reader.lineOf(items[index]),
        `duplicate id "${draft.id}" in step ${index + 1} (also step ${first}); step ids must be unique`,
      );
    }
    seen.set(draft.id, index + 1);
  }
}
