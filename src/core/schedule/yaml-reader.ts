import { LineCounter, isScalar, parseDocument, type Node, type Pair } from 'yaml';
import { ScheduleError } from '../errors.js';

/** A non-empty string. */
export const isText = (value: unknown): value is string =>
  typeof value === 'string' && value.trim() !== '';

/** A YAML boolean (`true` / `false`; `yes` is a string in YAML 1.2). */
export const isBoolean = (value: unknown): value is boolean => typeof value === 'boolean';

/** Reads one YAML document, turning every problem into a `file:line: message` ScheduleError. */
export class ScheduleReader {
  private readonly lines = new LineCounter();

  constructor(private readonly fileName: string) {}

  /** The document's root node; a syntax error is reported with its line. */
  parse(text: string): unknown {
    const doc = parseDocument(text, { lineCounter: this.lines, uniqueKeys: true });
    const error = doc.errors[0];
    if (error !== undefined) {
      const message = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '');
      throw this.fail(error.linePos?.[0].line ?? 1, `invalid YAML: ${message ?? error.code}`);
    }
    return doc.contents;
  }

  /** The line a node starts on (1 when unknown). */
  lineOf(node: unknown): number {
    const range = (node as Partial<Node> | null | undefined)?.range;
    return range === undefined || range === null ? 1 : this.lines.linePos(range[0]).line;
  }

  /** An error at a line of the file. */
  fail(line: number, message: string): ScheduleError {
    return new ScheduleError(`${this.fileName}:${line}: ${message}`);
  }

  /** The map's pairs keyed by their (string) key; unknown keys are an error naming the allowed ones. */
  pairs(map: { items: Pair[] }, allowed: readonly string[], where: string): Map<string, Pair> {
    const byKey = new Map<string, Pair>();
    for (const pair of map.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '?';
      if (!allowed.includes(key)) {
        throw this.fail(
          this.lineOf(pair.key),
          `unknown key "${key}" ${where}; allowed: ${allowed.join(', ')}`,
        );
      }
      byKey.set(key, pair);
    }
    return byKey;
  }

  /** A scalar of the expected JS type, or an error saying what is allowed. */
  scalar<T>(pair: Pair, check: (value: unknown) => value is T, expected: string): T {
    const value = isScalar(pair.value) ? pair.value.value : undefined;
    if (!check(value)) throw this.fail(this.lineOf(pair.value ?? pair.key), expected);
    return value;
  }
}
