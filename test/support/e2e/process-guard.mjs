#!/usr/bin/env node
// Runs a server process for a test and makes sure it stops by itself: when the test process
// goes away (our stdin closes), on SIGTERM/SIGINT, or after a maximum lifetime.
import { spawn } from 'node:child_process';
import process from 'node:process';
import { setTimeout } from 'node:timers';

const lifetimeMs = Number(process.env.GUARD_MAX_LIFETIME_MS ?? 600_000);
const [file, ...args] = process.argv.slice(2);
if (file === undefined) {
  process.stderr.write('usage: process-guard.mjs FILE [ARGS…]\n');
  process.exit(2);
}
const child = spawn(file, args, { stdio: ['ignore', 'inherit', 'inherit'] });
const stop = () => {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
};
process.stdin.on('end', stop);
process.stdin.on('error', stop);
process.stdin.resume();
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
setTimeout(stop, lifetimeMs).unref();
child.on('exit', (code, signal) => {
  process.exit(code ?? (signal === 'SIGTERM' ? 0 : 1));
});
