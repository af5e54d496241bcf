// @ts-check
// Click-style command-line parsing with the options dbt-core 1.8+ declares for each command.
import { parse as parseYaml } from 'yaml';
import { COMMAND_OPTIONS, GLOBAL_OPTIONS, NOT_EMULATED, optionsOf } from './cli-options.mjs';
import { UsageError } from './errors.mjs';

/**
 * @typedef {import('./cli-options.mjs').OptionSpec} OptionSpec
 * @typedef {import('./cli-options.mjs').CommandName} CommandName
 */

/**
 * @typedef {object} Invocation
 * @property {CommandName | 'version' | 'help' | 'not-emulated'} command
 * @property {string} [requested] the command name as typed, for 'not-emulated' and 'help'
 * @property {Record<string, unknown>} params values given on the command line or by env vars
 * @property {Set<string>} fromCommandLine keys whose value came from the command line
 * @property {string} [givenTwice] a key given both before and after the sub-command (dbt's
 *   Flags() raises DbtUsageException for it: exit 2)
 */

/**
 * Parses dbt's argv (without "dbt") the way click does.
 * @param {string[]} argv
 * @param {Record<string, string | undefined>} env
 * @returns {Invocation}
 */
export function parseCommandLine(argv, env) {
  /** @type {Record<string, unknown>} */
  const params = {};
  const fromCommandLine = new Set();
  let i = 0;
  // Options before the sub-command belong to the `dbt` group.
  for (; i < argv.length; i++) {
    const token = /** @type {string} */ (argv[i]);
    if (token === '--version') return { command: 'version', params, fromCommandLine };
    if (token === '-h' || token === '--help') return { command: 'help', params, fromCommandLine };
    if (!token.startsWith('-') || token === '-') break;
    i = consumeOption({
      argv,
      i,
      specs: GLOBAL_OPTIONS,
      params,
      fromCommandLine,
      commandPath: 'dbt',
    });
  }
  const name = argv[i];
  if (name === undefined) return { command: 'help', params, fromCommandLine };
  if (NOT_EMULATED.includes(name))
    return { command: 'not-emulated', requested: name, params, fromCommandLine };
  if (!Object.hasOwn(COMMAND_OPTIONS, name))
    throw new UsageError(`No such command '${name}'.`, 'dbt');
  const command = /** @type {CommandName} */ (name);
  const specs = optionsOf(command);
  const beforeCommand = new Set(fromCommandLine);
  /** @type {string | undefined} */
  let givenTwice;
  const commandPath = `dbt ${command}`;
  for (i += 1; i < argv.length; i++) {
    const token = /** @type {string} */ (argv[i]);
    if (token === '-h' || token === '--help')
      return { command: 'help', requested: command, params, fromCommandLine };
    if (!token.startsWith('-') || token === '-') {
      throw new UsageError(
        `Got unexpected extra argument (${argv.slice(i).join(' ')})`,
        commandPath,
      );
    }
    const after = new Set();
    i = consumeOption({ argv, i, specs, params, fromCommandLine: after, commandPath });
    for (const key of after) {
      if (beforeCommand.has(key)) givenTwice ??= key;
      fromCommandLine.add(key);
    }
  }
  applyEnvironment(specs, params, env, commandPath);
  return { command, params, fromCommandLine, ...(givenTwice ? { givenTwice } : {}) };
}

/**
 * @param {{ argv: string[], i: number, specs: OptionSpec[], params: Record<string, unknown>,
 *   fromCommandLine: Set<string>, commandPath: string }} state
 * @returns {number} the index of the last token consumed
 */
function consumeOption({ argv, i, specs, params, fromCommandLine, commandPath }) {
  const token = /** @type {string} */ (argv[i]);
  const eq = token.startsWith('--') ? token.indexOf('=') : -1;
  const name = eq === -1 ? token : token.slice(0, eq);
  const inline = eq === -1 ? undefined : token.slice(eq + 1);
  const spec = specs.find((s) => s.names.includes(name) || s.negations?.includes(name));
  if (!spec) throw new UsageError(noSuchOption(name, specs), commandPath);
  fromCommandLine.add(spec.key);
  if (spec.type === 'flag') {
    if (inline !== undefined)
      throw new UsageError(`Option '${name}' does not take a value.`, commandPath);
    params[spec.key] = !spec.negations?.includes(name);
    return i;
  }
  if (spec.type === 'multi') {
    const values = inline !== undefined ? [inline] : [];
    let j = i + 1;
    for (; inline === undefined && j < argv.length && !String(argv[j]).startsWith('-'); j++) {
      values.push(String(argv[j]));
    }
    if (values.length === 0)
      throw new UsageError(`Option '${name}' requires an argument.`, commandPath);
    // dbt splits each value on whitespace: `--select "a b"` selects a and b.
    const words = values.flatMap((v) => v.split(/\s+/).filter(Boolean));
    params[spec.key] = [.../** @type {string[]} */ (params[spec.key] ?? []), ...words];
    return inline !== undefined ? i : j - 1;
  }
  const value = inline ?? argv[i + 1];
  if (value === undefined)
    throw new UsageError(`Option '${name}' requires an argument.`, commandPath);
  const converted = convertValue(spec, name, value, commandPath);
  params[spec.key] =
    spec.type === 'append'
      ? [.../** @type {unknown[]} */ (params[spec.key] ?? []), converted]
      : converted;
  return inline !== undefined ? i : i + 1;
}

/**
 * @param {OptionSpec} spec
 * @param {string} name
 * @param {string} value
 * @param {string} commandPath
 */
function convertValue(spec, name, value, commandPath) {
  if (spec.type === 'int') {
    if (!/^[+-]?\d+$/.test(value.trim())) {
      throw new UsageError(
        `Invalid value for '${name}': '${value}' is not a valid integer.`,
        commandPath,
      );
    }
    return Number.parseInt(value, 10);
  }
  if (spec.type === 'yaml') return parseYamlDict(name, value, commandPath);
  return value;
}

/**
 * @param {string} name
 * @param {string} value
 * @param {string} commandPath
 */
function parseYamlDict(name, value, commandPath) {
  let parsed;
  try {
    parsed = parseYaml(value);
  } catch {
    throw new UsageError(
      `Invalid value for '${name}': String '${value}' is not valid YAML`,
      commandPath,
    );
  }
  if (parsed === null || parsed === undefined) return {};
  if (typeof parsed !== 'object' || Array.isArray(parsed)) {
    throw new UsageError(
      `Invalid value for '${name}': The ${name} argument must be a YAML dictionary, but was of type '${pythonTypeName(parsed)}'`,
      commandPath,
    );
  }
  return parsed;
}

/** @param {unknown} value */
function pythonTypeName(value) {
  if (Array.isArray(value)) return 'list';
  if (typeof value === 'string') return 'str';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'boolean') return 'bool';
  return typeof value;
}

/**
 * Values not given on the command line come from the option's environment variable, as in click.
 * @param {OptionSpec[]} specs
 * @param {Record<string, unknown>} params
 * @param {Record<string, string | undefined>} env
 * @param {string} commandPath
 */
function applyEnvironment(specs, params, env, commandPath) {
  for (const spec of specs) {
    if (!spec.env || params[spec.key] !== undefined) continue;
    const raw = env[spec.env];
    if (raw === undefined || raw === '') continue;
    if (spec.type === 'flag')
      params[spec.key] = ['1', 'true', 't', 'yes', 'y', 'on'].includes(raw.toLowerCase());
    else params[spec.key] = convertValue(spec, spec.env, raw, commandPath);
  }
}

/**
 * click's "No such option" message, with its difflib-based suggestion.
 * @param {string} name
 * @param {OptionSpec[]} specs
 */
function noSuchOption(name, specs) {
  const candidates = specs
    .flatMap((s) => [...s.names, ...(s.negations ?? [])])
    .filter((n) => n.startsWith('--'));
  const close = candidates
    .map((c) => ({ c, score: similarity(name, c) }))
    .filter((x) => x.score >= 0.6)
    .sort((a, b) => b.score - a.score)
    .slice(0, 3)
    .map((x) => x.c);
  if (close.length === 0) return `No such option: ${name}`;
  return close.length === 1
    ? `No such option: ${name} Did you mean ${close[0]}?`
    : `No such option: ${name} (Possible options: ${close.join(', ')})`;
}

/**
 * Ratcliff/Obershelp similarity, as Python's difflib.SequenceMatcher.ratio().
 * @param {string} a
 * @param {string} b
 */
function similarity(a, b) {
  /** @type {(a: string, b: string) => number} */
  const matches = (x, y) => {
    let best = { i: 0, j: 0, size: 0 };
    for (let i = 0; i < x.length; i++) {
      for (let j = 0; j < y.length; j++) {
        let k = 0;
        while (i + k < x.length && j + k < y.length && x[i + k] === y[j + k]) k++;
        if (k > best.size) best = { i, j, size: k };
      }
    }
    if (best.size === 0) return 0;
    return (
      best.size +
      matches(x.slice(0, best.i), y.slice(0, best.j)) +
      matches(x.slice(best.i + best.size), y.slice(best.j + best.size))
    );
  };
  return (2 * matches(a, b)) / (a.length + b.length);
}

/**
 * Help text: the command's options, one a line.
 * @param {string | undefined} command
 */
export function renderHelp(command) {
  if (!command || !Object.hasOwn(COMMAND_OPTIONS, command)) {
    return [
      'Usage: dbt [OPTIONS] COMMAND [ARGS]...',
      '',
      '  An ELT tool for managing your SQL transformations and data models (simulated by the',
      '  gh-retry dbt emulator).',
      '',
      'Commands:',
      ...Object.keys(COMMAND_OPTIONS).map((c) => `  ${c}`),
      '',
    ].join('\n');
  }
  const specs = COMMAND_OPTIONS[/** @type {CommandName} */ (command)];
  return [
    `Usage: dbt ${command} [OPTIONS]`,
    '',
    'Options:',
    ...[...specs, ...GLOBAL_OPTIONS].map((s) => `  ${s.names.join(', ')}`),
    '  -h, --help',
    '',
  ].join('\n');
}

/**
 * The parameter names a command accepts (its own options and the global ones).
 * @param {string} command
 * @returns {Set<string>}
 */
export function optionKeys(command) {
  return new Set(optionsOf(command).map((s) => s.key));
}

/**
 * Fills params not yet set from the environment variables of `command`'s options, as click does
 * when dbt rebuilds a command line from a dict (`dbt retry`).
 * @param {string} command
 * @param {Record<string, unknown>} params
 * @param {Record<string, string | undefined>} env
 */
export function applyEnvironmentFor(command, params, env) {
  applyEnvironment(optionsOf(command), params, env, `dbt ${command}`);
}
