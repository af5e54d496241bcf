/** Condition patterns of `.github/gh-retry.yml` (`output-patterns`, `dbt-errors`), compiled safely. */

/** Longest pattern in `output-patterns` / `dbt-errors`. */
export const MAX_PATTERN_LENGTH = 200;

/** How a pattern without slashes is read: as a regular expression, or as a literal substring. */
export type PatternStyle = 'regex' | 'substring';

/**
 * Compile a condition pattern. `/body/flags` (flags from `imsu`; `g` and `y` would make matching
 * stateful) is always a regular expression;
 * otherwise `style` decides. Nested quantifiers such as `(a+)+` are refused: they can take
 * exponential time on a crafted output tail.
 */
export function compilePattern(
  text: string,
  style: PatternStyle,
): { kind: 'ok'; regex: RegExp } | { kind: 'invalid'; message: string } {
  if (text.length === 0 || text.length > MAX_PATTERN_LENGTH) {
    return { kind: 'invalid', message: `must be 1 to ${MAX_PATTERN_LENGTH} characters` };
  }
  const slashed = /^\/(.+)\/([imsu]*)$/s.exec(text);
  if (slashed === null && style === 'substring') {
    return { kind: 'ok', regex: new RegExp(text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'), 'i') };
  }
  const body = slashed?.[1] ?? text;
  const flags = slashed?.[2] ?? '';
  if (!/^[imsu]*$/.test(flags))
    return { kind: 'invalid', message: 'flags may only be i, m, s and u' };
  if (/\((?:[^()\\]|\\.)*[+*}](?:[^()\\]|\\.)*\)(?:[+*]|\{\d+,\d*\})/.test(body)) {
    return { kind: 'invalid', message: 'nested quantifiers such as (a+)+ are not allowed' };
  }
  try {
    return { kind: 'ok', regex: new RegExp(body, flags) };
  } catch (error) {
    return {
      kind: 'invalid',
      message: `not a valid regular expression (${(error as Error).message})`,
    };
  }
}
