import { describe, expect, it } from 'vitest';
import { formatSeconds, parseDelay, parseSeconds } from './duration.js';
import { examples } from '../../../test/support/examples.js';

describe('parseDelay', () => {
  examples<number | string, number | null>(parseDelay, [
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
  ]);
});

describe('parseSeconds and formatSeconds', () => {
  it('bounds by the given maximum', () => {
    expect(parseSeconds('6h', 6 * 3600)).toBe(21600);
    expect(parseSeconds('7h', 6 * 3600)).toBeNull();
  });

  it.each<[number, string]>([
    [45, '45s'],
    [90, '90s'],
    [120, '2m'],
    [7200, '2h'],
  ])('%j seconds are written %j', (seconds, text) => {
    expect(formatSeconds(seconds)).toBe(text);
    expect(parseSeconds(text, 86400)).toBe(seconds);
  });
});
