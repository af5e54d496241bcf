/** A CLI context in memory for tests that call `runCli` in process: output captured, no signals. */
import type { CliContext } from '../../cli/cli-context.js';

/** What a captured context wrote: stdout, stderr, and both in the order written. */
export interface CapturedCli {
  readonly context: CliContext;
  readonly out: () => string;
  readonly err: () => string;
  readonly all: () => string;
}

export function captureCli(cwd: string): CapturedCli {
  let out = '';
  let err = '';
  let all = '';
  const context: CliContext = {
    cwd,
    env: { PATH: process.env.PATH, HOME: cwd },
    stdout: (text) => {
      out += text;
      all += text;
    },
    stderr: (text) => {
      err += text;
      all += text;
    },
    onSignal: () => () => undefined,
  };
  return { context, out: () => out, err: () => err, all: () => all };
}
