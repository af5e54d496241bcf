// No orphan processes: whatever signal stops gh-retry while a step runs (a closed terminal, kill,
// Ctrl-\, a second Ctrl-C to a step that ignores the first), the step's whole process group is
// stopped, the record says the run was cancelled, and the exit code names the signal.
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { useTempDir, runCli, startCli, waitForStdout } from '../support/cli.js';

const temp = useTempDir('signals');

/** Live (not zombie) members of a process group, from /proc. */
function groupMembers(pgid: number): string[] {
  return readdirSync('/proc').filter((entry) => {
    if (!/^\d+$/.test(entry)) return false;
    try {
      const text = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
      return Number(fields[2]) === pgid && fields[0] !== 'Z' && fields[0] !== 'X';
    } catch {
      return false;
    }
  });
}

function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // already gone
  }
}

/** A step that starts a child in the background and waits; `ignore` lists signals it ignores. */
function stepCommand(ignore: string): string {
  const trap = ignore === '' ? '' : `trap '' ${ignore}; `;
  return `${trap}sleep 60 & echo "group $$"; wait`;
}

async function stopWith(params: { name: string; signals: NodeJS.Signals[]; ignore?: string }) {
  const cwd = path.join(temp.dir, params.name);
  mkdirSync(cwd);
  const cli = startCli(['run', '--command', stepCommand(params.ignore ?? '')], { cwd });
  const group = Number((await waitForStdout(cli, /group (\d+)/))[1]);
  try {
    for (const signal of params.signals) {
      cli.kill(signal);
      // Let gh-retry take the first signal before the next one arrives.
      await delay(300);
    }
    const result = await cli;
    return { cwd, group, members: groupMembers(group), result };
  } finally {
    killGroup(group);
  }
}

describe.each([
  { signal: 'SIGHUP' as const, code: 129 },
  { signal: 'SIGQUIT' as const, code: 131 },
  { signal: 'SIGTERM' as const, code: 143 },
])('gh-retry stopped by $signal', ({ signal, code }) => {
  it(`stops the step's process group, records the run as cancelled and exits ${code}`, async () => {
    const { cwd, members, result } = await stopWith({ name: signal, signals: [signal] });
    expect(members).toEqual([]);
    expect(result.exitCode).toBe(code);
    expect(result.stderr).toContain(`${signal} received, stopping the running step`);
    const shown = await runCli(['show', 'last', '--json'], { cwd });
    const record = JSON.parse(shown.stdout) as { status: string; steps: { status: string }[] };
    expect(record.status).toBe('cancelled');
    expect(record.steps.map((s) => s.status)).toEqual(['cancelled']);
  });
});

describe('a second Ctrl-C', () => {
  it('kills a step that ignores SIGINT and SIGTERM at once, and the record is still saved', async () => {
    const { cwd, members, result } = await stopWith({
      name: 'twice',
      signals: ['SIGINT', 'SIGINT'],
      ignore: 'INT TERM',
    });
    expect(members).toEqual([]);
    expect(result.exitCode).toBe(130);
    expect(result.stderr).toContain('SIGINT received again, killing the running step');
    const shown = await runCli(['show', 'last', '--json'], { cwd });
    expect((JSON.parse(shown.stdout) as { status: string }).status).toBe('cancelled');
  });
});
