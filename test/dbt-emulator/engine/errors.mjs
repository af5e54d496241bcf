// @ts-check
// Errors the emulator raises, shaped like dbt-core's so the printed text and exit codes match.

/** A click usage error: printed to stderr in click's format, exit code 2. */
export class UsageError extends Error {
  /**
   * @param {string} message the text after "Error: "
   * @param {string} commandPath "dbt" or "dbt run", used in the usage lines
   */
  constructor(message, commandPath) {
    super(message);
    this.commandPath = commandPath;
  }

  /** @returns {string} the exact text click writes to stderr */
  render() {
    const usage =
      this.commandPath === 'dbt'
        ? 'Usage: dbt [OPTIONS] COMMAND [ARGS]...'
        : `Usage: ${this.commandPath} [OPTIONS]`;
    return `${usage}\nTry '${this.commandPath} -h' for help.\n\nError: ${this.message}\n`;
  }
}

/**
 * A dbt exception (DbtRuntimeError, CompilationError, ...): dbt prints
 * "Encountered an error:" then the rendered error and exits 2.
 */
export class DbtError extends Error {
  /**
   * @param {string | null} kind "Runtime Error", "Compilation Error", "Parsing Error", or null for
   *   errors that are not dbt exceptions (dbt then prints the bare message)
   * @param {string} message
   */
  constructor(kind, message) {
    super(message);
    this.kind = kind;
  }

  /** @returns {string} the text dbt prints after "Encountered an error:" */
  render() {
    if (this.kind === null) return this.message;
    // dbt indents every non-empty message line by two spaces under the error kind.
    const lines = this.message.split('\n').map((line) => (line ? `  ${line}` : line));
    return [this.kind, ...lines].join('\n');
  }
}

/** @param {string} message */
export const runtimeError = (message) => new DbtError('Runtime Error', message);

/** @param {string} message */
export const compilationError = (message) => new DbtError('Compilation Error', message);

/**
 * A problem with the emulator's own inputs (marker file, unsupported feature). Exit 2, with a
 * message that names the emulator so nobody mistakes it for dbt behaviour.
 */
export class EmulatorError extends DbtError {
  /** @param {string} message */
  constructor(message) {
    super(null, `dbt emulator: ${message}`);
  }
}
