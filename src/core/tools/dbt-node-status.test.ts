import { describe, expect, it } from 'vitest';
import { isFailedNodeStatus } from './dbt-node-status.js';

describe('isFailedNodeStatus', () => {
  it.each([
    ['error', true],
    ['fail', true],
    ['runtime error', true],
    ['partial success', true],
    ['skipped', false],
    ['success', false],
    ['pass', false],
    ['warn', false],
  ])('%j → %j', (status, failed) => {
    expect(isFailedNodeStatus(status)).toBe(failed);
  });
});
