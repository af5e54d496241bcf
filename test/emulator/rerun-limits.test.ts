import { describe, expect, it } from 'vitest';
import { useEmulatorWithRepo } from '../support/emulator.js';

// GitHub's docs: a run can be re-run "up to 30 days after its initial run", and "a maximum of 50
// times"; past 50, the changelog says the re-run's check suite fails at once.
describe('re-run limits', () => {
  const { gh, octokit } = useEmulatorWithRepo({
    repo: 'acme/app',
    files: {
      '.github/workflows/ci.yml':
        'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{ run: echo }]\n',
    },
  });

  const rerun = async (runId: number) =>
    await octokit.actions.reRunWorkflowFailedJobs({ owner: 'acme', repo: 'app', run_id: runId });
  const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();

  it('refuses to re-run a run created more than 30 days ago, with 403', async () => {
    const recent = gh.addRun({
      repo: 'acme/app',
      workflow: 'ci.yml',
      conclusion: 'failure',
      createdAt: daysAgo(29),
    });
    const old = gh.addRun({
      repo: 'acme/app',
      workflow: 'ci.yml',
      conclusion: 'failure',
      createdAt: daysAgo(31),
    });

    await expect(rerun(recent)).resolves.toMatchObject({ status: 201 });
    await expect(rerun(old)).rejects.toMatchObject({
      status: 403,
      response: { data: { message: 'This workflow run cannot be retried' } },
    });
    expect(gh.run(old).run_attempt).toBe(1);
  });

  it('accepts a 51st re-run but fails its attempt at once, without running the job', async () => {
    const capped = gh.addRun({
      repo: 'acme/app',
      workflow: 'ci.yml',
      conclusion: 'failure',
      attempts: 51,
    });
    expect(gh.run(capped).run_attempt).toBe(51);

    await expect(rerun(capped)).resolves.toMatchObject({ status: 201 });
    expect(gh.run(capped)).toMatchObject({
      run_attempt: 52,
      status: 'completed',
      conclusion: 'failure',
    });
    expect(gh.jobResults(capped)).toEqual([]);
  });
});
