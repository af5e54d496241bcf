import { afterEach, beforeEach } from 'vitest';
import { startEmulator, type GitHubEmulator } from '../emulator/index.js';
import type { SeedRepoOptions } from '../emulator/seed.js';

/** A workflow of one job that only echoes, started by `on` (`workflow_dispatch`, `[push, schedule]`). */
export function oneJobWorkflow(on: string): string {
  return `on: ${on}\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{ run: echo }]\n`;
}

/**
 * A new GitHub emulator for each test of the enclosing `describe`, with acme/data seeded as
 * `seed` says, stopped after the test. Returns how a test reaches the running one.
 */
export function eachEmulatorWithRepo(seed: Omit<SeedRepoOptions, 'repo'>): () => GitHubEmulator {
  let running: GitHubEmulator | null = null;
  beforeEach(async () => {
    running = await startEmulator();
    running.seedRepo({ repo: 'acme/data', ...seed });
  });
  afterEach(async () => {
    await running?.stop();
    running = null;
  });
  return () => {
    if (running === null) throw new Error('the emulator runs only while a test runs');
    return running;
  };
}
