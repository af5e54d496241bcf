import { expandWord, findFlagValue } from '../schedule/command-line.js';
import type { Env } from '../env.js';
import { joinRelativePath } from '../relative-path.js';
import { capTestIds, failedTestsTool, type TestRunnerMatch } from './failed-tests.js';
import { parseJson, programEnv } from './tool.js';

const LAST_FAILED = 'lastfailed';

/** The `cache_dir` given with `-o cache_dir=X`, `-ocache_dir=X` or `--override-ini[=]cache_dir=X`. */
function cacheDirOverride(args: readonly string[]): string | null {
  let cacheDir: string | null = null;
  for (const [index, word] of args.entries()) {
    let setting: string | undefined;
    if (word === '-o' || word === '--override-ini') setting = args[index + 1];
    else if (word.startsWith('--override-ini=')) setting = word.slice('--override-ini='.length);
    else if (word.startsWith('-o')) setting = word.slice(2);
    if (setting?.startsWith('cache_dir=') === true) cacheDir = setting.slice('cache_dir='.length);
  }
  return cacheDir;
}

/** True when the cache plugin is switched off (`-p no:cacheprovider`): pytest keeps no lastfailed. */
function cacheDisabled(args: readonly string[]): boolean {
  return args.some(
    (word, index) =>
      word === '-pno:cacheprovider' || (word === '-p' && args[index + 1] === 'no:cacheprovider'),
  );
}

/** `<rootdir>/<cache_dir>/v/cache/lastfailed`; cache_dir is relative to rootdir. */
function statePaths(match: TestRunnerMatch, env: Env): string[] {
  const { args } = match.words;
  if (cacheDisabled(args)) return [];
  const scoped = programEnv(match.words, env);
  const rootdir = findFlagValue(args, ['--rootdir']);
  const cacheDir = cacheDirOverride(args);
  const path = joinRelativePath(
    rootdir === null ? '.' : expandWord(rootdir, scoped),
    cacheDir === null ? '.pytest_cache' : expandWord(cacheDir, scoped),
    'v/cache',
    LAST_FAILED,
  );
  return path === null ? [] : [path];
}

/** The test ids in a lastfailed file (`{"tests/test_a.py::test_x": true}`), or null if unreadable. */
function readLastFailed(content: string): string[] | null {
  const data = parseJson(content);
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return null;
  return capTestIds(Object.keys(data));
}

/** pytest: re-runs only the failed tests with `--last-failed` from the restored cache. */
export const pytestTool = failedTestsTool({
  name: 'pytest',
  command: 'pytest',
  // `pytest`, `py.test`, `python -m pytest`, also behind wrappers.
  runs: (words) => words.programName === 'pytest',
  stateFile: LAST_FAILED,
  stateLabel: 'pytest lastfailed',
  statePaths,
  noStatePath: "pytest's cache is disabled or outside the working directory",
  readFailed: readLastFailed,
  unreadable: 'pytest lastfailed is not a JSON object',
  retryArguments: ['--last-failed', '--last-failed-no-failures', 'none'],
  // Exit 5 (no tests collected) after `--last-failed-no-failures none`: nothing is left failing.
  retrySuccessExitCodes: [0, 5],
});
