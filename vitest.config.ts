import { defineConfig } from 'vitest/config';

/**
 * Three tiers, run together by `npm test` (as CI does) and apart by `npm run test:unit`,
 * `test:integration` and `test:e2e`:
 * - unit: the tests beside their modules; no process, no server, seconds in all;
 * - integration: the GitHub and dbt emulators, real dbt, Redis, and the shells driven against them;
 * - e2e: the real bundles as processes, and the benchmark's measuring functions at a tiny size.
 */
export default defineConfig({
  test: {
    pool: 'forks',
    // Two cores on CI: keep parallelism modest so subprocess-heavy suites stay stable.
    maxWorkers: 2,
    // Vitest's defaults (with GitHub annotations on GitHub Actions), plus one line counting the
    // real-dbt tests that ran (for the CI log).
    reporters: [
      'default',
      ...(process.env.GITHUB_ACTIONS === 'true' ? ['github-actions'] : []),
      './test/real-dbt/count-reporter.ts',
    ],
    // GitHub's workflow parser imports its JSON schema without an import attribute, which plain
    // Node refuses: let Vite transform it.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: [
            'src/**/*.test.ts',
            'action/**/*.test.ts',
            'app/**/*.test.ts',
            'cli/**/*.test.ts',
          ],
          testTimeout: 20_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: [
            'test/emulator/**/*.test.ts',
            'test/dbt-emulator/**/*.test.ts',
            'test/real-dbt/**/*.test.ts',
            'test/integration/**/*.test.ts',
            'test/support/**/*.test.ts',
          ],
          // Creates (or reuses) the pinned dbt virtualenvs the real-dbt tests run (test/real-dbt).
          globalSetup: ['test/real-dbt/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          // Whole bundles as processes, several workflow runs each.
          testTimeout: 240_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
