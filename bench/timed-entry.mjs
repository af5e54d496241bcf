#!/usr/bin/env node
// Wraps one entry process of an emulated job (the Action's main or post, or a plain shell
// script): runs it, passes its output through, and appends its wall time and the time to its
// first output byte to $BENCH_TIMING_DIR/<run id>-<attempt>.jsonl. The wrapper's own start is
// outside the measured time, so the Action and the shell script are timed the same way.
import { spawn } from 'node:child_process';
import { appendFileSync } from 'node:fs';
import path from 'node:path';
import process from 'node:process';
import { performance } from 'node:perf_hooks';

const [file, ...args] = process.argv.slice(2);
const dir = process.env.BENCH_TIMING_DIR;
if (file === undefined || dir === undefined) {
  process.stderr.write('usage: BENCH_TIMING_DIR=DIR timed-entry.mjs FILE [ARGS…]\n');
  process.exit(2);
}
const started = performance.now();
const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'] });
/** @type {number | null} */
let firstOutputMs = null;
child.stdout.on('data', (chunk) => {
  firstOutputMs ??= performance.now() - started;
  process.stdout.write(chunk);
});
child.stderr.on('data', (chunk) => {
  firstOutputMs ??= performance.now() - started;
  process.stderr.write(chunk);
});
child.on('close', (exitCode, signal) => {
  const wallMs = performance.now() - started;
  const name = `${process.env.GITHUB_RUN_ID ?? 'run'}-${process.env.GITHUB_RUN_ATTEMPT ?? '1'}`;
  const entry = path.basename(args.at(-1) ?? file);
  appendFileSync(
    path.join(dir, `${name}.jsonl`),
    `${JSON.stringify({ entry, file, wallMs, firstOutputMs, exitCode, signal })}\n`,
  );
  process.exitCode = exitCode ?? 1;
});
