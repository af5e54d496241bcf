/**
 * `show last` and `history` on a store of many runs (2,000 by default), each timed as a whole
 * CLI process: the first `history` builds the store's index, so it is timed apart ("cold") from
 * the repeated ones. Target: under 300 ms each.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { serializeRunRecord } from '../src/core/run-record/record.js';
import { aRunRecord, aStepRecord } from '../test/support/run-record.js';
import { median } from './statistics.js';
import { benchEnv, expectExit, runBundledCli } from './timed-process.js';

/** What the store bench found. */
export interface StoreListing {
  readonly runs: number;
  readonly recordBytes: number;
  readonly showLastMs: number;
  readonly historyColdMs: number;
  readonly historyMs: number;
  readonly historyLines: number;
}

/** The target of both commands. */
export const STORE_LISTING_TARGET_MS = 300;

/** Write `runs` records (three steps, a failed one with a 4 KB output tail) into a store. */
export function buildStore(storeRoot: string, runs: number): number {
  const start = Date.UTC(2025, 0, 1);
  let bytes = 0;
  for (let i = 0; i < runs; i += 1) {
    const at = new Date(start + i * 60_000);
    const iso = at.toISOString();
    const id = `r-${iso.slice(0, 10).replaceAll('-', '')}-${iso.slice(11, 19).replaceAll(':', '')}-000-${String(i % 10_000).padStart(4, '0')}`;
    const steps = ['dbt deps', 'dbt run', 'dbt test'].map((command, n) =>
      aStepRecord({
        id: command.replace(' ', '-'),
        command,
        executed: command,
        status: n === 1 ? 'failed' : 'success',
        exitCode: n === 1 ? 1 : 0,
        outputTail: n === 1 ? 'Database Error in model m\n'.repeat(160) : '',
      }),
    );
    const record = aRunRecord({ id, name: 'nightly', startedAt: iso, finishedAt: iso, steps });
    const text = serializeRunRecord({ ...record, status: 'failed' });
    mkdirSync(path.join(storeRoot, 'runs', id, 'state'), { recursive: true });
    writeFileSync(path.join(storeRoot, 'runs', id, 'record.json'), text);
    bytes += text.length;
  }
  return bytes;
}

/** Build the store, then time the bundled CLI's `show last` and `history` on it. */
export async function measureStoreListing(params: {
  readonly cli: string;
  readonly dir: string;
  readonly runs: number;
  readonly repetitions: number;
}): Promise<StoreListing> {
  const { cli, dir, runs, repetitions } = params;
  mkdirSync(dir, { recursive: true });
  const recordBytes = buildStore(path.join(dir, '.gh-retry'), runs);
  const env = benchEnv();
  const timed = async (args: string[]) => {
    const result = expectExit(await runBundledCli({ cli, args, cwd: dir, env }), 0, args[0]!);
    return result;
  };
  const cold = await timed(['history']);
  const show: number[] = [];
  const history: number[] = [];
  let historyLines = 0;
  for (let i = 0; i < repetitions; i += 1) {
    show.push((await timed(['show', 'last'])).wallMs);
    const listed = await timed(['history']);
    history.push(listed.wallMs);
    historyLines = listed.stdout.trimEnd().split('\n').length;
  }
  return {
    runs,
    recordBytes,
    showLastMs: median(show),
    historyColdMs: cold.wallMs,
    historyMs: median(history),
    historyLines,
  };
}

/** The store bench as lines of the bench's output, with PASS or MISS against the target. */
export function renderStoreListing(result: StoreListing): string {
  const check = (ms: number) => (ms < STORE_LISTING_TARGET_MS ? 'PASS' : 'MISS');
  const runs = result.runs.toLocaleString('en-US');
  return [
    `Store of ${runs} runs (${(result.recordBytes / 1024 / 1024).toFixed(1)} MB of records), CLI as a process:`,
    `  show last  ${result.showLastMs.toFixed(0)} ms  (< ${STORE_LISTING_TARGET_MS} ms: ${check(result.showLastMs)})`,
    `  history    ${result.historyMs.toFixed(0)} ms  (< ${STORE_LISTING_TARGET_MS} ms: ${check(result.historyMs)}; the first one, building the index: ${result.historyColdMs.toFixed(0)} ms)`,
  ].join('\n');
}
