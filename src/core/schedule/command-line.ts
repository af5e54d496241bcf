import { parse, type ParseEntry } from 'shell-quote';
import type { Env } from '../env.js';

/**
 * Splitting a command into words to recognise the tool it runs (never to run it: commands always
 * run through a real shell). `$VAR` references stay unexpanded inside words, between VAR marks,
 * so a word can be expanded with an environment or quoted back with its variables intact.
 */
const VAR_MARK = '\u0001';
/** Prefixes an unquoted glob pattern, which must be written back unquoted to stay a glob. */
const GLOB_MARK = '\u0002';

/** The first simple command of a line, with its prefix (assignments, wrappers) taken apart. */
export interface CommandWords {
  /** Words before the program: leading `VAR=value` assignments and wrappers (`npx`, `uv run`, …). */
  readonly prefix: readonly string[];
  /** `VAR=value` assignments that apply to the program (leading ones and `env`'s), values as words. */
  readonly assignments: ReadonlyMap<string, string>;
  /** The program word as written (`dbt`, `.venv/bin/dbt`). */
  readonly program: string;
  /** The program's lower-case base name, `py.test` read as `pytest`. */
  readonly programName: string;
  /** The words after the program. */
  readonly args: readonly string[];
}

/** A command line as far as tool recognition needs it. */
export interface CommandLine {
  /** The first simple command (before any shell operator); null when the line has no words. */
  readonly first: CommandWords | null;
  /** Why the line is more than one simple command (e.g. `uses the shell operator "&&"`), or null. */
  readonly compound: string | null;
  /** The line ends in a `# comment`, so text appended to it would become part of the comment. */
  readonly hasComment: boolean;
}

const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*=/;

/** Split a command into words and take its first simple command apart (pure; runs nothing). */
export function parseCommandLine(command: string): CommandLine {
  let compound: string | null = null;
  if (command.replace(/\\\r?\n/g, '').includes('\n')) compound = 'spans several lines';
  let hasComment = false;
  const words: string[] = [];
  const entries = splitWords(command);
  if (entries === null) {
    // A real shell decides what such a line means (or refuses it); gh-retry reads no tool in it.
    return { first: null, compound: 'cannot be split into words (as in "${")', hasComment };
  }
  for (const entry of entries) {
    if (typeof entry === 'string') {
      if (entry.includes('`') || entry.includes(`${VAR_MARK}${VAR_MARK}`)) {
        compound ??= 'uses command substitution';
      }
      if (compound === null) words.push(entry);
    } else if ('comment' in entry) {
      hasComment = true;
    } else if (entry.op === 'glob') {
      if (compound === null) words.push(GLOB_MARK + entry.pattern);
    } else {
      compound ??= `uses the shell operator "${entry.op}"`;
    }
  }
  return { first: words.length === 0 ? null : splitPrefix(words), compound, hasComment };
}

/** shell-quote's entries for a line, or null when it refuses the line (`${`: "Bad substitution"). */
function splitWords(command: string): ParseEntry[] | null {
  try {
    return parse(command, (key) => `${VAR_MARK}${key}${VAR_MARK}`);
  } catch {
    return null;
  }
}

/** The value of a word once the shell has expanded it with `env` (unset variables are empty). */
export function expandWord(word: string, env: Env): string {
  const parts = word.replace(GLOB_MARK, '').split(VAR_MARK);
  return parts.map((part, index) => (index % 2 === 0 ? part : (env[part] ?? ''))).join('');
}

/** Quote words for a shell, keeping `$VAR` references and glob patterns as they were written. */
export function quoteWords(words: readonly string[]): string {
  return words.map(quoteWord).join(' ');
}

function quoteWord(word: string): string {
  if (word.startsWith(GLOB_MARK)) return word.slice(1);
  // A `NAME=value` word keeps `NAME=` bare: quoted whole, a shell would run it as a command name.
  const name = ASSIGNMENT.exec(word)?.[0] ?? '';
  return name + quoteText(word.slice(name.length));
}

/** Characters a shell takes literally outside quotes. */
const SHELL_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

function quoteText(text: string): string {
  if (text.includes(VAR_MARK)) {
    const body = text
      .split(VAR_MARK)
      .map((part, index) => (index % 2 === 0 ? part.replace(/["\\$`]/g, '\\$&') : `\${${part}}`))
      .join('');
    return `"${body}"`;
  }
  if (SHELL_SAFE.test(text)) return text;
  return `'${text.replace(/'/g, "'\\''")}'`;
}

/** A word that reads as a subcommand (`run`, `ci`, `generate`), not a path, flag or pattern. */
export function isPlainWord(word: string | undefined): word is string {
  return word !== undefined && /^[A-Za-z][A-Za-z0-9_-]*$/.test(word);
}

/** Read a flag's value from words: `--flag value` or `--flag=value`; the last one wins, as with click. */
export function findFlagValue(words: readonly string[], flags: readonly string[]): string | null {
  let value: string | null = null;
  for (const [index, word] of words.entries()) {
    for (const flag of flags) {
      if (word === flag && index + 1 < words.length) value = words[index + 1] ?? null;
      else if (word.startsWith(`${flag}=`)) value = word.slice(flag.length + 1);
    }
  }
  return value;
}

/** The lower-case base name of a program word; `py.test` is pytest's old name. */
function programNameOf(word: string): string {
  const plain = expandWord(word, {});
  const name = plain.slice(plain.lastIndexOf('/') + 1).toLowerCase();
  return name === 'py.test' ? 'pytest' : name;
}

/** Wrapper flags that take the next word as their value. */
const WRAPPER_VALUE_FLAGS = new Set([
  '-p',
  '--package',
  '-u',
  '--unset',
  '--with',
  '--python',
  '--directory',
  '--project',
  '--env-file',
  '--extra',
  '--group',
  '--with-requirements',
  '--index',
]);

/** Python interpreter flags that take the next word as their value (`-X dev`). */
const PYTHON_VALUE_FLAGS = new Set(['-X', '-W']);

/** How many words a wrapper takes (`npx`, `uv run`, `python -m`, `env`) at `words[at]`, or 0. */
function wrapperLength(words: readonly string[], at: number): number {
  const name = programNameOf(words[at] ?? '');
  const next = words[at + 1];
  if (name === 'env' || name === 'npx') return 1 + countFlags(words, at + 1);
  if ((name === 'uv' || name === 'poetry' || name === 'pipenv') && next === 'run') {
    return 2 + countFlags(words, at + 2);
  }
  if (/^python[0-9.]*$/.test(name)) {
    let index = at + 1;
    while (words[index]?.startsWith('-') === true) {
      if (words[index] === '-m') return index + 1 - at;
      index += PYTHON_VALUE_FLAGS.has(words[index] ?? '') ? 2 : 1;
    }
  }
  return 0;
}

/** Leading flags (with their values) of a wrapper, from `words[at]`. */
function countFlags(words: readonly string[], at: number): number {
  let index = at;
  while (words[index]?.startsWith('-') === true) {
    index += WRAPPER_VALUE_FLAGS.has(words[index] ?? '') ? 2 : 1;
  }
  return index - at;
}

function splitPrefix(words: readonly string[]): CommandWords {
  const assignments = new Map<string, string>();
  let at = 0;
  for (;;) {
    const word = words[at];
    if (word !== undefined && ASSIGNMENT.test(word) && at + 1 < words.length) {
      const equals = word.indexOf('=');
      assignments.set(word.slice(0, equals), word.slice(equals + 1));
      at += 1;
      continue;
    }
    const length = wrapperLength(words, at);
    if (length === 0 || at + length >= words.length) break;
    at += length;
  }
  const program = words[at] ?? '';
  return {
    prefix: words.slice(0, at),
    assignments,
    program,
    programName: programNameOf(program),
    args: words.slice(at + 1),
  };
}
