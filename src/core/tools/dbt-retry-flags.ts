// The flags of a `dbt retry` built from a step: those dbt reads from the retry's command line
// after `retry`, and those it takes from the retry rather than the parent, before `retry`.
import type { DbtCommand } from './dbt-command.js';

/** Flags `dbt retry` takes from its own command line, so they are copied from the step. */
const RETRY_FLAGS = ['--project-dir', '--profiles-dir', '--target-path', '--vars', '--threads'];

/**
 * Flags dbt takes from the retry's own invocation, not the parent's (retry.py IGNORE_PARENT_FLAGS,
 * and logging), written after the subcommand in the step: they go before `retry`, where every
 * dbt 1.8+ accepts them. Value flags map to true, switches to false.
 */
const BEFORE_RETRY_FLAGS = new Map<string, boolean>([
  ['--warn-error', false],
  ['--warn-error-options', true],
  ['--defer-state', true],
  ['--log-path', true],
  ['--log-format', true],
  ['--log-level', true],
  ['--debug', false],
  ['--quiet', false],
  ['-q', false],
]);

/** `--flag value` / `--flag=value` words of the retry flags, copied as written. */
export function copyRetryFlags(args: readonly string[]): string[] {
  const copied: string[] = [];
  for (const [index, word] of args.entries()) {
    const next = args[index + 1];
    if (RETRY_FLAGS.includes(word) && next !== undefined) copied.push(word, next);
    else if (RETRY_FLAGS.some((flag) => word.startsWith(`${flag}=`))) copied.push(word);
  }
  return copied;
}

/** The name of a flag word (`--log-path=x` → `--log-path`). */
const flagName = (word: string): string => word.split('=', 1)[0] ?? word;

/**
 * The words before `retry`: the step's global flags without `--state` (dbt replays the parent's
 * state, and a second `--state` is a usage error), then the flags dbt takes from the retry that the
 * step wrote after its subcommand, unless already given before it (duplicates are usage errors).
 */
export function flagsBeforeRetry(dbt: DbtCommand): string[] {
  const words: string[] = [];
  const global = dbt.globalFlags;
  for (let at = 0; at < global.length; at += 1) {
    const word = global[at] ?? '';
    if (word === '--state') at += 1;
    else if (!word.startsWith('--state=')) words.push(word);
  }
  const given = new Set(words.map(flagName));
  for (let at = 0; at < dbt.args.length; at += 1) {
    const word = dbt.args[at] ?? '';
    const takesValue = BEFORE_RETRY_FLAGS.get(flagName(word));
    if (takesValue === undefined || given.has(flagName(word))) continue;
    const value = takesValue && !word.includes('=') ? dbt.args[at + 1] : undefined;
    if (takesValue && !word.includes('=') && value === undefined) continue;
    words.push(word, ...(value === undefined ? [] : [value]));
    given.add(flagName(word));
    if (value !== undefined) at += 1;
  }
  return words;
}
