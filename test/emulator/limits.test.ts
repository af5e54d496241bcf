import { Octokit } from '@octokit/rest';
import { beforeEach, describe, expect, it } from 'vitest';
import { useEmulatorWithRepo } from '../support/emulator.js';

// The measured behaviour of github.com (see limits.ts): bytes for a check run's summary, a silent
// cut for its text, characters for comment bodies.
describe('size limits', () => {
  const { gh } = useEmulatorWithRepo({ repo: 'acme/app', files: { 'README.md': 'x\n' } });
  let bot: Octokit;
  let headSha: string;

  beforeEach(() => {
    const app = gh.installApp({ permissions: { checks: 'write', issues: 'write' }, events: [] });
    bot = new Octokit({ auth: gh.installationToken(app.installationId), baseUrl: gh.url });
    headSha = gh.headSha('acme/app');
  });

  const create = (output: { summary: string; text?: string }) =>
    bot.checks.create({
      owner: 'acme',
      repo: 'app',
      name: 'gh-retry',
      head_sha: headSha,
      output: { title: 'Report', ...output },
    });

  it('accepts a summary of 65,534 bytes and refuses one of 65,536 bytes in fewer characters', async () => {
    await expect(create({ summary: 'é'.repeat(32_767) })).resolves.toMatchObject({ status: 201 });
    await expect(create({ summary: 'é'.repeat(32_768) })).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining('summary exceeds a maximum bytesize of 65535'),
    });
    await expect(create({ summary: '✅'.repeat(30_000) })).rejects.toMatchObject({ status: 422 });
  });

  it('keeps the first 65,535 bytes of a text in whole characters, as GitHub does', async () => {
    const created = await create({ summary: 'ok', text: 'é'.repeat(40_000) });
    expect(created.data.output.text).toBe('é'.repeat(32_767));
  });

  it('refuses a comment body over 65,536 characters', async () => {
    const issue = gh.addIssue({ repo: 'acme/app', title: 'Nightly' });
    const comment = (body: string) =>
      bot.issues.createComment({ owner: 'acme', repo: 'app', issue_number: issue.number, body });
    await expect(comment('é'.repeat(65_536))).resolves.toMatchObject({ status: 201 });
    await expect(comment('a'.repeat(65_537))).rejects.toMatchObject({
      status: 422,
      response: {
        data: { errors: [{ message: 'Body is too long (maximum is 65536 characters)' }] },
      },
    });
  });
});
