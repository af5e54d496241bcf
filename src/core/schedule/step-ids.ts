import { isPlainWord, parseCommandLine } from './command-line.js';
import { parseDbtCommand } from '../tools/dbt-command.js';

/** What a step id may look like (explicit or derived). */
export const STEP_ID_PATTERN = /^[a-z0-9][a-z0-9._-]*$/;

/** The longest step id. */
export const MAX_STEP_ID_LENGTH = 64;

/** The rule for step ids, in words, for error messages. */
export const STEP_ID_RULE =
  'an id is lower-case letters, digits, ".", "_" and "-", starts with a letter or digit, and has at most 64 characters';

/** True when `id` is a valid step id. */
export function isValidStepId(id: string): boolean {
  return id.length <= MAX_STEP_ID_LENGTH && STEP_ID_PATTERN.test(id);
}

/**
 * The readable id a command would get before collisions are resolved: the program and its first
 * plain-word subcommand, past assignments and wrappers (`python -m pytest -q` → `pytest`,
 * `dbt docs generate` → `dbt-docs-generate`, `./scripts/load.sh` → `load-sh`).
 */
export function deriveBaseStepId(command: string): string {
  const words = parseCommandLine(command).first;
  if (words === null) return 'step';
  const dbt = parseDbtCommand(words);
  const subcommand = dbt?.subcommand ?? (isPlainWord(words.args[0]) ? words.args[0] : '');
  const slug = `${words.programName} ${subcommand}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, MAX_STEP_ID_LENGTH - 4)
    .replace(/^-+|-+$/g, '');
  return slug === '' ? 'step' : slug;
}

/**
 * Give every step an id: explicit ids are kept as they are (never renamed); derived ids take
 * `-2`, `-3`, … in schedule order when they collide with an id already taken.
 */
export function assignStepIds(
  steps: readonly { readonly command: string; readonly id: string | null }[],
): string[] {
  const taken = new Set(steps.flatMap((step) => (step.id === null ? [] : [step.id])));
  return steps.map((step) => {
    if (step.id !== null) return step.id;
    const base = deriveBaseStepId(step.command);
    let id = base;
    for (let suffix = 2; taken.has(id); suffix += 1) id = `${base}-${suffix}`;
    taken.add(id);
    return id;
  });
}

/** Subcommands that make a command a setup step, by program (PRODUCT.md §2). */
const SETUP_SUBCOMMANDS: Readonly<Record<string, readonly string[]>> = {
  dbt: ['deps', 'debug', 'parse', 'clean'],
  npm: ['ci', 'install', 'i'],
  pip: ['install'],
  pip3: ['install'],
  uv: ['sync'],
  poetry: ['install'],
  git: ['clone'],
  yarn: ['install'],
  pnpm: ['install', 'i'],
  bundle: ['install'],
  playwright: ['install'],
};

/**
 * True for infrastructure commands that always run and are never skipped or retried:
 * `dbt deps|debug|parse|clean`, `npm ci|install`, `pip install …`, `uv sync`, `poetry install`,
 * `git clone`, `yarn [install]`, `pnpm install`, `bundle install`, `npx playwright install`, also
 * behind wrappers (`python -m pip install`), and `cd DIR && SETUP`. Other compound lines are not.
 */
export function isSetupCommand(command: string): boolean {
  const parts = command.split('&&');
  // `cd DIR && … && SETUP`: a compound line whose last command is setup and whose others only
  // change folder (or are setup too). Quotes make the split unreliable, so they rule it out.
  if (parts.length > 1 && !/['"`\\]/.test(command)) {
    const last = parts.at(-1) ?? '';
    return (
      parts.slice(0, -1).every((part) => isSetupCommand(part) || isCd(part)) && isSetupCommand(last)
    );
  }
  const line = parseCommandLine(command);
  if (line.first === null || line.compound !== null) return false;
  const words = line.first;
  if (words.programName === 'yarn' && words.args.length === 0) return true;
  const subcommand = parseDbtCommand(words)?.subcommand ?? words.args[0];
  if (words.programName === 'uv' && subcommand === 'pip' && words.args[1] === 'install') {
    return true;
  }
  const setup = SETUP_SUBCOMMANDS[words.programName];
  return setup !== undefined && subcommand !== undefined && setup.includes(subcommand);
}

function isCd(command: string): boolean {
  const line = parseCommandLine(command);
  return line.compound === null && line.first?.programName === 'cd';
}
