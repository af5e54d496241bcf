import { execa } from 'execa';

/** The commit and branch of a working directory; nulls outside a git repository. */
export interface GitInfo {
  readonly sha: string | null;
  readonly ref: string | null;
}

/** Read HEAD's sha and branch name with git; a missing git or repository gives nulls. */
export async function readGitInfo(cwd: string): Promise<GitInfo> {
  const [sha, ref] = await Promise.all([
    readGit(cwd, ['rev-parse', '--verify', '--quiet', 'HEAD']),
    readGit(cwd, ['symbolic-ref', '--quiet', 'HEAD']),
  ]);
  return { sha: sha !== null && /^[0-9a-f]{40,64}$/.test(sha) ? sha : null, ref };
}

async function readGit(cwd: string, args: readonly string[]): Promise<string | null> {
  const result = await execa('git', args, { cwd, reject: false, stdin: 'ignore', timeout: 10_000 });
  const out = typeof result.stdout === 'string' ? result.stdout.trim() : '';
  return result.exitCode === 0 && out !== '' ? out : null;
}
