import { existsSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CommandRequest, OutputChunk } from '../../ports/execution.js';
import { createProcessRunner, findShell, readProcStat } from './process-runner.js';

const dir = realpathSync(mkdtempSync(path.join(tmpdir(), 'gh-retry-runner-')));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const env = { PATH: process.env.PATH, HOME: process.env.HOME };
const runner = createProcessRunner({ graceMs: 400 });

function request(command: string, overrides: Partial<CommandRequest> = {}) {
  const chunks: OutputChunk[] = [];
  return {
    chunks,
    text: (stream?: OutputChunk['stream']) =>
      chunks
        .filter((c) => stream === undefined || c.stream === stream)
        .map((c) => c.text)
        .join(''),
    request: {
      command,
      cwd: dir,
      env,
      onOutput: (chunk: OutputChunk) => chunks.push(chunk),
      ...overrides,
    } satisfies CommandRequest,
  };
}

/** Runs `command` on `using`, aborting it once what it wrote so far matches `ready`. */
async function runAbortingWhen(ready: RegExp, command: string, using = runner) {
  const controller = new AbortController();
  const run = request(command, { signal: controller.signal });
  const result = await using.run({
    ...run.request,
    onOutput: (chunk) => {
      run.chunks.push(chunk);
      if (ready.test(run.text())) controller.abort();
    },
  });
  return { result, text: run.text() };
}

/** True while a process with this pid runs (a zombie waiting to be reaped has stopped). */
function isAlive(pid: number): boolean {
  const stat = readProcStat(String(pid));
  if (stat !== null) return stat.state !== 'Z' && stat.state !== 'X';
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('createProcessRunner', () => {
  it.each([
    ['exit 0', 0],
    ['exit 1', 1],
    ['exit 2', 2],
    ['exit 5', 5],
    ['false | true', 1], // pipefail, as GitHub Actions runs bash steps
    ['false\necho not reached', 1], // -e: a script stops at its first failing line
  ])('reports the exit code of %j as %i', async (command, exitCode) => {
    const run = request(command);
    const result = await runner.run(run.request);
    expect(result).toMatchObject({ kind: 'exited', exitCode });
    expect(run.text()).not.toContain('not reached');
  });

  it('streams stdout and stderr separately, in order, with the given env and cwd only', async () => {
    const run = request(
      'echo "out $GREETING $(pwd)"; echo err >&2; echo "[${HOSTILE_PARENT_VAR:-unset}]"',
      { env: { ...env, GREETING: 'hello' } },
    );
    process.env.HOSTILE_PARENT_VAR = 'leaked';
    try {
      const result = await runner.run(run.request);
      expect(result.kind).toBe('exited');
    } finally {
      delete process.env.HOSTILE_PARENT_VAR;
    }
    expect(run.text('stdout')).toBe(`out hello ${dir}\n[unset]\n`);
    expect(run.text('stderr')).toBe('err\n');
  });

  it('delivers output while the command is still running', async () => {
    const run = request('echo first; sleep 0.3; echo second');
    let seenBeforeEnd = '';
    const result = await runner.run({
      ...run.request,
      onOutput: (chunk) => {
        run.chunks.push(chunk);
        if (!run.text().includes('second')) seenBeforeEnd = run.text();
      },
    });
    expect(result).toMatchObject({ kind: 'exited', exitCode: 0 });
    expect(seenBeforeEnd).toBe('first\n');
  });

  it('reports a command killed by a signal it did not get from us', async () => {
    const result = await runner.run(request('kill -TERM $$').request);
    expect(result).toMatchObject({ kind: 'killed', signal: 'SIGTERM' });
  });

  it('reports a shell that cannot start', async () => {
    const broken = createProcessRunner({
      shell: { file: path.join(dir, 'no-such-shell'), args: [] },
    });
    const result = await broken.run(request('true').request);
    expect(result).toMatchObject({
      kind: 'spawn-failed',
      message: expect.stringContaining('ENOENT'),
    });
  });

  it('stops a background child the command left, says so, and keeps what it wrote', async () => {
    const run = request(
      'trap "" INT; (trap "echo child stopped; exit 0" TERM; echo "pid $BASHPID"; sleep 30 & wait) & sleep 0.2; echo main done',
    );
    const result = await runner.run(run.request);
    const background = Number(/pid (\d+)/.exec(run.text())?.[1]);
    expect(result).toMatchObject({ kind: 'exited', exitCode: 0 });
    expect(isAlive(background)).toBe(false);
    expect(run.text('stdout')).toContain('main done');
    expect(run.text('stdout')).toContain('child stopped');
    expect(run.text('stderr')).toContain(
      '[gh-retry] the command exited but left processes running in the background; stopped them',
    );
  });

  it('does not start a command whose signal is already aborted', async () => {
    const marker = path.join(dir, 'should-not-exist');
    const controller = new AbortController();
    controller.abort();
    const result = await runner.run(
      request(`touch ${marker}`, { signal: controller.signal }).request,
    );
    expect(result).toEqual({ kind: 'cancelled', exitCode: null, signal: null, durationMs: 0 });
    expect(existsSync(marker)).toBe(false);
  });

  it.each([
    ['a plain grandchild', 'sleep 30 & echo "pid $!"; wait'],
    [
      'a grandchild that ignores SIGINT and SIGTERM',
      `trap '' INT TERM; sleep 30 & echo "pid $!"; wait`,
    ],
  ])('on abort, stops the whole process group, including %s', async (_name, command) => {
    const { result, text } = await runAbortingWhen(/pid \d+\n/, command);
    const grandchild = Number(/pid (\d+)/.exec(text)?.[1]);
    expect(grandchild).toBeGreaterThan(0);
    expect(result.kind).toBe('cancelled');
    expect(isAlive(grandchild)).toBe(false);
  });

  it('sends SIGINT first, so a command can clean up', async () => {
    const { result, text } = await runAbortingWhen(
      /ready/,
      `trap 'echo got SIGINT; exit 130' INT; echo ready; sleep 30 & wait`,
    );
    expect(text).toContain('got SIGINT');
    expect(result).toMatchObject({ kind: 'cancelled', exitCode: 130 });
  });

  it('gives SIGINT its own longer grace, so a slow clean-up ends on its own', async () => {
    const patient = createProcessRunner({ graceMs: 300, interruptGraceMs: () => 5_000 });
    const { result, text } = await runAbortingWhen(
      /ready/,
      `trap 'sleep 1; echo cleaned up; exit 130' INT TERM; echo ready; sleep 30 & wait`,
      patient,
    );
    // SIGTERM after 300 ms would have interrupted the trap's sleep: bash runs a trap once.
    expect(text).toContain('cleaned up');
    expect(result).toMatchObject({ kind: 'cancelled', exitCode: 130 });
    expect(result.durationMs).toBeGreaterThanOrEqual(1_000);
  });
});

describe('findShell', () => {
  it.each([
    [process.env.PATH ?? '', /\/bash$/],
    [path.join(dir, 'empty'), /^\/bin\/sh$/],
  ])('picks bash when it is on PATH, else sh (%s)', (searchPath, file) => {
    expect(findShell(searchPath).file).toMatch(file);
  });
});
