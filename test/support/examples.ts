import { expect, it } from 'vitest';

/**
 * A table-driven test of a pure function: one test a row, passing when `fn(input)` deep-equals
 * the row's expected value; named after the row when it is short, else after its position.
 */
export function examples<I, O>(fn: (input: I) => O, rows: readonly (readonly [I, O])[]): void {
  for (const [index, [input, expected]] of rows.entries()) {
    it(rowTitle(index, input, expected), () => {
      expect(fn(input)).toEqual(expected);
    });
  }
}

function rowTitle(index: number, input: unknown, expected: unknown): string {
  const title = `${show(input)} → ${show(expected)}`;
  return title.length <= 100 ? title : `row ${String(index + 1)}`;
}

function show(value: unknown): string {
  // undefined for undefined and functions, whatever the declared type says
  const json = JSON.stringify(value) as string | undefined;
  return json ?? 'undefined';
}
