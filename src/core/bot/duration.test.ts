import { describe, expect, it } from 'vitest';
import { parseDelay } from './duration.js';

describe('parseDelay', () => {
  it.each<[number | string, number | null]>([
    [0, 0],
    [3600, 3600],
    [3601, null],
    [-1, null],
    [1.5, null],
    ['45', 45],
    ['90s', 90],
    ['5m', 300],
    [' 1h ', 3600],
    ['61m', null],
    ['5 minutes', null],
    ['', null],
  ])('%j → %j', (value, seconds) => {
    expect(parseDelay(value)).toBe(seconds);
  });
});
