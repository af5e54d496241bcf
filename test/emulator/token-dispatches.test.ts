import { describe, expect, it } from 'vitest';
import { useEmulatorStartedByTest } from '../support/emulator.js';
import { oneJobWorkflow } from '../support/emulator-repo.js';

const REPO = 'acme/data';

/** Build: on pushes and on dispatch. */
const build = `name: Build\n${oneJobWorkflow('[push, workflow_dispatch]')}`;

/** Listener: on completed Build runs, with a token that may dispatch. */
const listener = `name: Listener\npermissions:\n  actions: write\n${oneJobWorkflow(
  '{ workflow_run: { workflows: [Build], types: [completed] } }',
)}`;

/**
 * What GitHub does not document about a run dispatched with a `GITHUB_TOKEN` (docs/app.md):
 * the emulator's `tokenDispatches` switch models each answer.
 */
describe('runs dispatched with a GITHUB_TOKEN (tokenDispatches)', () => {
  const { gh, start } = useEmulatorStartedByTest({
    repo: REPO,
    files: {
      '.github/workflows/build.yml': build,
      '.github/workflows/listener.yml': listener,
    },
  });

  const listeners = (): number[] =>
    gh
      .runs(REPO)
      .filter((run) => run.path.startsWith('.github/workflows/listener.yml'))
      .map((run) => Number(run.id));

  /** Dispatch Build with the listener run's token, complete it; the listener runs it started. */
  async function dispatchFrom(listenerRun: number): Promise<number[]> {
    const token = gh.actionsToken({
      repo: REPO,
      runId: listenerRun,
      permissions: { actions: 'write' },
    });
    const response = await fetch(`${gh.url}/repos/${REPO}/actions/workflows/build.yml/dispatches`, {
      method: 'POST',
      headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ ref: 'main', return_run_details: true }),
    });
    expect(response.status).toBe(200);
    const { workflow_run_id: runId } = (await response.json()) as { workflow_run_id: number };
    const before = listeners();
    gh.completeRun(runId, 'failure');
    await gh.idle();
    return listeners().filter((id) => !before.includes(id));
  }

  async function firstListener(): Promise<number> {
    const { runs } = await gh.fire({ kind: 'push', repo: REPO, branch: 'main', files: { a: 'a' } });
    gh.completeRun(runs[0]!, 'failure');
    await gh.idle();
    const [first] = listeners();
    if (first === undefined) throw new Error('the push started no listener');
    return first;
  }

  it('fires: each dispatch starts a new chain, so the listener hears every dispatched run', async () => {
    await start({ tokenDispatches: 'fires' });
    let from = await firstListener();
    for (let level = 0; level < 4; level += 1) {
      const heard = await dispatchFrom(from);
      expect(heard).toHaveLength(1);
      from = heard[0]!;
    }
  });

  it('silent: a dispatched run fires no workflow_run workflows', async () => {
    await start({ tokenDispatches: 'silent' });
    expect(await dispatchFrom(await firstListener())).toEqual([]);
  });

  it('chained: the dispatch stays in its dispatcher’s chain, which ends after three levels', async () => {
    await start({ tokenDispatches: 'chained' });
    const level1 = await firstListener();
    const level2 = await dispatchFrom(level1);
    expect(level2).toHaveLength(1);
    const level3 = await dispatchFrom(level2[0]!);
    expect(level3).toHaveLength(1);
    expect(await dispatchFrom(level3[0]!)).toEqual([]);
  });
});
