/**
 * The seed file of the standalone emulator (YAML or JSON): repositories, Apps, jobs and users
 * to create at start.
 */
import { isAbsolute, resolve } from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';
import type { AppCredentials, GitHubEmulator } from './index.js';

const role = z.enum(['admin', 'maintain', 'write', 'triage', 'read']);
const level = z.enum(['read', 'write', 'admin']);

const seedSchema = z.strictObject({
  repos: z
    .array(
      z.strictObject({
        repo: z.string().regex(/^[^/]+\/[^/]+$/),
        private: z.boolean().optional(),
        defaultBranch: z.string().optional(),
        files: z.record(z.string(), z.string()).optional(),
        branches: z.record(z.string(), z.record(z.string(), z.string())).optional(),
        collaborators: z.record(z.string(), role).optional(),
      }),
    )
    .default([]),
  apps: z
    .array(
      z.strictObject({
        slug: z.string().optional(),
        permissions: z.record(z.string(), level),
        events: z.array(z.string()),
        account: z.string().optional(),
        webhookUrl: z.url().optional(),
      }),
    )
    .default([]),
  /** Workflow path → how its gh-retry job runs (`action` dir or `command`), relative to the seed file. */
  jobs: z
    .record(
      z.string(),
      z.strictObject({
        action: z.string().optional(),
        command: z.array(z.string()).optional(),
        post: z.array(z.string()).optional(),
        env: z.record(z.string(), z.string()).optional(),
      }),
    )
    .default({}),
  /** Users to mint personal access tokens for. */
  users: z.array(z.string()).default([]),
});

/** A parsed seed file. */
export type SeedFile = z.infer<typeof seedSchema>;

/** Parse seed file text (YAML is a superset of JSON). */
export function parseSeedFile(text: string): SeedFile {
  return seedSchema.parse(parse(text));
}

/** What applying a seed produced: App credentials and user tokens to print. */
export interface AppliedSeed {
  readonly apps: readonly AppCredentials[];
  readonly tokens: Readonly<Record<string, string>>;
}

/** Create everything the seed describes; relative job paths resolve against `baseDir`. */
export function applySeed(gh: GitHubEmulator, seed: SeedFile, baseDir: string): AppliedSeed {
  for (const repo of seed.repos) gh.seedRepo(repo);
  const apps = seed.apps.map((app) =>
    gh.installApp({
      ...(app.slug ? { slug: app.slug } : {}),
      ...(app.account ? { account: app.account } : {}),
      permissions: app.permissions,
      events: app.events,
      ...(app.webhookUrl ? { webhook: { kind: 'url' as const, url: app.webhookUrl } } : {}),
    }),
  );
  const local = (path: string): string => (isAbsolute(path) ? path : resolve(baseDir, path));
  for (const [path, job] of Object.entries(seed.jobs)) {
    gh.onWorkflow(path, {
      ...(job.action ? { action: local(job.action) } : {}),
      ...(job.command
        ? {
            command: job.command.map((part, i) =>
              i === 0 ? part : part.startsWith('.') ? local(part) : part,
            ),
          }
        : {}),
      ...(job.post ? { post: job.post } : {}),
      ...(job.env ? { env: job.env } : {}),
    });
  }
  const owners = new Set([
    ...seed.users,
    ...seed.repos.map((repo) => repo.repo.split('/')[0] ?? ''),
  ]);
  const tokens = Object.fromEntries(
    [...owners].filter(Boolean).map((login) => [login, gh.userToken(login)]),
  );
  return { apps, tokens };
}
