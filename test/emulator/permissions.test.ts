import { describe, expect, it } from 'vitest';
import { useEmulator } from '../support/emulator.js';

const workflow = (permissions: string) =>
  `on: workflow_dispatch\n${permissions}jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./\n        with: { token: '\${{ github.token }}' }\n`;

/** The job reads its own run and its workflow file with its GITHUB_TOKEN and prints the statuses. */
const probe = `
const { GITHUB_API_URL: api, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run, INPUT_TOKEN: token } = process.env;
const get = (path) => fetch(api + '/repos/' + repo + path, { headers: { authorization: 'Bearer ' + token } });
const runs = await get('/actions/runs/' + run);
const contents = await get('/contents/README.md');
console.log('run ' + runs.status + ' contents ' + contents.status);
`;

// The GITHUB_TOKEN a run gets: the workflow's `permissions:`, else the repository's default, which
// is restricted (contents and packages read, `actions: none`) for repositories created since 2023.
describe('GITHUB_TOKEN permissions', () => {
  const gh = useEmulator();

  async function statusesOf(repo: string, text: string, defaults?: 'read' | 'write') {
    gh.seedRepo({
      repo,
      private: true,
      files: { 'README.md': 'x\n', '.github/workflows/w.yml': text },
      defaultWorkflowPermissions: defaults,
    });
    gh.onWorkflow(`${repo}:.github/workflows/w.yml`, {
      command: [process.execPath, '--input-type=module', '-e', probe],
    });
    const runId = await gh.startRun({ repo, workflow: 'w.yml' });
    await gh.waitForRun(runId);
    return /run \d+ contents \d+/.exec(gh.jobResults(runId)[0]?.main?.stdout ?? '')?.[0];
  }

  it('is restricted by default: contents read, actions none', async () => {
    expect(await statusesOf('acme/restricted', workflow(''))).toBe('run 403 contents 200');
  });

  it('reads runs when the workflow grants actions: read, or the repository is permissive', async () => {
    const granted = workflow('permissions:\n  actions: read\n  contents: read\n');
    expect(await statusesOf('acme/granted', granted)).toBe('run 200 contents 200');
    expect(await statusesOf('acme/permissive', workflow(''), 'write')).toBe('run 200 contents 200');
  });

  it('is read-only on a pull request from a fork, whatever the workflow asks', async () => {
    const onPull = `on: pull_request\npermissions:\n  actions: read\n  checks: write\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: ./\n        with: { token: '\${{ github.token }}' }\n`;
    // Reads its run, then tries to create a check run on the head commit (checks: write).
    const writer = `
const { GITHUB_API_URL: api, GITHUB_REPOSITORY: repo, GITHUB_RUN_ID: run, GITHUB_EVENT_PATH: event, INPUT_TOKEN: token } = process.env;
const { readFileSync } = await import('node:fs');
const sha = JSON.parse(readFileSync(event, 'utf8')).pull_request.head.sha;
const headers = { authorization: 'Bearer ' + token, 'content-type': 'application/json' };
const read = await fetch(api + '/repos/' + repo + '/actions/runs/' + run, { headers });
const write = await fetch(api + '/repos/' + repo + '/check-runs', { method: 'POST', headers, body: JSON.stringify({ name: 'probe', head_sha: sha }) });
console.log('read ' + read.status + ' write ' + write.status);
`;
    gh.seedRepo({ repo: 'acme/app', files: { '.github/workflows/w.yml': onPull } });
    gh.onWorkflow('acme/app:.github/workflows/w.yml', {
      command: [process.execPath, '--input-type=module', '-e', writer],
    });
    const statusesFor = async (fork: string | false, head: string) => {
      const pr = gh.addPullRequest({ repo: 'acme/app', head, fork });
      const { runs } = await gh.fire({
        kind: 'pull_request',
        action: 'opened',
        repo: 'acme/app',
        number: pr.number,
      });
      await gh.waitForRun(runs[0]!);
      return /read \d+ write \d+/.exec(gh.jobResults(runs[0]!)[0]?.main?.stdout ?? '')?.[0];
    };
    expect(await statusesFor(false, 'feature')).toBe('read 200 write 201');
    expect(await statusesFor('outsider', 'patch')).toBe('read 200 write 403');
  });
});
