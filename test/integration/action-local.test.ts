/**
 * The Action runs under GitHub's `@github/local-action` (`local-action run <dir> <entry> <.env>`),
 * which imports the entry's `run()` export with its own stubs of `@actions/core` and
 * `@actions/artifact`: a schedule is tried locally from a `.env` file, and the record goes to
 * `LOCAL_ACTION_ARTIFACT_PATH` instead of GitHub. No network: `GITHUB_API_URL` points at a closed
 * local port, so any API call would fail the run.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const dir = mkdtempSync(path.join(tmpdir(), 'gh-retry-local-action-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function dotenv(): string {
  for (const sub of ['workspace', 'artifacts', 'temp']) mkdirSync(path.join(dir, sub));
  writeFileSync(path.join(dir, 'summary.md'), '');
  const file = path.join(dir, '.env');
  writeFileSync(
    file,
    [
      `LOCAL_ACTION_WORKSPACE=${path.join(dir, 'workspace')}`,
      `LOCAL_ACTION_ARTIFACT_PATH=${path.join(dir, 'artifacts')}`,
      'INPUT_NAME=nightly',
      'INPUT_COMMANDS="echo building\nsh -c \'echo broken >&2; exit 3\'"',
      'GITHUB_REPOSITORY=acme/data',
      'GITHUB_RUN_ID=1001',
      'GITHUB_RUN_ATTEMPT=1',
      'GITHUB_JOB=nightly',
      'GITHUB_WORKFLOW=Nightly',
      'GITHUB_EVENT_NAME=schedule',
      'GITHUB_API_URL=http://127.0.0.1:9',
      `GITHUB_WORKSPACE=${path.join(dir, 'workspace')}`,
      `RUNNER_TEMP=${path.join(dir, 'temp')}`,
      `GITHUB_STEP_SUMMARY=${path.join(dir, 'summary.md')}`,
      '',
    ].join('\n'),
  );
  return file;
}

describe('@github/local-action', () => {
  it('runs a schedule from a .env file and keeps the record in the local artifact folder', () => {
    const bin = path.join(repoRoot, 'node_modules/.bin/local-action');
    const result = spawnSync(bin, ['run', repoRoot, 'action/run.ts', dotenv()], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { PATH: process.env.PATH, HOME: process.env.HOME, DO_NOT_TRACK: '1' },
      timeout: 240_000,
    });
    const output = `${result.stdout}\n${result.stderr}`;
    expect(output).toContain('[1/2] ✅ echo building: success');
    expect(output).toMatch(/\[2\/2\] ❌ .*exit 3/);
    expect(output).toContain('::set-output name=status::failed');
    expect(output).toContain('::set-output name=failed-steps::sh');
    expect(output).toMatch(/Uploaded the run record as artifact "gh-retry-nightly-1"/);
    expect(readdirSync(path.join(dir, 'artifacts'))).toEqual(['gh-retry-nightly-1.zip']);
    expect(readFileSync(path.join(dir, 'summary.md'), 'utf8')).toContain('nightly failed');
  });
});
