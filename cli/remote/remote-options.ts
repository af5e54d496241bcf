/** The flags the remote forms of `retry`, `plan`, `show` and `history` add to the local commands. */
import { Option, type Command } from 'commander';
import { UserError } from '../../src/core/errors.js';

/** `--repo OWNER/REPO`: a run id is a GitHub run of that repository. */
export function withRepoOption(command: Command): Command {
  return command.option('--repo <owner/repo>', 'a GitHub repository: RUN is one of its run ids');
}

/** `--follow`/`--wait`, `--timeout` and `--json` of the remote `retry`. */
export function withFollowOptions(command: Command): Command {
  return command
    .option(
      '--follow',
      'GitHub runs: watch the new run until it completes (exit 0 success, 1 failure)',
    )
    .addOption(new Option('--wait', 'the same as --follow').hideHelp())
    .option('--timeout <minutes>', 'with --follow: stop waiting after this long (default 360)')
    .option('--json', 'GitHub runs: print the outcome as JSON');
}

/** `--wait` is `--follow`. */
export function followOf<T extends { follow?: boolean; wait?: boolean }>(options: T): T {
  return options.wait === true ? { ...options, follow: true } : options;
}

/** A local run is retried here: the flags of a GitHub retry are a usage error for it. */
export function refuseRemoteFlags(options: {
  follow?: boolean;
  wait?: boolean;
  json?: boolean;
  timeout?: string;
}): void {
  const given = [
    options.follow === true || options.wait === true ? '--follow' : null,
    options.json === true ? '--json' : null,
    options.timeout === undefined ? null : '--timeout',
  ].filter((flag) => flag !== null);
  if (given.length > 0)
    throw new UserError(
      `${given.join(', ')} only work with a GitHub run: give its URL, OWNER/REPO#ID, or an id with --repo OWNER/REPO`,
    );
}
