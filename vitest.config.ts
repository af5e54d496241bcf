import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'action/**/*.test.ts', 'app/**/*.test.ts', 'test/**/*.test.ts'],
    // Creates (or reuses) the pinned dbt virtualenvs the real-dbt tests run (test/real-dbt).
    globalSetup: ['test/real-dbt/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores on CI: keep parallelism modest so subprocess-heavy suites stay stable.
    maxWorkers: 2,
  },
});
