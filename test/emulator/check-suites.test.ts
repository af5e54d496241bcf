import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type GitHubEmulator } from './index.js';

const workflow = (name: string): string => `name: ${name}
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - run: echo ${name}
`;

describe('check runs made with a GITHUB_TOKEN', () => {
  let gh: GitHubEmulator;
  beforeEach(async () => {
    gh = await startEmulator();
  });
  afterEach(async () => {
    await gh.stop();
  });

  it("join the oldest GitHub Actions suite on the commit, not their own run's", async () => {
    gh.seedRepo({
      repo: 'acme/data',
      files: {
        '.github/workflows/a.yml': workflow('A'),
        '.github/workflows/b.yml': workflow('B'),
      },
    });
    const { runs } = await gh.fire({
      kind: 'push',
      repo: 'acme/data',
      branch: 'main',
      files: { 'x.txt': 'x' },
    });
    const [first, second] = runs.map((id) => gh.run(id));
    expect(first!.check_suite_id).not.toBe(second!.check_suite_id);
    const token = gh.actionsToken({
      repo: 'acme/data',
      runId: Number(second!.id),
      permissions: { checks: 'write' },
    });
    const response = await fetch(`${gh.url}/repos/acme/data/check-runs`, {
      method: 'POST',
      headers: { authorization: `token ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'gh-retry', head_sha: second!.head_sha }),
    });
    expect(response.status).toBe(201);
    const check = (await response.json()) as { check_suite: { id: number }; app: { slug: string } };
    expect(check.app.slug).toBe('github-actions');
    expect(check.check_suite.id).toBe(first!.check_suite_id);
  });
});
