import { describe, expect, it } from 'vitest';
import { resolveStoreRoot } from './cli-context.js';
import type { CliContext } from './cli-context.js';

describe('resolveStoreRoot', () => {
  const context = (env: Record<string, string>): CliContext => ({
    cwd: '/work/project',
    env,
    stdout: () => undefined,
    stderr: () => undefined,
    onSignal: () => () => undefined,
  });
  it.each([
    [{ store: 'runs' }, { GH_RETRY_STORE: '/elsewhere' }, '/work/project/runs'],
    [{}, { GH_RETRY_STORE: '/elsewhere' }, '/elsewhere'],
    [{}, { GH_RETRY_STORE: '' }, '/work/project/.gh-retry'],
    [{}, {}, '/work/project/.gh-retry'],
  ])('picks --store %j, then GH_RETRY_STORE %j, then .gh-retry', (options, env, root) => {
    expect(resolveStoreRoot(options, context(env))).toBe(root);
  });
});
