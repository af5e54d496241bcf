// @ts-check
// `dbt retry` (dbt-core 1.9–1.11 core/dbt/task/retry.py): read the previous run_results.json,
// rebuild the previous command from its args, run only the retryable nodes.
import path from 'node:path';
import { EmulatorError, runtimeError } from './errors.mjs';
import { RETRYABLE_COMMANDS, rebuildRetryParams, resolveFlags } from './flags.mjs';
import { loadProjectAndProfile, runNodeCommand } from './node-command.mjs';
import { readPreviousRun } from './run-results.mjs';

/** retry.py RETRYABLE_STATUSES (partial success since 1.9); `warn` joins with --warn-error. */
const RETRYABLE_STATUSES = ['error', 'fail', 'skipped', 'runtime error', 'partial success'];

/**
 * @param {import('./node-command.mjs').Context} ctx the retry invocation's own flags in ctx.flags
 * @param {{ params: Record<string, unknown>, fromCommandLine: Set<string> }} invocation
 * @returns {Promise<number>}
 */
export async function runRetry(ctx, invocation) {
  const { flags, env, cwd } = ctx;
  const { project } = loadProjectAndProfile(ctx);
  const statePath = /** @type {string | undefined} */ (flags.state) ?? project.targetPath;
  const previous = readPreviousRun(path.resolve(project.dir, statePath, 'run_results.json'));
  // An empty results list is "not found" too: ExecutionResult.__len__ is 0 (dbt-core #8848).
  if (!previous || previous.results.length === 0) {
    throw runtimeError(`Could not find previous run in '${statePath}' target directory`);
  }
  const which = previous.args.which;
  if (typeof which !== 'string' || !RETRYABLE_COMMANDS.includes(which)) {
    // dbt looks the command up in CMD_DICT, gets None and crashes (exit 2) rebuilding the flags;
    // the crash text is not worth imitating, so the message says what happened.
    throw new EmulatorError(
      `the previous command '${String(which)}' cannot be retried (dbt crashes here and exits 2)`,
    );
  }
  if (['clone', 'generate', 'run-operation'].includes(which)) {
    throw new EmulatorError(`retrying '${which}' is not emulated`);
  }
  const retryable = new Set(RETRYABLE_STATUSES);
  if (flags.warn_error === true) retryable.add('warn');
  const ids = new Set(
    previous.results
      .filter((r) => retryable.has(r.status) && !r.unique_id.startsWith('operation.'))
      .map((r) => r.unique_id),
  );
  const params = rebuildRetryParams({
    previousArgs: previous.args,
    retryParams: invocation.params,
    retryFromCommandLine: invocation.fromCommandLine,
    env,
  });
  const rebuilt = resolveFlags({
    command: which,
    params,
    cwd,
    warnErrorOptionsDefault: ctx.version.warnErrorOptionsDefault,
  });
  return await runNodeCommand({ ...ctx, flags: rebuilt }, ids);
}
