import {
  expandWord,
  findFlagValue,
  parseCommandLine,
  type CommandWords,
} from '../schedule/command-line.js';
import type { Env } from '../env.js';
import { joinRelativePath } from '../relative-path.js';
import { RECORD_LIMITS } from '../run-record/schema.js';
import {
  appendArguments,
  describeEnd,
  findFileContent,
  findParentFile,
  parseJson,
  programEnv,
  simpleCommand,
  type RetryContext,
  type RetryForm,
  type ToolDeclaration,
} from './tool.js';

/** Exit 5 (no tests collected) after `--last-failed-no-failures none` means nothing is left failing. */
const RETRY_SUCCESS_EXIT_CODES: readonly number[] = [0, 5];

const LAST_FAILED = 'lastfailed';

/** A recognised pytest step (`pytest`, `py.test`, `python -m pytest`, also behind wrappers). */
export interface PytestMatch {
  readonly words: CommandWords;
  readonly hasComment: boolean;
}

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
function statePaths(match: PytestMatch, env: Env): string[] {
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
  return Object.keys(data)
    .slice(0, RECORD_LIMITS.maxNodeIds)
    .map((id) => id.slice(0, RECORD_LIMITS.maxStringLength));
}

function retryForm(context: RetryContext<PytestMatch>): RetryForm {
  const { match, parent } = context;
  const asWritten = (reason: string): RetryForm => ({ kind: 'as-written', reason });
  if (parent.exitCode !== 1) {
    return asWritten(
      `pytest ${describeEnd(parent)}; only exit 1 (test failures) re-runs the failed tests`,
    );
  }
  const [path] = statePaths(match, context.env);
  if (path === undefined) {
    return asWritten("pytest's cache is disabled or outside the working directory");
  }
  const file = findParentFile(context.files, [path], LAST_FAILED);
  if (file?.content === undefined)
    return asWritten('pytest lastfailed missing from the parent run');
  const failed = readLastFailed(file.content);
  if (failed === null) return asWritten('pytest lastfailed is not a JSON object');
  if (failed.length === 0) return asWritten('pytest lastfailed lists no failed tests');
  return {
    kind: 'retry',
    exec: appendArguments(context.step.run, match, [
      '--last-failed',
      '--last-failed-no-failures',
      'none',
    ]),
    restore: [{ from: file.stored, to: path }],
    reason: `pytest --last-failed re-runs only the ${failed.length} failed test(s)`,
    successExitCodes: RETRY_SUCCESS_EXIT_CODES,
  };
}

/** pytest: re-runs only the failed tests with `--last-failed` from the restored cache. */
export const pytestTool: ToolDeclaration<PytestMatch> = {
  name: 'pytest',
  recognise(step) {
    const line = parseCommandLine(step.run);
    const words = simpleCommand(line);
    if (words?.programName !== 'pytest') return null;
    return { words, hasComment: line.hasComment };
  },
  statePaths,
  retryForm,
  retrySuccessExitCodes: RETRY_SUCCESS_EXIT_CODES,
  summarise(_match, files) {
    const content = findFileContent(files, LAST_FAILED);
    return { nodes: null, failedTests: content === null ? null : readLastFailed(content) };
  },
};
