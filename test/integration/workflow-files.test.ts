/**
 * Every workflow the project ships, documents or generates is one GitHub accepts: each is parsed
 * by GitHub's own workflow parser (`@actions/workflow-parser`, through the emulator's
 * `parseWithGitHub`, which adds the service checks the package lacks).
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dbtWorkflow, scheduleWorkflow } from '../support/e2e/workflows.js';
import { parseWithGitHub } from '../emulator/github-workflow.js';
import { nightlyWorkflow } from '../support/action/harness.js';
import {
  botWorkflow,
  pullRequestOnlyWorkflow,
  retryOfOnlyWorkflow,
  retryWorkflow,
  untitledRetryWorkflow,
} from '../support/app/workflows.js';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file: string) => readFileSync(path.join(repoRoot, file), 'utf8');

/** A job GitHub accepts, appended to documented fragments that show only `on:` and `run-name`. */
const PLACEHOLDER_JOB =
  'jobs:\n  placeholder:\n    runs-on: ubuntu-latest\n    steps: [{ run: echo }]\n';

function yamlFiles(directory: string): string[] {
  return readdirSync(path.join(repoRoot, directory))
    .filter((name) => /\.ya?ml$/.test(name))
    .map((name) => `${directory}/${name}`);
}

/** Workflow blocks of a Markdown file: ```yaml blocks with a top-level `on:`. */
function documentedWorkflows(file: string): [string, string][] {
  const blocks = [...read(file).matchAll(/^```ya?ml\n([\s\S]*?)^```$/gm)].map((m) => m[1] ?? '');
  return blocks
    .filter((block) => /^on:/m.test(block))
    .map((block, index) => [
      `${file} workflow block ${index + 1}`,
      /^jobs:/m.test(block) ? block : `${block}${PLACEHOLDER_JOB}`,
    ]);
}

function isWorkflowFile(file: string): boolean {
  return /^on:/m.test(read(file)) && /^jobs:/m.test(read(file));
}

const shipped = [...yamlFiles('examples'), ...yamlFiles('.github/workflows')]
  .filter(isWorkflowFile)
  .map((file): [string, string] => [file, read(file)]);
const markdown = readdirSync(path.join(repoRoot, 'docs'))
  .filter((name) => name.endsWith('.md'))
  .map((name) => `docs/${name}`);
const documented = ['README.md', ...markdown].flatMap(documentedWorkflows);
const generated: [string, string][] = [
  ['action harness nightlyWorkflow()', nightlyWorkflow()],
  [
    'action harness nightlyWorkflow(with)',
    nightlyWorkflow({ commands: 'dbt run', with: { x: 'y' } }),
  ],
  ['e2e dbtWorkflow()', dbtWorkflow(['dbt docs generate'])],
  [
    'e2e scheduleWorkflow()',
    scheduleWorkflow({
      name: 'E2E',
      job: 'e2e',
      scheduleName: 'e2e',
      commands: ['npx playwright test'],
    }),
  ],
  ['app retryWorkflow()', retryWorkflow('Nightly', ['echo ok'])],
  ['app untitledRetryWorkflow()', untitledRetryWorkflow('Untitled')],
  ['app retryOfOnlyWorkflow()', retryOfOnlyWorkflow('Retry of only')],
  ['app pullRequestOnlyWorkflow()', pullRequestOnlyWorkflow('PR only')],
  ['app botWorkflow()', botWorkflow(['Nightly', 'CI'])],
];

describe('workflows GitHub accepts', () => {
  it('finds the workflows to check', () => {
    expect(shipped.map(([file]) => file)).toEqual(
      expect.arrayContaining([
        'examples/dbt-nightly.yml',
        'examples/playwright.yml',
        'examples/pytest.yml',
        '.github/workflows/ci.yml',
      ]),
    );
    expect(documented.length).toBeGreaterThanOrEqual(3);
  });

  it.each([...shipped, ...documented, ...generated])('%s', (name, text) => {
    const verdict = parseWithGitHub(`.github/workflows/${path.basename(name)}.yml`, text);
    expect(verdict.ok ? [] : verdict.errors).toEqual([]);
  });

  it('refuses a workflow GitHub refuses, so the checks above can fail', () => {
    const broken = nightlyWorkflow().replace('    runs-on: ubuntu-latest\n', '');
    const verdict = parseWithGitHub('.github/workflows/nightly.yml', broken);
    expect(verdict.ok ? [] : verdict.errors).toEqual([
      expect.stringMatching(
        /^\.github\/workflows\/nightly\.yml \(Line: \d+, Col: 5\): Required property is missing: runs-on$/,
      ),
    ]);
  });
});
