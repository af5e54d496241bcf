import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'action/**/*.test.ts', 'app/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Two cores on CI: keep parallelism modest so subprocess-heavy suites stay stable.
    maxWorkers: 2,
    // GitHub's workflow parser imports its JSON schema without an import attribute, which plain
    // Node refuses: let Vite transform it.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
  },
});
