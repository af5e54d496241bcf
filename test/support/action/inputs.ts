/**
 * What the Action's unit tests feed it and check it against: raw inputs as the runner hands them
 * over, the runner environment, `action.yml` as declared, and a refusal with its one-line message.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { parse } from 'yaml';
import type { RawInputs } from '../../../action/inputs.js';

const ACTION_YML = path.resolve(import.meta.dirname, '../../../action.yml');

/** The raw (unvalidated) inputs of a step that sets only `commands` and the token. */
export const rawInputs = (overrides: Partial<RawInputs> = {}): RawInputs => ({
  commands: 'dbt seed\ndbt run',
  schedule: '',
  name: '',
  workingDirectory: '',
  githubToken: 'ghs_token',
  retryOf: '',
  retryMode: '',
  onRerun: '',
  artifactRetentionDays: '',
  ...overrides,
});

/** The runner environment of attempt 1 of run 500 of `acme/warehouse`'s nightly, dispatched. */
export const runnerEnv = (overrides: Record<string, string> = {}): NodeJS.ProcessEnv => ({
  GITHUB_REPOSITORY: 'acme/warehouse',
  GITHUB_RUN_ID: '500',
  GITHUB_RUN_ATTEMPT: '1',
  GITHUB_RUN_NUMBER: '42',
  GITHUB_JOB: 'dbt',
  GITHUB_WORKFLOW: 'dbt nightly',
  GITHUB_WORKFLOW_REF: 'acme/warehouse/.github/workflows/nightly.yml@refs/heads/main',
  GITHUB_EVENT_NAME: 'workflow_dispatch',
  GITHUB_ACTOR: 'octocat',
  GITHUB_TRIGGERING_ACTOR: 'hubot',
  GITHUB_SHA: 'abc123',
  GITHUB_REF: 'refs/heads/main',
  GITHUB_SERVER_URL: 'https://github.com',
  GITHUB_API_URL: 'https://api.github.com',
  GITHUB_WORKSPACE: '/work',
  ...overrides,
});

/** The inputs and outputs `action.yml` declares, by name. */
export interface ActionYml {
  readonly inputs: Record<string, { description: string }>;
  readonly outputs: Record<string, unknown>;
}

/** The repository's `action.yml`, parsed. */
export function readActionYml(): ActionYml {
  return parse(readFileSync(ACTION_YML, 'utf8')) as ActionYml;
}

/** Asserts that `fn` throws a `type` whose message contains `message`. */
export function expectRefusal(
  fn: () => unknown,
  type: abstract new (...args: never[]) => Error,
  message: string,
): void {
  let thrown: unknown;
  try {
    fn();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(type);
  expect((thrown as Error).message).toContain(message);
}
