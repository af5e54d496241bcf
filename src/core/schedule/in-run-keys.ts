/**
 * A schedule step's in-run retry settings besides `retries`: `retry-delay`, `attempt-timeout` and
 * `retry-on` (the failure conditions of the bot's retry policies). Every problem names the line.
 */
import { isMap, isScalar, type Node, type Pair } from 'yaml';
import type { RetryDelay } from './step-spec.js';
import { CONDITION_KEYS, conditionsSchema, type RetryConditions } from '../retry/conditions.js';
import { MAX_DELAY_SECONDS, formatSeconds, parseSeconds } from '../retry/duration.js';
import type { ScheduleReader } from './yaml-reader.js';

/** The longest `attempt-timeout`: six hours, GitHub's job limit. */
export const MAX_ATTEMPT_TIMEOUT_SECONDS = 6 * 3600;
/** The largest `factor` of an exponential `retry-delay`. */
export const MAX_DELAY_FACTOR = 10;

const DELAY_KEYS = ['initial', 'factor', 'max'] as const;
const DURATION_FORM = 'seconds or a duration like "30s", "2m"';

/** The in-run settings of one step; each is absent when not written. */
export interface InRunSettings {
  readonly retryDelay?: RetryDelay;
  readonly attemptTimeoutSeconds?: number;
  readonly retryOn?: RetryConditions;
}

/** Read `retry-delay`, `attempt-timeout` and `retry-on` from a step's pairs. */
export function readInRunSettings(params: {
  reader: ScheduleReader;
  pairs: ReadonlyMap<string, Pair>;
  where: string;
  retries: number;
}): InRunSettings {
  const { reader, pairs, where, retries } = params;
  for (const key of ['retry-delay', 'retry-on']) {
    const pair = pairs.get(key);
    if (pair !== undefined && retries === 0) {
      throw reader.fail(
        reader.lineOf(pair.key),
        `"${key}" ${where} is only used with "retries"; add "retries: N" (1–10) or remove "${key}"`,
      );
    }
  }
  const delay = pairs.get('retry-delay');
  const timeout = pairs.get('attempt-timeout');
  const on = pairs.get('retry-on');
  return {
    ...(delay === undefined ? {} : { retryDelay: readDelay(reader, delay, where) }),
    ...(timeout === undefined
      ? {}
      : { attemptTimeoutSeconds: readTimeout(reader, timeout, where) }),
    ...(on === undefined ? {} : { retryOn: readConditions(reader, on, where) }),
  };
}

function readSeconds(
  reader: ScheduleReader,
  node: unknown,
  what: string,
  range: { min: number; max: number },
): number {
  const value = isScalar(node) ? node.value : undefined;
  const seconds =
    typeof value === 'number' || typeof value === 'string' ? parseSeconds(value, range.max) : null;
  if (seconds === null || seconds < range.min) {
    throw reader.fail(
      reader.lineOf(node),
      `${what} must be ${DURATION_FORM}, from ${formatSeconds(range.min)} to ${formatSeconds(range.max)}`,
    );
  }
  return seconds;
}

function readTimeout(reader: ScheduleReader, pair: Pair, where: string): number {
  return readSeconds(reader, pair.value ?? pair.key, `"attempt-timeout" ${where}`, {
    min: 1,
    max: MAX_ATTEMPT_TIMEOUT_SECONDS,
  });
}

/** `retry-delay: 30s` (fixed) or `retry-delay: { initial: 10s, factor: 2, max: 2m }`. */
function readDelay(reader: ScheduleReader, pair: Pair, where: string): RetryDelay {
  const what = `"retry-delay" ${where}`;
  const range = { min: 0, max: MAX_DELAY_SECONDS };
  const node = pair.value;
  if (!isMap(node)) {
    if (!isScalar(node)) {
      throw reader.fail(
        reader.lineOf(node ?? pair.key),
        `${what} must be ${DURATION_FORM}, or a map with initial, factor and max`,
      );
    }
    const seconds = readSeconds(reader, node, what, range);
    return { initialSeconds: seconds, factor: 1, maxSeconds: seconds };
  }
  const keys = reader.pairs(node, DELAY_KEYS, `in ${what}`);
  const initial = keys.get('initial');
  const max = keys.get('max');
  if (initial === undefined || max === undefined) {
    throw reader.fail(
      reader.lineOf(node),
      `${what} needs "initial" and "max" (e.g. { initial: 10s, factor: 2, max: 2m })`,
    );
  }
  const initialSeconds = readSeconds(reader, initial.value, `"initial" of ${what}`, range);
  const maxSeconds = readSeconds(reader, max.value, `"max" of ${what}`, range);
  const factor = readFactor(reader, keys.get('factor'), what);
  if (maxSeconds < initialSeconds) {
    throw reader.fail(
      reader.lineOf(max.value),
      `"max" of ${what} (${formatSeconds(maxSeconds)}) is shorter than "initial" (${formatSeconds(initialSeconds)}); the cap must be at least the first delay`,
    );
  }
  return { initialSeconds, factor, maxSeconds };
}

function readFactor(reader: ScheduleReader, pair: Pair | undefined, what: string): number {
  if (pair === undefined) return 2;
  const value = isScalar(pair.value) ? pair.value.value : undefined;
  if (typeof value !== 'number' || !(value >= 1 && value <= MAX_DELAY_FACTOR)) {
    throw reader.fail(
      reader.lineOf(pair.value ?? pair.key),
      `"factor" of ${what} must be a number from 1 to ${MAX_DELAY_FACTOR}`,
    );
  }
  return value;
}

/** `retry-on`: the conditions mapping of the bot's retry policies, checked by the same schema. */
function readConditions(reader: ScheduleReader, pair: Pair, where: string): RetryConditions {
  const node = pair.value;
  const value: unknown = isMap(node) ? node.toJSON() : isScalar(node) ? node.value : undefined;
  const parsed = conditionsSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const path = issue?.path.filter((k) => typeof k === 'string' || typeof k === 'number') ?? [];
  const at = isMap(node) && path.length > 0 ? (node.getIn(path, true) as Node | undefined) : node;
  const shown = path.length === 0 ? '' : `.${path.map(String).join('.')}`;
  const message = issue?.message ?? 'invalid';
  const hint = message.includes('allowed:') ? '' : ` (retry-on takes ${CONDITION_KEYS.join(', ')})`;
  throw reader.fail(
    reader.lineOf(at ?? node ?? pair.key),
    `"retry-on${shown}" ${where}: ${message}${hint}`,
  );
}
