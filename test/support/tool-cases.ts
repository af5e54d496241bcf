/**
 * The table-driven cases every tool's tests share: which tool a command is, where its state is,
 * how a failed step of it is retried.
 */
import { expect, it } from 'vitest';
import type { Env } from '../../src/core/env.js';
import type { StepRecord, ToolName } from '../../src/core/run-record/schema.js';
import {
  recogniseTool,
  retryFormFor,
  statePathsFor,
  type RetryForm,
} from '../../src/core/tools/index.js';
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

/** One row of a tool's retry-form table: the step's command, its failed parent, what to expect. */
export interface RetryFormCase {
  readonly name: string;
  readonly run: string;
  /** Overrides of the failed parent step. */
  readonly parent?: Partial<StepRecord>;
  /** The parent's stored files by stored path. */
  readonly files: Readonly<Record<string, string>>;
  readonly env?: Env;
  /** The whole form; or parts of a retry form (`exec`, `restore`); or the as-written reason. */
  readonly expected?: RetryForm;
  readonly exec?: string;
  readonly restore?: Extract<RetryForm, { kind: 'retry' }>['restore'];
  readonly reason?: string;
}

/** How a tool's table builds its step: the step id, the failed parent record, the state root. */
export interface RetryFormSetup {
  readonly id: string;
  readonly failed: (run: string, overrides?: Partial<StepRecord>) => StepRecord;
  readonly stateRoot: string;
}

/**
 * The retry-form setup of a test runner's step `id`: it failed with exit 1, and its one state file
 * `path` was stored under the step id (as the store does), with digest `sha` × 64.
 */
export function aTestRunnerSetup(step: {
  id: string;
  tool: ToolName;
  path: string;
  sha: string;
}): RetryFormSetup & { readonly stored: string } {
  const { id, tool, path, sha } = step;
  const stored = `${id}/${path}`;
  const failed = (command: string, overrides: Partial<StepRecord> = {}) =>
    aStepRecord({
      id,
      command,
      status: 'failed',
      exitCode: 1,
      tool,
      state: [{ path, stored, bytes: 1, sha256: sha.repeat(64) }],
      ...overrides,
    });
  return { id, failed, stateRoot: '/state/r-1', stored };
}

/** One test a row: the retry form `retryFormFor` gives the row's step after its parent failed. */
export function itFindsRetryForms(setup: RetryFormSetup, rows: readonly RetryFormCase[]) {
  it.each(rows)('$name', (row) => {
    const { run, parent, files, env, expected, exec, restore, reason } = row;
    const form = retryFormFor({
      step: aStepSpec({ id: setup.id, run }),
      parent: setup.failed(run, parent),
      parentState: new Map(Object.entries(files)),
      stateRoot: setup.stateRoot,
      env: env ?? {},
    });
    const named = [expected, exec, restore, reason].filter((part) => part !== undefined);
    expect(named.length, 'a row names what it expects').toBeGreaterThan(0);
    if (expected !== undefined) expect(form).toEqual(expected);
    if (exec !== undefined) expect(form).toMatchObject({ kind: 'retry', exec });
    if (restore !== undefined) expect(form).toMatchObject({ kind: 'retry', restore });
    if (reason !== undefined) expect(form).toEqual({ kind: 'as-written', reason });
  });
}
