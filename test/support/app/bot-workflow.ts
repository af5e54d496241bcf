/**
 * The bot hosted in a workflow (`app/action.yml` running `dist/bot`) in the emulator: the
 * repository that holds it, how the runner starts it, and the scene it answers in.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { EmulatorOptions, GitHubEmulator, SeedRepoOptions } from '../../emulator/index.js';
import { useEmulatorStartedByTest } from '../emulator.js';
import type { Scene } from './scenario.js';
import { botWorkflow, nightlyRepo } from './workflows.js';

/** The bot workflow's file. */
export const BOT = '.github/workflows/gh-retry-bot.yml';

/** Whom the bot acts as: the user of the run's `GITHUB_TOKEN`. */
export const ACTIONS_BOT = 'github-actions[bot]';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Whether `dist/bot` is bundled: the bot's tests run the bundle (`npm run bundle`). */
export const botBundled = existsSync(`${ROOT}dist/bot/index.js`);

/** The bot workflow of a test, once `start` has started it. */
export interface BotWorkflow {
  /** The running test's emulator. */
  readonly gh: GitHubEmulator;
  /** The repository of `gh`, answered by `github-actions[bot]`. */
  readonly scene: Scene;
  /** Start the emulator with `options` and let the runner start the bot workflow. */
  readonly start: (options?: EmulatorOptions) => Promise<void>;
}

/**
 * A fresh emulator for each test that calls `start`, stopped after it: `repo` seeded as
 * `nightlyRepo` (with `overrides`) plus the bot workflow on Nightly's runs, and the bot run as
 * the runner starts it (app/action.yml's main, the bundle; the token from the input's default).
 */
export function useBotWorkflow(
  repo: string,
  overrides: Partial<SeedRepoOptions> = {},
): BotWorkflow {
  const emulator = useEmulatorStartedByTest(
    nightlyRepo(repo, {
      ...overrides,
      files: { [BOT]: botWorkflow(['Nightly']), ...overrides.files },
    }),
  );
  const gh = emulator.gh;
  return {
    gh,
    scene: { gh, repo, app: { botLogin: ACTIONS_BOT } },
    start: async (options = {}) => {
      await emulator.start(options);
      gh.onWorkflow(BOT, { action: `${ROOT}app` });
    },
  };
}
