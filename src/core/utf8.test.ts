import { describe, expect, it } from 'vitest';
import { endWithinBytes, startWithinBytes, utf8Length } from './utf8.js';

describe('utf8', () => {
  it.each([
    ['abc', 3],
    ['é', 2],
    ['✅', 3],
    ['😀', 4],
    ['a✅😀', 8],
  ])('%j is %i bytes, as Node counts', (text, expected) => {
    expect(utf8Length(text)).toBe(expected);
    expect(utf8Length(text)).toBe(Buffer.byteLength(text, 'utf8'));
  });

  it('cuts at whole characters from the start and from the end', () => {
    expect(startWithinBytes('a😀b', 4)).toBe('a');
    expect(startWithinBytes('a😀b', 5)).toBe('a😀');
    expect(endWithinBytes('a😀b', 4)).toBe('b');
    expect(endWithinBytes('a😀b', 5)).toBe('😀b');
    expect(endWithinBytes('abc', 10)).toBe('abc');
  });
});
