// @ts-check
// Entry point of the emulated `dbt`: parse the command line, dispatch, map errors to dbt's exit
// codes (0 success, 1 node failures, 2 errors and usage errors).
import process from 'node:process';
import { clearTimeout, setTimeout } from 'node:timers';
import { randomUUID } from 'node:crypto';
import { runClean, runDebug, runDeps, runParse } from './admin-commands.mjs';
import { parseCommandLine, renderHelp } from './cli.mjs';
import { DbtError, EmulatorError, UsageError } from './errors.mjs';
import { resolveFlags } from './flags.mjs';
import { createLog } from './log.mjs';
import { nowMicros } from './node-runner.mjs';
import { runNodeCommand } from './node-command.mjs';
import { runRetry } from './retry.mjs';
import { ADAPTER_VERSION, bannerText, readDbtVersion } from './version.mjs';

/**
 * Runs one `dbt` invocation and sets process.exitCode.
 * @param {string[]} argv the arguments after "dbt"
 */
export async function main(argv) {
  process.exitCode = await invoke(argv);
}

/**
 * @param {string[]} argv
 * @returns {Promise<number>}
 */
async function invoke(argv) {
  const env = process.env;
  const cwd = process.cwd();
  const log = createLog();
  let version;
  try {
    version = readDbtVersion(env);
  } catch (error) {
    process.stderr.write(`${/** @type {Error} */ (error).message}\n`);
    return 2;
  }
  let invocation;
  try {
    invocation = parseCommandLine(argv, env);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    log.line(bannerText(version.version));
    log.flush();
    process.stderr.write(error.render());
    return 2;
  }
  if (invocation.givenTwice !== undefined) {
    // Flags() checks this before "Running with dbt=": the error (real dbt adds a traceback).
    log.line(bannerText(version.version));
    log.line(
      `Encountered an error:\n${invocation.givenTwice} was provided both before and after the subcommand, it can only be set either before or after.`,
    );
    log.flush();
    return 2;
  }
  if (invocation.command === 'version') {
    log.raw(
      `${bannerText(version.version)}\nCore:\n  - installed: ${version.version}\n  - latest:    ${version.version} - Up to date!\n\nPlugins:\n  - postgres: ${ADAPTER_VERSION} - Up to date!\n\n`,
    );
    return 0;
  }
  if (invocation.command === 'help') {
    log.raw(`${bannerText(version.version)}\n${renderHelp(invocation.requested)}`);
    return 0;
  }
  log.line(bannerText(version.version));
  log.line(`Running with dbt=${version.version}`);
  const interrupt = createInterrupt();
  try {
    if (invocation.command === 'not-emulated') {
      throw new EmulatorError(
        `'dbt ${String(invocation.requested)}' is not emulated (see test/dbt-emulator/README.md)`,
      );
    }
    const flags = resolveFlags({
      command: invocation.command,
      params: invocation.params,
      cwd,
      warnErrorOptionsDefault: version.warnErrorOptionsDefault,
    });
    /** @type {import('./node-command.mjs').Context} */
    const ctx = {
      flags,
      env,
      cwd,
      invocationCommand: `dbt ${argv.join(' ')}`.trimEnd(),
      invocationId: randomUUID(),
      invocationStartedAt: nowMicros(),
      version,
      log,
      interrupt,
    };
    switch (invocation.command) {
      case 'deps':
        return runDeps(ctx);
      case 'debug':
        return runDebug(ctx);
      case 'parse':
        return runParse(ctx);
      case 'clean':
        return runClean(ctx);
      case 'retry':
        return await runRetry(ctx, invocation);
      default:
        return await runNodeCommand(ctx, null);
    }
  } catch (error) {
    // requires.postflight: any exception is "Encountered an error:" and exit 2.
    const text =
      error instanceof DbtError
        ? error.render()
        : String(/** @type {Error} */ (error).message ?? error);
    log.line(`Encountered an error:\n${text}`);
    if (!(error instanceof DbtError))
      process.stderr.write(`${String(/** @type {Error} */ (error).stack)}\n`);
    return 2;
  } finally {
    log.flush();
    interrupt.dispose();
  }
}

/**
 * SIGINT (ctrl-c) handling: dbt turns it into KeyboardInterrupt, writes the results it has and
 * exits 2. SIGTERM keeps Node's default (the process dies at once, as Python's does).
 * @returns {import('./execute.mjs').Interrupt & { dispose: () => void }}
 */
function createInterrupt() {
  /** @type {Set<() => void>} */
  const waiters = new Set();
  const state = {
    requested: false,
    /** @param {number} ms */
    wait: (ms) =>
      new Promise((resolve) => {
        const done = () => {
          clearTimeout(timer);
          waiters.delete(done);
          resolve(undefined);
        };
        const timer = setTimeout(done, ms);
        waiters.add(done);
      }),
    dispose: () => void process.off('SIGINT', onSigint),
  };
  const onSigint = () => {
    state.requested = true;
    for (const done of [...waiters]) done();
  };
  process.on('SIGINT', onSigint);
  return state;
}
