/** The table-driven cases every tool's tests share: which tool a command is, where its state is. */
import { expect, it } from 'vitest';
import type { Env } from '../../src/core/env.js';
import type { StepRecord, ToolName } from '../../src/core/run-record/schema.js';
import { recogniseTool, statePathsFor } from '../../src/core/tools/index.js';
import { aStepRecord, aStepSpec } from './run-record.js';

/** One test a row: `recogniseTool` names `tool` (or none) for a step running `run`. */
export function itRecognises(rows: readonly (readonly [run: string, tool: string | null])[]) {
  it.each(rows)('%s → %s', (run, tool) => {
    expect(recogniseTool(aStepSpec({ run }))).toBe(tool);
  });
}

/** One test a row: the state paths of a step running `run` with `env`. */
export function itFindsStatePaths(
  title: string,
  rows: readonly { run: string; env: Env; paths: string[] }[],
) {
  it.each(rows)(title, ({ run, env, paths }) => {
    expect(statePathsFor({ step: aStepSpec({ run }), env })).toEqual(paths);
  });
}

/** A failed test-runner step (exit 1) whose one state file `path` was stored as `stored`. */
export function aFailedToolStep(
  step: { id: string; command: string; tool: ToolName; path: string; stored: string; sha: string },
  overrides: Partial<StepRecord> = {},
): StepRecord {
  const { id, command, tool, path, stored, sha } = step;
  return aStepRecord({
    id,
    command,
    status: 'failed',
    exitCode: 1,
    tool,
    state: [{ path, stored, bytes: 1, sha256: sha.repeat(64) }],
    ...overrides,
  });
}
