// Runs the emulated `dbt` as a real process through a shell, as tests and the demo do.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EMULATOR_BIN_DIR } from './make-project.mjs';

/** The outcome of one `dbt …` command line. */
export interface DbtRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** run_results.json as far as the tests read it. */
export interface RunResultsFile {
  metadata: Record<string, unknown>;
  results: {
    status: string;
    unique_id: string;
    message: string | null;
    failures: number | null;
    thread_id: string;
    timing: unknown[];
  }[];
  elapsed_time: number;
  args: Record<string, unknown>;
}

/**
 * The inherited environment without DBT_* variables (they would change dbt's behaviour), with
 * the emulator first on PATH, plus `extra`.
 */
export function dbtEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('DBT_')) env[key] = value;
  }
  env.PATH = `${EMULATOR_BIN_DIR}${path.delimiter}${process.env.PATH ?? ''}`;
  return { ...env, ...extra };
}

/**
 * Runs `commandLine` with /bin/sh in `cwd`. `onStdout` sees output as it streams (for tests that
 * signal the process mid-run).
 */
export function runDbt(
  commandLine: string,
  options: {
    cwd: string;
    env?: Record<string, string>;
    onStdout?: (text: string, child: ReturnType<typeof spawn>) => void;
  },
): Promise<DbtRun> {
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', commandLine], {
      cwd: options.cwd,
      env: dbtEnv(options.env),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      options.onStdout?.(stdout, child);
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (exitCode, signal) => {
      resolve({ exitCode, signal, stdout, stderr });
    });
  });
}

/** Reads `<dir>/<targetPath>/run_results.json`. */
export function readRunResults(dir: string, targetPath = 'target'): RunResultsFile {
  return JSON.parse(
    readFileSync(path.join(dir, targetPath, 'run_results.json'), 'utf8'),
  ) as RunResultsFile;
}

/** unique_id → status of a run_results.json. */
export function statusesOf(file: RunResultsFile): Record<string, string> {
  return Object.fromEntries(file.results.map((r) => [r.unique_id, r.status]));
}

/** A fresh temporary directory and its removal. */
export function makeTempDir(prefix = 'dbt-emulator-'): { dir: string; remove: () => void } {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  return {
    dir,
    remove: () => {
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Every model downstream of `names`, from the generator's own parent lists. */
export function downstreamOf(parents: Record<string, string[]>, names: string[]): Set<string> {
  const found = new Set<string>();
  let frontier = new Set(names);
  while (frontier.size > 0) {
    const next = new Set<string>();
    for (const [model, refs] of Object.entries(parents)) {
      if (!found.has(model) && refs.some((r) => frontier.has(r))) {
        found.add(model);
        next.add(model);
      }
    }
    frontier = next;
  }
  return found;
}
