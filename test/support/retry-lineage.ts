/** The lineage of a first retry, the shape most report and planner tests start from. */
import type { Lineage } from '../../src/core/run-record/schema.js';
import { aLineage } from './run-record.js';

/** Retry 1 of run `parent` (also the root), from failure; override the trigger and who asked. */
export function aFirstRetryOf(parent: string, overrides: Partial<Lineage> = {}): Lineage {
  return aLineage({
    parent,
    root: parent,
    retryNumber: 1,
    mode: { kind: 'from-failure' },
    ...overrides,
  });
}
