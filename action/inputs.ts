import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { UserError } from '../src/core/errors.js';
import { parseRetryMode, RETRY_MODE_FORMS, type RetryMode } from '../src/core/retry/mode.js';
import { RETRY_MODE_INPUT, RETRY_OF_INPUT } from '../src/core/bot/dispatch-trigger.js';
import * as core from '@actions/core';

/** An Action input that cannot be used; the message names the input and what is allowed. */
export class InputError extends UserError {
  override name = 'InputError';
}

/** The Action's inputs, read and validated once (see action.yml for what each one means). */
export interface Inputs {
  /** One command a line; exactly one of `commands` and `schedule` is set. */
  readonly commands: string | null;
  /** Path of a schedule YAML file, relative to the working directory. */
  readonly schedule: string | null;
  readonly name: string | null;
  readonly workingDirectory: string;
  readonly githubToken: string;
  /** A run id or run URL, from the input or the workflow_dispatch event's input of the same name. */
  readonly retryOf: string | null;
  readonly retryMode: RetryMode;
  readonly onRerun: 'from-failure' | 'all';
  /** Days to keep the record artifact; null keeps the repository's default. */
  readonly artifactRetentionDays: number | null;
}

/** The action.yml name of every input; typed so that an input missing here is a compile error. */
export const INPUT_NAMES: Readonly<Record<keyof Inputs, string>> = {
  commands: 'commands',
  schedule: 'schedule',
  name: 'name',
  workingDirectory: 'working-directory',
  githubToken: 'github-token',
  retryOf: RETRY_OF_INPUT,
  retryMode: RETRY_MODE_INPUT,
  onRerun: 'on-rerun',
  artifactRetentionDays: 'artifact-retention-days',
};

/** Raw input text, keyed like {@link Inputs}; empty means not given. */
export type RawInputs = Readonly<Record<keyof Inputs, string>>;

const optional = z
  .string()
  .transform((s) => s.trim())
  .transform((s) => (s === '' ? null : s));

function invalid(key: keyof Inputs, value: string, allowed: string): string {
  return `Invalid input "${INPUT_NAMES[key]}": ${JSON.stringify(value)}; allowed: ${allowed}`;
}

// Any printable text; the artifact name is a slug of it, so it needs a letter or digit.
const isName = (s: string) =>
  s.length <= 100 && !Array.from(s).some((c) => c < ' ' || c === '\u007f') && /[A-Za-z0-9]/.test(s);

const inputsSchema = z.object({
  commands: z.string().transform((s) => (s.trim() === '' ? null : s)),
  schedule: optional,
  name: optional.refine((s) => s === null || isName(s), {
    message: 'up to 100 printable characters with at least one letter or digit',
  }),
  workingDirectory: optional.transform((s) => s ?? '.'),
  githubToken: z.string().trim(),
  retryOf: optional,
  retryMode: optional,
  onRerun: optional.transform((s) => s ?? 'from-failure').pipe(z.enum(['from-failure', 'all'])),
  artifactRetentionDays: optional,
});

function parseRetentionDays(value: string | null): number | null {
  if (value === null) return null;
  const days = /^\d{1,3}$/.test(value) ? Number(value) : NaN;
  if (!(days >= 1 && days <= 400)) {
    throw new InputError(
      invalid(
        'artifactRetentionDays',
        value,
        'a whole number of days from 1 to 400, or empty for the repository default',
      ),
    );
  }
  return days;
}

function parseMode(value: string | null): RetryMode {
  if (value === null) return { kind: 'from-failure' };
  try {
    return parseRetryMode(value);
  } catch {
    throw new InputError(invalid('retryMode', value, RETRY_MODE_FORMS));
  }
}

/** Validate raw inputs; `eventInputs` are the workflow_dispatch inputs that stand in for an empty `retry-of` / `retry-mode`. */
export function parseInputs(
  raw: RawInputs,
  eventInputs: Readonly<Record<string, string>> = {},
): Inputs {
  const fromEvent = (name: string) =>
    eventInputs[name] ?? eventInputs[name.replace(/-/g, '_')] ?? '';
  const merged = {
    ...raw,
    retryOf: raw.retryOf.trim() === '' ? fromEvent(RETRY_OF_INPUT) : raw.retryOf,
    retryMode: raw.retryMode.trim() === '' ? fromEvent(RETRY_MODE_INPUT) : raw.retryMode,
  };
  const parsed = inputsSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const key = issue?.path[0] as keyof Inputs;
    const allowed = key === 'onRerun' ? '"from-failure" or "all"' : (issue?.message ?? '');
    throw new InputError(invalid(key, merged[key], allowed));
  }
  const inputs = parsed.data;
  if ((inputs.commands === null) === (inputs.schedule === null)) {
    throw new InputError(
      inputs.commands === null
        ? 'Set the input "commands" (one command a line) or "schedule" (a schedule YAML file)'
        : 'Set only one of the inputs "commands" and "schedule", not both',
    );
  }
  return {
    ...inputs,
    retryMode: parseMode(inputs.retryMode),
    artifactRetentionDays: parseRetentionDays(inputs.artifactRetentionDays),
  };
}

/** The workflow_dispatch event's inputs as strings, or an empty object for other events. */
export function readEventInputs(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  if (env.GITHUB_EVENT_NAME !== 'workflow_dispatch' || env.GITHUB_EVENT_PATH === undefined)
    return {};
  try {
    const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8')) as { inputs?: unknown };
    if (typeof event.inputs !== 'object' || event.inputs === null) return {};
    return Object.fromEntries(
      Object.entries(event.inputs).flatMap(([k, v]) =>
        typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean'
          ? [[k, String(v)]]
          : [],
      ),
    );
  } catch {
    return {};
  }
}

/**
 * Every input's raw text from the `INPUT_*` environment, read once, before anything is validated;
 * the token is masked in logs before anything else happens.
 */
export function readRawInputs(): RawInputs {
  const entries = Object.entries(INPUT_NAMES).map(([key, name]) => [
    key,
    core.getInput(name, { trimWhitespace: key !== 'commands' }),
  ]);
  const raw = Object.fromEntries(entries) as Record<keyof Inputs, string>;
  if (raw.githubToken !== '') core.setSecret(raw.githubToken);
  return raw;
}

/** Validate the Action's inputs (read by {@link readRawInputs} unless given). */
export function readInputs(raw: RawInputs = readRawInputs()): Inputs {
  return parseInputs(raw, readEventInputs());
}
