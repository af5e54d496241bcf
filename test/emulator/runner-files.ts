/**
 * The runner's file commands (`GITHUB_OUTPUT`, `GITHUB_STATE`, `GITHUB_ENV`): `name=value` lines
 * and `name<<DELIMITER` heredocs, parsed the way the runner does.
 */

/** A file command file that cannot be parsed; the runner fails the step for it. */
export class FileCommandError extends Error {
  override name = 'FileCommandError';
}

/** Parse the contents of a file command file into name → value (later writes win). */
export function parseFileCommands(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') continue;
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line);
    const equals = line.indexOf('=');
    if (heredoc && (equals === -1 || line.indexOf('<<') < equals)) {
      const [, name = '', delimiter = ''] = heredoc;
      const end = lines.indexOf(delimiter, i + 1);
      if (end === -1) throw new FileCommandError(`Matching delimiter not found '${delimiter}'`);
      values[name] = lines.slice(i + 1, end).join('\n');
      i = end;
    } else if (equals > 0) {
      values[line.slice(0, equals)] = line.slice(equals + 1);
    } else {
      throw new FileCommandError(`Invalid format '${line}'`);
    }
  }
  return values;
}
