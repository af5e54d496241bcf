import { describe, expect, it } from 'vitest';
import { compilePattern } from './patterns.js';

describe('compilePattern', () => {
  it.each<[string, 'regex' | 'substring', string, boolean]>([
    ['timeout', 'regex', 'read timeout after 30s', true],
    ['time.?out', 'regex', 'TIMEOUT', false],
    ['/time.?out/i', 'regex', 'TIMEOUT', true],
    ['Deadlock (detected)', 'substring', 'ERROR: deadlock (detected) in x', true],
    ['a.c', 'substring', 'abc', false],
    ['/a.c/', 'substring', 'abc', true],
    ['/path/to', 'substring', 'at /path/to/file', true],
    ['/x/g', 'substring', 'a /x/g b', true],
    ['/x/g', 'regex', 'x', false],
  ])('%j (%s) on %j → %j', (pattern, style, text, matches) => {
    const compiled = compilePattern(pattern, style);
    expect(compiled.kind).toBe('ok');
    if (compiled.kind === 'ok') expect(compiled.regex.test(text)).toBe(matches);
  });
});

describe('compilePattern refuses nested quantifiers', () => {
  it.each([
    ['(a+)+', false],
    ['(a*)*b', false],
    ['(?:\\w+\\s?)+$', false],
    ['(x+){2,}', false],
    ['(ab)+', true],
    ['(a|b)+c', true],
    ['\\(a+\\)+', true],
    ['error: (\\d+) rows', true],
  ])('%j accepted: %j', (pattern, accepted) => {
    expect(compilePattern(pattern, 'regex').kind).toBe(accepted ? 'ok' : 'invalid');
  });
});
