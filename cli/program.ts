import { Command, CommanderError, Option } from 'commander';
import manifest from '../package.json' with { type: 'json' };
import { errorStack, UserError } from '../src/core/errors.js';
import type { CliContext } from './cli-context.js';
import { describeFileError } from './file-errors.js';
import {
  followOf,
  refuseRemoteFlags,
  withFollowOptions,
  withRepoOption,
} from './remote/remote-options.js';
import { isRemoteRun, type RepoOption } from './remote/run-target.js';

/**
 * Each command's module loads when that command runs, so `show` and `history` do not pay for
 * loading the process runner, Octokit or the GitHub client at start-up.
 */
const commands = {
  execute: () => import('./execute-commands.js'),
  inspect: () => import('./inspect-commands.js'),
  flaky: () => import('./flaky-command.js'),
  prune: () => import('./prune-command.js'),
  remoteRetry: () => import('./remote/remote-retry.js'),
  remoteInspect: () => import('./remote/inspect-remote.js'),
  remoteHistory: () => import('./remote/history-remote.js'),
  remoteFlaky: () => import('./remote/flaky-remote.js'),
};

/** Exit code of a usage error, a missing run or any other error the user can fix. */
export const EXIT_USAGE = 2;

/**
 * Run the `gh-retry` command line and return its exit code. The one catch of the CLI: errors a
 * user can fix are one line on stderr (exit 2); anything else is printed with its stack (exit 1).
 */
export async function runCli(argv: readonly string[], context: CliContext): Promise<number> {
  let exitCode = 0;
  const program = buildProgram(context, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync([...argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are exit 0; commander already printed its one-line message otherwise.
      return error.exitCode === 0 ? 0 : EXIT_USAGE;
    }
    if (error instanceof UserError) {
      context.stderr(`gh-retry: ${error.message}\n`);
      return EXIT_USAGE;
    }
    const storeProblem = describeFileError(error);
    if (storeProblem !== null) {
      context.stderr(`gh-retry: ${storeProblem}\n`);
      return EXIT_USAGE;
    }
    const detail = errorStack(error);
    context.stderr(`gh-retry: unexpected error\n${detail}\n`);
    return 1;
  }
}

function buildProgram(context: CliContext, setExitCode: (code: number) => void): Command {
  const program = new Command('gh-retry')
    .description(
      'Run a schedule of commands, record what each did, and retry only what failed.\n' +
        'Runs and their saved state live in a local store (.gh-retry/ by default).',
    )
    .version(manifest.version, '-V, --version', 'print the version of gh-retry')
    .exitOverride()
    .configureOutput({
      writeOut: (text) => {
        context.stdout(text);
      },
      writeErr: (text) => {
        context.stderr(text);
      },
      outputError: (text, write) => {
        write(`gh-retry: ${text.replace(/^error: /, '')}`);
      },
    })
    .showSuggestionAfterError(true)
    .allowExcessArguments(false);

  const act =
    <A extends unknown[]>(handler: (...args: A) => Promise<number>) =>
    async (...args: A) => {
      setExitCode(await handler(...args));
    };
  /** A command on one run: a local run, or a GitHub run (a run URL, OWNER/REPO#ID or `--repo`). */
  const localOrRemoteRun = (local: Lazy<OnRun>, remote: Lazy<OnRun>) =>
    act(
      async (run: string | undefined, options: object) =>
        await (
          await (isRemoteRun(run, options as RepoOption) ? remote : local)()
        )(run, options, context),
    );
  /** A command over many runs: the local store, or with `--repo` a repository's runs on GitHub. */
  const localOrRemoteRuns = (local: Lazy<OnRuns>, remote: Lazy<OnRuns>) =>
    act(
      async (options: object) =>
        await (
          await ((options as RepoOption).repo === undefined ? local : remote)()
        )(options, context),
    );

  withScheduleOptions(program.command('run'))
    .description('run a schedule; exit 0 on success, 1 on failure (130 when interrupted)')
    .action(
      act(async (options: object) => await (await commands.execute()).runCommand(options, context)),
    );

  withFollowOptions(withRepoOption(withModeOptions(withScheduleOptions(program.command('retry')))))
    .description(
      'retry a run (default: the last one) from its failure, or as the flags say; a GitHub run is retried on GitHub',
    )
    .argument('[run]', RUN_ARGUMENT)
    .action(
      act(async (run: string | undefined, options: object) => {
        if (isRemoteRun(run, options))
          return await (
            await commands.remoteRetry()
          ).remoteRetryCommand(run, followOf(options), context);
        refuseRemoteFlags(options);
        return await (await commands.execute()).retryCommand(run, options, context);
      }),
    );

  withRepoOption(withModeOptions(withScheduleOptions(program.command('plan'))))
    .description('show what a retry of a run would do, without running anything')
    .argument('[run]', RUN_ARGUMENT)
    .option('--json', 'print the plan as JSON')
    .action(
      localOrRemoteRun(
        async () => (await commands.inspect()).planCommand,
        async () => (await commands.remoteInspect()).remotePlanCommand,
      ),
    );

  withRepoOption(withStoreOption(program.command('show')))
    .description('show one run (default: the last one): steps, status, dbt nodes, lineage')
    .argument('[run]', RUN_ARGUMENT)
    .option('--json', 'print the run as JSON')
    .action(
      localOrRemoteRun(
        async () => (await commands.inspect()).showCommand,
        async () => (await commands.remoteInspect()).remoteShowCommand,
      ),
    );

  withRepoOption(withStoreOption(program.command('history')))
    .description(
      'list the runs in the store with their lineage, oldest first; with --repo, recent gh-retry runs on GitHub',
    )
    .option('--workflow <file>', 'with --repo: only runs of this workflow (nightly.yml)')
    .option('--limit <n>', 'with --repo: how many recent runs to look at (default 20)')
    .option('--json', 'print the runs as JSON')
    .action(
      localOrRemoteRuns(
        async () => (await commands.inspect()).historyCommand,
        async () => (await commands.remoteHistory()).remoteHistoryCommand,
      ),
    );

  withRepoOption(withStoreOption(program.command('flaky')))
    .description(
      'rank the dbt nodes and tests that were flaky (failed, then passed on the same code) most often over recent runs; with --repo, over recent gh-retry runs on GitHub',
    )
    .option('--runs <n>', 'how many recent runs to read (default 100; with --repo 20, at most 100)')
    .option('--limit <n>', 'how many nodes and tests to list (default 20)')
    .option('--workflow <file>', 'with --repo: only runs of this workflow (nightly.yml)')
    .option('--json', 'print the ranking as JSON')
    .action(
      localOrRemoteRuns(
        async () => (await commands.flaky()).flakyCommand,
        async () => (await commands.remoteFlaky()).remoteFlakyCommand,
      ),
    );

  withStoreOption(program.command('prune'))
    .description(
      'remove old runs from the store; never a running run or the last run of a chain that did not succeed',
    )
    .option('--keep <n>', 'keep the newest N runs')
    .option('--older-than <age>', 'remove only runs started longer ago than this (30d, 12h)')
    .option('--dry-run', 'say what would be removed, remove nothing')
    .action(
      act(async (options: object) => await (await commands.prune()).pruneCommand(options, context)),
    );

  return program;
}

/** A command on one run, with its parsed options. */
type OnRun = (run: string | undefined, options: object, context: CliContext) => Promise<number>;
/** A command over many runs, with its parsed options. */
type OnRuns = (options: object, context: CliContext) => Promise<number>;
/** A command loaded when it runs. */
type Lazy<T> = () => Promise<T>;

/** What a run argument can be. */
const RUN_ARGUMENT =
  'a local run id, unique id prefix or "last"; or a GitHub run URL, OWNER/REPO#ID, or an id with --repo';

function withStoreOption(command: Command): Command {
  return command.option(
    '--store <dir>',
    'the run store folder (default: $GH_RETRY_STORE, else .gh-retry)',
  );
}

function withScheduleOptions(command: Command): Command {
  return withStoreOption(command)
    .addOption(
      new Option('--schedule <file>', 'a YAML schedule file (default: gh-retry.yml)').conflicts(
        'command',
      ),
    )
    .option(
      '--command <cmd>',
      'a command to run, one per --command, in order (repeat it for more steps)',
      (cmd: string, previous: string[] | undefined) => [...(previous ?? []), cmd],
    )
    .option('--name <name>', 'the name of the schedule');
}

function withModeOptions(command: Command): Command {
  return command
    .addOption(new Option('--all', 'run every step again').conflicts(['from', 'only']))
    .addOption(
      new Option('--from <step>', 'reuse the steps before STEP, run STEP and the rest').conflicts(
        'only',
      ),
    )
    .option('--only <steps>', 'run only these steps (comma separated), plus setup steps');
}
