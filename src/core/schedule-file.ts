import { LineCounter, isMap, isScalar, isSeq, parseDocument, type Node, type Pair } from 'yaml';
import { ScheduleError } from './errors.js';
import type { Schedule } from './model.js';
import { RECORD_LIMITS, safeRelativePath } from './run-record-schema.js';
import { buildSchedule, defaultDraft, type StepDraft } from './schedule-steps.js';
import { STEP_ID_RULE, isValidStepId } from './step-ids.js';

const TOP_KEYS = ['name', 'steps'] as const;
const STEP_KEYS = [
  'run',
  'id',
  'name',
  'setup',
  'continue-on-error',
  'retries',
  'retry-with',
  'state',
] as const;
const MAX_RETRIES = 10;

type StepKey = (typeof STEP_KEYS)[number];

/** Reads one YAML document, turning every problem into a `file:line: message` ScheduleError. */
class ScheduleReader {
  private readonly lines = new LineCounter();

  constructor(private readonly fileName: string) {}

  parse(text: string): unknown {
    const doc = parseDocument(text, { lineCounter: this.lines, uniqueKeys: true });
    const error = doc.errors[0];
    if (error !== undefined) {
      const message = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '');
      throw this.fail(error.linePos?.[0].line ?? 1, `invalid YAML: ${message ?? error.code}`);
    }
    return doc.contents;
  }

  lineOf(node: unknown): number {
    const range = (node as Partial<Node> | null)?.range;
    return range === undefined || range === null ? 1 : this.lines.linePos(range[0]).line;
  }

  fail(line: number, message: string): ScheduleError {
    return new ScheduleError(`${this.fileName}:${line}: ${message}`);
  }

  /** The map's pairs keyed by their (string) key; unknown keys are an error naming the allowed ones. */
  pairs(map: { items: Pair[] }, allowed: readonly string[], where: string): Map<string, Pair> {
    const byKey = new Map<string, Pair>();
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '?';
      if (!allowed.includes(key)) {
        throw this.fail(
          this.lineOf(pair.key),
          `unknown key "${key}" ${where}; allowed: ${allowed.join(', ')}`,
        );
      }
      byKey.set(key, pair);
    }
    return byKey;
  }

  /** A scalar of the expected JS type, or an error saying what is allowed. */
  scalar<T>(pair: Pair, check: (value: unknown) => value is T, expected: string): T {
    const value = isScalar(pair.value) ? pair.value.value : undefined;
    if (!check(value)) throw this.fail(this.lineOf(pair.value ?? pair.key), expected);
    return value;
  }
}

const isText = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '';
const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';
const isRetries = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_RETRIES;

/**
 * Parse a YAML schedule file: `name` (optional) and `steps`, each a command or a map with `run`,
 * `id`, `name`, `setup`, `continue-on-error`, `retries`, `retry-with` and `state`. Every problem is
 * a ScheduleError naming the file, the line and what is allowed.
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
  const pairs = reader.pairs(item, STEP_KEYS, where);
  const get = (key: StepKey): Pair | undefined => pairs.get(key);
  const runPair = get('run');
  if (runPair === undefined) {
    throw reader.fail(
      reader.lineOf(item),
      `step ${number} has no "run"; every step needs the command to run (allowed keys: ${STEP_KEYS.join(', ')})`,
    );
  }
  const run = reader.scalar(
    runPair,
    isText,
    `"run" ${where} must be a non-empty string (the command)`,
  );
  const optional = <T>(key: StepKey, read: (pair: Pair) => T): T | null => {
    const pair = get(key);
    return pair === undefined ? null : read(pair);
  };
  const id = optional('id', (pair) => readId(reader, pair, where));
  const retryWith = optional('retry-with', (pair) =>
    readCommand(
      reader,
      pair.value,
      reader.scalar(pair, isText, `"retry-with" ${where} must be a non-empty string (a command)`),
      `"retry-with" ${where}`,
    ),
  );
  const state = optional('state', (pair) => readState(reader, pair, where)) ?? [];
  if (state.length > 0 && retryWith === null) {
    throw reader.fail(
      reader.lineOf(get('state')?.key),
      `"state" ${where} is only used by "retry-with"; add "retry-with" or remove "state"`,
    );
  }
  return {
    command: readCommand(reader, runPair.value, run, `"run" ${where}`),
    id,
    name: optional('name', (pair) =>
      reader.scalar(pair, isText, `"name" ${where} must be a non-empty string`).trim(),
    ),
    setup: optional('setup', (pair) =>
      reader.scalar(pair, isBoolean, `"setup" ${where} must be true or false`),
    ),
    continueOnError:
      optional('continue-on-error', (pair) =>
        reader.scalar(pair, isBoolean, `"continue-on-error" ${where} must be true or false`),
      ) ?? false,
    retries:
      optional('retries', (pair) =>
        reader.scalar(
          pair,
          isRetries,
          `"retries" ${where} must be a whole number from 0 to ${MAX_RETRIES}`,
        ),
      ) ?? 0,
    retryWith,
    state,
  };
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

function readId(reader: ScheduleReader, pair: Pair, where: string): string {
  const value = isScalar(pair.value) ? pair.value.value : undefined;
  const shown = typeof value === 'string' ? `"${value}"` : String(value);
  if (typeof value !== 'string' || !isValidStepId(value)) {
    throw reader.fail(
      reader.lineOf(pair.value ?? pair.key),
      `invalid id ${shown} ${where}; ${STEP_ID_RULE}`,
    );
  }
  return value;
}

function readState(reader: ScheduleReader, pair: Pair, where: string): string[] {
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
