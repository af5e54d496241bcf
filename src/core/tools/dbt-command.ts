import type { CommandWords } from '../schedule/command-line.js';

/** A dbt invocation taken apart: `dbt [global flags] <subcommand> [args]`. */
export interface DbtCommand {
  /** As users write it: `run`, `docs generate`, `source freshness`. */
  readonly subcommand: string;
  /** As run_results.json records it in `args.which`: `run`, `generate`, `freshness`. */
  readonly which: string;
  /** Flags written before the subcommand (`--debug`, `--log-format json`). */
  readonly globalFlags: readonly string[];
  /** Words after the subcommand. */
  readonly args: readonly string[];
}

/** dbt flags that take the next word as their value (so that word is not the subcommand). */
const VALUE_FLAGS = new Set([
  '--log-format',
  '--log-format-file',
  '--log-level',
  '--log-level-file',
  '--log-path',
  '--log-file-max-bytes',
  '--printer-width',
  '--profiles-dir',
  '--project-dir',
  '--target-path',
  '--state',
  '--defer-state',
  '--target',
  '-t',
  '--profile',
  '--vars',
  '--threads',
  '--warn-error-options',
  '--record-timing-info',
  '--indirect-selection',
  '--partial-parse-file-path',
  '-r',
]);

/** Subcommands with a second word (`dbt docs generate`, `dbt source freshness`). */
const TWO_WORD_SUBCOMMANDS = new Set(['docs', 'source']);

/** Take a dbt invocation apart, or null when the program is not dbt or has no subcommand. */
export function parseDbtCommand(words: CommandWords): DbtCommand | null {
  if (words.programName !== 'dbt') return null;
  const { args } = words;
  let at = 0;
  while (args[at]?.startsWith('-') === true) {
    const flag = args[at] ?? '';
    at += VALUE_FLAGS.has(flag) ? 2 : 1;
  }
  const first = args[at];
  if (first === undefined) return null;
  const second = TWO_WORD_SUBCOMMANDS.has(first) ? args[at + 1] : undefined;
  const end = second === undefined ? at + 1 : at + 2;
  return {
    subcommand: second === undefined ? first : `${first} ${second}`,
    which: second ?? first,
    globalFlags: args.slice(0, at),
    args: args.slice(end),
  };
}
