import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { useEmulator } from '../support/emulator.js';

const workflow = (concurrency: string): string => `name: Nightly
on:
  workflow_dispatch:
    inputs:
      retry-of: { type: string, default: '' }
${concurrency}
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo hi
`;

describe('concurrency groups', () => {
  const gh = useEmulator();
  const seed = (concurrency: string): void => {
    gh.seedRepo({ repo: 'acme/data', files: { '.github/workflows/n.yml': workflow(concurrency) } });
  };
  const dispatch = async (inputs: Record<string, string> = {}): Promise<number> =>
    await gh.startRun({ repo: 'acme/data', workflow: 'n.yml', inputs });
  const states = (...ids: number[]): string[] =>
    ids.map((id) => {
      const run = gh.run(id);
      return run.status === 'completed'
        ? `completed/${String(run.conclusion)}`
        : String(run.status);
    });

  it('keeps one running and one pending run; a newer pending run cancels the older one', async () => {
    seed('concurrency:\n  group: nightly\n  cancel-in-progress: false');
    const first = await dispatch();
    const second = await dispatch();
    expect(states(first, second)).toEqual(['queued', 'pending']);
    const third = await dispatch();
    expect(states(first, second, third)).toEqual(['queued', 'completed/cancelled', 'pending']);
    gh.completeRun(first, 'failure');
    expect(states(first, third)).toEqual(['completed/failure', 'queued']);
    gh.completeRun(third, 'success');
    expect(states(third)).toEqual(['completed/success']);
  });

  it('cancels the running run with cancel-in-progress and starts the newer one', async () => {
    seed('concurrency:\n  group: nightly\n  cancel-in-progress: true');
    const first = await dispatch();
    const second = await dispatch();
    expect(states(first, second)).toEqual(['completed/cancelled', 'queued']);
  });

  it('evaluates the group per run: runs of different groups do not wait for each other', async () => {
    seed(
      "concurrency: nightly-${{ inputs.retry-of && format('retry-{0}', inputs.retry-of) || 'main' }}",
    );
    const first = await dispatch();
    const retry = await dispatch({ 'retry-of': String(first) });
    const other = await dispatch();
    expect(states(first, retry, other)).toEqual(['queued', 'queued', 'pending']);
    const secondRetry = await dispatch({ 'retry-of': String(first) });
    expect(states(retry, secondRetry)).toEqual(['queued', 'pending']);
  });

  it('lets a re-run wait for its group like a new run', async () => {
    seed('concurrency: nightly');
    const first = await dispatch();
    gh.completeRun(first, 'failure');
    const second = await dispatch();
    gh.rerunFailedJobs(first);
    expect(states(second, first)).toEqual(['queued', 'pending']);
    gh.completeRun(second, 'success');
    expect(states(first)).toEqual(['queued']);
  });

  it('examples/dbt-nightly.yml: newer nightlies never cancel a retry', async () => {
    const example = readFileSync(
      new URL('../../examples/dbt-nightly.yml', import.meta.url),
      'utf8',
    );
    gh.seedRepo({ repo: 'acme/data', files: { '.github/workflows/n.yml': example } });
    const nightly = await dispatch();
    const retry = await dispatch({ 'retry-of': '8000000000' });
    const next = await dispatch();
    const later = await dispatch();
    expect(states(nightly, retry, next, later)).toEqual([
      'queued',
      'queued',
      'completed/cancelled',
      'pending',
    ]);
  });
});
