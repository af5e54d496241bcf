/** Workflow files for the App's tests: gh-retry workflows with and without a dispatch trigger. */
import type { SeedRepoOptions } from '../../emulator/index.js';
import { commandLines, DISPATCH_TRIGGER, RUN_NAME_LINE } from '../workflows.js';

const DBT_COMMANDS = ['dbt deps', 'dbt run', 'dbt test'];

function steps(name: string, commands: readonly string[] = DBT_COMMANDS): string {
  // A retry reads the parent run with the GITHUB_TOKEN: restricted defaults give `actions: none`.
  return `permissions:
  actions: read
  contents: read
jobs:
  schedule:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: ./
        with:
          name: ${name}
          commands: |
${commandLines(commands)}`;
}

/** A gh-retry workflow on pull requests, pushes to main and dispatch, titled "Retry of #N" when retrying. */
export function retryWorkflow(name: string, commands?: readonly string[]): string {
  return `name: ${name}
${RUN_NAME_LINE}
on:
  pull_request:
  push:
    branches: [main]
${DISPATCH_TRIGGER}
${steps(name.toLowerCase(), commands)}`;
}

/** A gh-retry workflow with the dispatch trigger but no `run-name`: its retries have no telling title. */
export function untitledRetryWorkflow(name: string): string {
  return `name: ${name}
on:
  pull_request:
${DISPATCH_TRIGGER}
${steps(name.toLowerCase())}`;
}

/** A gh-retry workflow whose dispatch trigger declares `retry-of` only (no `retry-mode`). */
export function retryOfOnlyWorkflow(name: string): string {
  return `name: ${name}
on:
  pull_request:
  workflow_dispatch:
    inputs:
      retry-of:
        required: false
        type: string
${steps(name.toLowerCase())}`;
}

/** A gh-retry workflow that cannot be dispatched: pull requests only. */
export function pullRequestOnlyWorkflow(name: string): string {
  return `name: ${name}
on:
  pull_request:
${steps(name.toLowerCase())}`;
}

/** The bot hosted in a workflow, on /retry comments and on completed runs of `workflows`. */
export function botWorkflow(workflows: readonly string[]): string {
  return `name: gh-retry bot
on:
  issue_comment:
    types: [created]
  workflow_run:
    workflows: [${workflows.join(', ')}]
    types: [completed]
permissions:
  actions: write
  checks: write
  contents: read
  issues: write
  pull-requests: read
jobs:
  bot:
    runs-on: ubuntu-latest
    steps:
      - uses: gh-retry/gh-retry/app@v1
`;
}

/**
 * The App tests' repository `repo`: the Nightly retry workflow beside the files of `overrides`,
 * mona a writer; the rest of `overrides` wins.
 */
export function nightlyRepo(
  repo: string,
  overrides: Partial<SeedRepoOptions> = {},
): SeedRepoOptions {
  return {
    repo,
    collaborators: { mona: 'write' },
    ...overrides,
    files: { '.github/workflows/nightly.yml': retryWorkflow('Nightly'), ...overrides.files },
  };
}
