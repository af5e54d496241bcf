import { describe, expect, it } from 'vitest';
import { counted } from './words.js';

describe('counted', () => {
  it.each([
    [0, 'line', '0 lines'],
    [1, 'line', '1 line'],
    [2, 'failed test', '2 failed tests'],
  ])('%i %s → %s', (count, noun, text) => {
    expect(counted(count, noun)).toBe(text);
  });
});
