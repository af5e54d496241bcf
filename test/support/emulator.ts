/**
 * The GitHub emulator started the way most tests and benchmarks start it: on free loopback ports,
 * with one seeded repository and a REST client signed in as its owner (a personal token).
 * `useEmulator…` registers the start and the stop (or the stop only) as hooks of the enclosing
 * describe block.
 */
import { Octokit } from '@octokit/rest';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import {
  startEmulator,
  type EmulatorOptions,
  type FireResult,
  type GitHubEmulator,
  type SeedRepoOptions,
} from '../emulator/index.js';

/** A started emulator, its seeded repository and the owner's client. */
export interface EmulatorWithRepo {
  readonly gh: GitHubEmulator;
  readonly octokit: Octokit;
  readonly repo: ReturnType<GitHubEmulator['seedRepo']>;
}

/** Start an emulator and seed `seed` in it; the caller stops it. */
export async function startEmulatorWithRepo(
  seed: SeedRepoOptions,
  options: EmulatorOptions = {},
): Promise<EmulatorWithRepo> {
  const gh = await startEmulator(options);
  let repo: EmulatorWithRepo['repo'];
  try {
    repo = gh.seedRepo(seed);
  } catch (error) {
    await gh.stop();
    throw error;
  }
  const owner = seed.repo.split('/')[0]!;
  return { gh, repo, octokit: new Octokit({ auth: gh.userToken(owner), baseUrl: gh.url }) };
}

/** `user` (default `mona`) comments `/retry` on pull request or issue `issue` of `repo`. */
export async function commentRetry(
  gh: GitHubEmulator,
  target: { readonly repo: string; readonly issue: number; readonly user?: string },
): Promise<FireResult> {
  return await gh.fire({
    kind: 'issue_comment',
    repo: target.repo,
    issue: target.issue,
    body: '/retry',
    user: target.user ?? 'mona',
  });
}

/** How long one emulator lives: a fresh one per test (default), or one for the describe block. */
export interface EmulatorLifetime {
  readonly per?: 'test' | 'block';
}

/**
 * A fresh emulator per test (or per block), started before and stopped after it (the stop throws
 * on a recorded violation, so it fails the test). The returned objects stand for the emulator of
 * the running test: use them inside tests and hooks only.
 */
export function useEmulator(options: EmulatorOptions & EmulatorLifetime = {}): GitHubEmulator {
  const started = useStarted(async () => ({ gh: await startEmulator(options) }), options);
  return standIn(() => started().gh);
}

/** `useEmulator` with a seeded repository and its owner's client. */
export function useEmulatorWithRepo(
  seed: SeedRepoOptions,
  options: EmulatorOptions & EmulatorLifetime = {},
): Omit<EmulatorWithRepo, 'repo'> {
  const started = useStarted(async () => await startEmulatorWithRepo(seed, options), options);
  return { gh: standIn(() => started().gh), octokit: standIn(() => started().octokit) };
}

/**
 * An emulator with `seed` that each test starts itself, with options of its own (`start`), and
 * that is stopped after the test. `gh` stands for the running test's emulator once started.
 */
export function useEmulatorStartedByTest(seed: SeedRepoOptions): {
  readonly gh: GitHubEmulator;
  readonly start: (options: EmulatorOptions) => Promise<void>;
} {
  let current: GitHubEmulator | undefined;
  afterEach(async () => {
    const stopping = current;
    current = undefined;
    await stopping?.stop();
  });
  return {
    gh: standIn(() => {
      if (!current) throw new Error('the test has not started its emulator');
      return current;
    }),
    start: async (options) => {
      current = (await startEmulatorWithRepo(seed, options)).gh;
    },
  };
}

/** Register the start and the stop as hooks; returns what the running test's start gave. */
function useStarted<T extends { gh: GitHubEmulator }>(
  start: () => Promise<T>,
  lifetime: EmulatorLifetime,
): () => T {
  let current: T | undefined;
  const [before, after] =
    lifetime.per === 'block' ? [beforeAll, afterAll] : [beforeEach, afterEach];
  before(async () => {
    current = await start();
  });
  after(async () => {
    const stopping = current;
    current = undefined;
    await stopping?.gh.stop();
  });
  return () => {
    if (!current) throw new Error('the emulator runs only inside tests and their hooks');
    return current;
  };
}

/** An object that forwards every property read to what `current` returns at the time of the read. */
function standIn<T extends object>(current: () => T): T {
  return new Proxy({} as T, { get: (_target, key) => Reflect.get(current(), key) as unknown });
}
