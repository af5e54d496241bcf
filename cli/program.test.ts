// The command line in process: usage for every command, without spawning a CLI. One spawned
// `--help` per path (source and bundle) stays in test/integration/cli-usage.test.ts.
import { describe, expect, it } from 'vitest';
import type { CliContext } from './cli-context.js';
import { runCli } from './program.js';

/** A context that keeps what the CLI prints; no command here runs anything or reads the store. */
function captured(): { context: CliContext; stdout: () => string; stderr: () => string } {
  let stdout = '';
  let stderr = '';
  const context: CliContext = {
    cwd: '/nowhere',
    env: {},
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    onSignal: () => () => undefined,
  };
  return { context, stdout: () => stdout, stderr: () => stderr };
}

describe('gh-retry --help', () => {
  it.each([[[]], [['run']], [['retry']], [['plan']], [['show']], [['history']]])(
    'prints usage for %j and exits 0',
    async (command) => {
      const cli = captured();
      const exitCode = await runCli([...command, '--help'], cli.context);
      expect(exitCode).toBe(0);
      expect(cli.stdout()).toMatch(new RegExp(`^Usage: gh-retry ${command.join(' ')}`));
    },
  );
});
