#!/usr/bin/env node
// Entry point of the `gh-retry` command: wire the real process to the CLI and set its exit code.
import { processContext } from './cli-context.js';
import { runCli } from './program.js';

void runCli(process.argv.slice(2), processContext()).then((code) => {
  process.exitCode = code;
});
