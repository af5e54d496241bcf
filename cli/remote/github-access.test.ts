import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveApi, resolveToken } from './github-access.js';

const bin = mkdtempSync(path.join(tmpdir(), 'gh-retry-access-'));
// A stand-in for the GitHub CLI: prints a token per host, as `gh auth token --hostname H` does.
writeFileSync(
  path.join(bin, 'gh'),
  '#!/bin/sh\n[ "$1 $2 $3" = "auth token --hostname" ] || exit 1\n[ "$4" = "github.com" ] && echo gho_from_gh && exit 0\nexit 1\n',
);
chmodSync(path.join(bin, 'gh'), 0o755);
afterAll(() => {
  rmSync(bin, { recursive: true, force: true });
});

describe('resolveApi', () => {
  it.each([
    [{}, null, 'https://api.github.com', 'github.com'],
    [{}, 'ghe.example.com', 'https://ghe.example.com/api/v3', 'ghe.example.com'],
    [{ GH_HOST: 'ghe.example.com' }, null, 'https://ghe.example.com/api/v3', 'ghe.example.com'],
    [
      { GH_HOST: 'other.example.com' },
      'ghe.example.com',
      'https://ghe.example.com/api/v3',
      'ghe.example.com',
    ],
    [{ GITHUB_API_URL: 'http://127.0.0.1:9/' }, 'github.com', 'http://127.0.0.1:9', 'github.com'],
  ])('env %j, URL host %s → %s', (env, host, apiUrl, tokenHost) => {
    expect(resolveApi(env, host)).toEqual({ apiUrl, host: tokenHost });
  });
});

describe('resolveToken', () => {
  it('takes GH_TOKEN, then GITHUB_TOKEN', async () => {
    const env = { GH_TOKEN: 'ghp_a', GITHUB_TOKEN: 'ghp_b', PATH: bin };
    expect(await resolveToken(env, 'github.com')).toBe('ghp_a');
    expect(await resolveToken({ ...env, GH_TOKEN: ' ' }, 'github.com')).toBe('ghp_b');
  });

  it('else asks `gh auth token` for the host', async () => {
    expect(await resolveToken({ PATH: bin }, 'github.com')).toBe('gho_from_gh');
  });

  it('without any token says how to get one, naming no token', async () => {
    const missing = resolveToken({ PATH: bin }, 'ghe.example.com');
    await expect(missing).rejects.toThrow(
      'no GitHub token: set GH_TOKEN, or install the GitHub CLI and run "gh auth login --hostname ghe.example.com"',
    );
    const noGh = resolveToken({ PATH: path.join(bin, 'nowhere') }, 'github.com');
    await expect(noGh).rejects.toThrow(/no GitHub token/);
  });
});
