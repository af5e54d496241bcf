import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startEmulator } from './index.js';
import { applySeed, parseSeedFile } from './seed-file.js';

const examples = fileURLToPath(new URL('./examples/', import.meta.url));

describe('seed file of the standalone emulator', () => {
  it('seeds the example: repository, App, job and tokens', async () => {
    const gh = await startEmulator();
    try {
      const applied = applySeed(
        gh,
        parseSeedFile(readFileSync(`${examples}seed.yml`, 'utf8')),
        examples,
      );
      const runId = await gh.startRun({
        repo: 'acme/data',
        workflow: 'nightly.yml',
        actor: 'mona',
      });
      const run = await gh.waitForRun(runId);

      expect(applied.apps).toMatchObject([{ slug: 'gh-retry', botLogin: 'gh-retry[bot]' }]);
      expect(Object.keys(applied.tokens).sort()).toEqual(['acme', 'mona']);
      expect(run.conclusion).toBe('success');
      expect(JSON.parse(gh.jobResults(runId)[0]?.main?.stdout ?? '{}')).toMatchObject({
        INPUT_GREETING: 'hello from the emulator',
      });
    } finally {
      await gh.stop();
    }
  });

  it.each([
    ['repos: [{ repo: not-a-slug }]\n'],
    ['repos: []\nunknown: true\n'],
    ['apps: [{ permissions: { actions: execute }, events: [] }]\n'],
  ])('rejects %j', (text) => {
    expect(() => parseSeedFile(text)).toThrow();
  });
});
