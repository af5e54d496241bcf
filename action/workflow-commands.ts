import { randomUUID } from 'node:crypto';
import { accessSync, appendFileSync, constants, existsSync } from 'node:fs';
import { EOL } from 'node:os';

/*
 * The runner's side of an Action: inputs from `INPUT_*`, log lines and workflow commands on
 * stdout, outputs, state and the job summary in the files the runner names. It says exactly what
 * `@actions/core` says for the same calls; that package is not loaded here because its entry point
 * also loads an HTTP client (for OIDC tokens) that costs the Action about 50 ms at every start.
 */

/** The text of input `name` (`INPUT_<NAME>`), trimmed unless `trimWhitespace` is false; empty when not given. */
export function getInput(name: string, options: { trimWhitespace?: boolean } = {}): string {
  const value = process.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '';
  return options.trimWhitespace === false ? value : value.trim();
}

/** A log line. */
export function info(message: string): void {
  process.stdout.write(`${message}${EOL}`);
}

/** A warning annotation. */
export function warning(message: string): void {
  issueCommand('warning', message);
}

/** An error annotation. */
export function error(message: string): void {
  issueCommand('error', message);
}

/** An error annotation, and the step fails. */
export function setFailed(message: string): void {
  process.exitCode = 1;
  error(message);
}

/** Mask `secret` in every later log line. */
export function setSecret(secret: string): void {
  issueCommand('add-mask', secret);
}

/** Begin a collapsible group of log lines. */
export function startGroup(name: string): void {
  issueCommand('group', name);
}

/** End the current group. */
export function endGroup(): void {
  issueCommand('endgroup', '');
}

/** Run `fn` with its log lines in a group. */
export async function group<T>(name: string, fn: () => Promise<T>): Promise<T> {
  startGroup(name);
  try {
    return await fn();
  } finally {
    endGroup();
  }
}

/** Set the step output `name`. */
export function setOutput(name: string, value: string): void {
  issueFileCommand('OUTPUT', name, value);
}

/** Hand `value` to the post step, which reads it as `STATE_<name>` (see record-state.ts). */
export function saveState(name: string, value: string): void {
  issueFileCommand('STATE', name, value);
}

/** Append Markdown to the job summary, when the runner gives one (`GITHUB_STEP_SUMMARY`). */
export function appendJobSummary(markdown: string): void {
  const file = process.env.GITHUB_STEP_SUMMARY ?? '';
  if (file === '') return;
  try {
    accessSync(file, constants.R_OK | constants.W_OK);
  } catch {
    throw new Error(
      `Unable to access summary file: '${file}'. Check if the file has correct read/write permissions.`,
    );
  }
  appendFileSync(file, `${markdown}${EOL}`, 'utf8');
}

/** `::command name=…::message`, escaped as the runner reads it. */
function issueCommand(command: string, message: string, name?: string): void {
  const escape = (text: string) =>
    text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const property =
    name === undefined ? '' : ` name=${escape(name).replace(/:/g, '%3A').replace(/,/g, '%2C')}`;
  process.stdout.write(`::${command}${property}::${escape(message)}${EOL}`);
}

/** `name<<DELIMITER`, the value, `DELIMITER`, appended to the runner's `GITHUB_<command>` file. */
function issueFileCommand(command: 'OUTPUT' | 'STATE', name: string, value: string): void {
  const file = process.env[`GITHUB_${command}`] ?? '';
  if (file === '') {
    // Runners older than the file commands read the value from the log.
    if (command === 'OUTPUT') process.stdout.write(EOL);
    issueCommand(command === 'OUTPUT' ? 'set-output' : 'save-state', value, name);
    return;
  }
  if (!existsSync(file)) throw new Error(`Missing file at path: ${file}`);
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`Unexpected input: the name or value contains the delimiter "${delimiter}"`);
  }
  appendFileSync(file, `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`, 'utf8');
}
