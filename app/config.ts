import {
  CONFIG_FILE,
  DEFAULT_CONFIG,
  parseConfig,
  type ConfigParseResult,
} from '../src/core/bot/config.js';
import type { BotContext } from './context.js';

/**
 * Read `.github/gh-retry.yml` with Probot's config loader (through the GitHub port, in both
 * shells) and check it with the core's schema. A file that cannot be read gives the safe
 * defaults and a problem to show, never a silent fallback. Files in `known` (text or null for
 * absent, by `owner/repo`, on the default branch) were read already and are not read again.
 */
export async function loadConfig(
  ctx: BotContext,
  known?: ReadonlyMap<string, string | null>,
): Promise<ConfigParseResult> {
  const read = await ctx.github.readConfig({
    ...ctx.repo,
    path: CONFIG_FILE,
    ...(known === undefined ? {} : { known }),
  });
  if (read.kind === 'found') return parseConfig(read.value);
  return {
    config: DEFAULT_CONFIG,
    problems: [
      `${CONFIG_FILE}: could not be read (${read.message}); using the defaults: /retry needs write access and automatic retries are off`,
    ],
  };
}
