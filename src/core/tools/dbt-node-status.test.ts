import { describe } from 'vitest';
import { isFailedNodeStatus } from './dbt-node-status.js';
import { examples } from '../../../test/support/examples.js';

describe('isFailedNodeStatus', () => {
  examples(isFailedNodeStatus, [
    ['error', true],
    ['fail', true],
    ['runtime error', true],
    ['partial success', true],
    ['skipped', false],
    ['success', false],
    ['pass', false],
    ['warn', false],
  ]);
});
