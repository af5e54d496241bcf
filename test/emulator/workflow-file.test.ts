import { describe, expect, it } from 'vitest';
import { checkDispatchInputs } from './dispatch-inputs.js';
import { matchesTrigger, parseWorkflowFile, WorkflowFileError } from './workflow-file.js';

const nightly = parseWorkflowFile(`name: Nightly
run-name: Nightly \${{ inputs.target }}
on:
  schedule: [{ cron: '0 3 * * *' }]
  push:
    branches: [main, 'release/**', '!release/old-*']
  pull_request:
  issue_comment:
    types: [created]
  workflow_run:
    workflows: [Nightly]
    types: [completed]
  workflow_dispatch:
    inputs:
      target: { type: choice, options: [dev, prod], default: dev }
      retry-of: { type: string }
      ticket: { type: string, required: true }
      dry-run: { type: boolean }
      threads: { type: number, default: 4 }
permissions:
  actions: read
jobs:
  schedule:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - id: retry
        uses: ./
        with:
          commands: dbt run
          retry-of: \${{ inputs.retry-of }}
`);

const job = 'jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps: [{ run: echo }]\n';

describe('workflow files', () => {
  it('reads name, run-name, inputs, permissions and the action step', () => {
    expect(nightly).toMatchObject({
      name: 'Nightly',
      runName: 'Nightly ${{ inputs.target }}',
      permissions: { actions: 'read', metadata: 'read' },
      jobIds: ['schedule'],
      actionStep: {
        jobId: 'schedule',
        stepId: 'retry',
        uses: './',
        with: { commands: 'dbt run', 'retry-of': '${{ inputs.retry-of }}' },
      },
    });
    expect(
      nightly.dispatchInputs?.map((input) => [
        input.name,
        input.type,
        input.required,
        input.default,
      ]),
    ).toEqual([
      ['target', 'choice', false, 'dev'],
      ['retry-of', 'string', false, undefined],
      ['ticket', 'string', true, undefined],
      ['dry-run', 'boolean', false, undefined],
      ['threads', 'number', false, 4],
    ]);
  });

  it.each([
    [{ name: 'push', branch: 'main' }, true],
    [{ name: 'push', branch: 'release/2.0' }, true],
    [{ name: 'push', branch: 'release/old-1' }, false],
    [{ name: 'push', branch: 'feature' }, false],
    [{ name: 'pull_request', action: 'opened', branch: 'main' }, true],
    [{ name: 'pull_request', action: 'closed', branch: 'main' }, false],
    [{ name: 'issue_comment', action: 'created' }, true],
    [{ name: 'issue_comment', action: 'edited' }, false],
    [{ name: 'workflow_run', action: 'completed', workflowName: 'Nightly' }, true],
    [{ name: 'workflow_run', action: 'requested', workflowName: 'Nightly' }, false],
    [{ name: 'workflow_run', action: 'completed', workflowName: 'CI' }, false],
    [{ name: 'schedule' }, true],
    [{ name: 'workflow_dispatch' }, false],
    [{ name: 'check_run', action: 'created' }, false],
  ])('trigger %j → %s', (event, expected) => {
    expect(matchesTrigger(nightly, event)).toBe(expected);
  });

  it.each([
    ['./', true],
    ['./app', true],
    ['acme/gh-retry@v1', true],
    ['acme/gh-retry/app@0123abc', true],
    ['actions/checkout@v4', false],
  ])('finds the action step in `uses: %s` → %s', (uses, found) => {
    const file = parseWorkflowFile(
      `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/cache@v4\n      - uses: ${uses}\n        with: { x: 1 }\n`,
    );
    expect(file.actionStep?.uses).toBe(found ? uses : undefined);
  });

  it.each([
    ['on: push\n', ['push']],
    ['on: [push, workflow_dispatch]\n', ['push', 'workflow_dispatch']],
  ])('accepts `on` as %j', (text, triggers) => {
    expect([...parseWorkflowFile(`${text}${job}`).triggers.keys()]).toEqual(triggers);
  });

  it.each([
    [job, /Required property is missing: on/],
    ['on: { workflow_dispatch: { inputs: { x: { type: color } } } }\n' + job, /color/],
    ['on: { workflow_dispatch: { inputs: { x: { type: choice } } } }\n' + job, /options/],
    [
      `on: { workflow_dispatch: { inputs: { ${Array.from({ length: 26 }, (_, i) => `i${i}: {}`).join(', ')} } } }\n${job}`,
      /you may only define up to 25 `inputs` for a `workflow_dispatch` event/,
    ],
    ['on: [push\n', /Flow sequence/],
    // What GitHub refuses and the former hand-written checks accepted.
    ['on: push\n', /\(Line: 1, Col: 1\): Required property is missing: jobs/],
    [
      'on: push\njobs:\n  a:\n    steps: [{ run: x }]\n',
      /\(Line: 4, Col: 5\): Required property is missing: runs-on/,
    ],
    [
      "on: { schedule: [{ cron: '61 * * * *' }] }\n" + job,
      /Invalid cron expression. Expected format: '\* \* \* \* \*'/,
    ],
    ['on: push\nrun-name: ${{ secrets.TOKEN }}\n' + job, /Unrecognized named-value: 'secrets'/],
    [
      'on: { push: { branches: [main], branches-ignore: [old] } }\n' + job,
      /you may only define one of `branches` and `branches-ignore` for a single event/,
    ],
    [
      'on: { pull_request: { paths: [a], paths-ignore: [b] } }\n' + job,
      /you may only define one of `paths` and `paths-ignore` for a single event/,
    ],
    ['on: push\njobs:\n  a:\n    runs-on: x\n    step: []\n', /Unexpected value 'step'/],
  ])("rejects an invalid file %#, with GitHub's message", (text, message) => {
    expect(() => parseWorkflowFile(text, '.github/workflows/x.yml')).toThrow(WorkflowFileError);
    expect(() => parseWorkflowFile(text, '.github/workflows/x.yml')).toThrow(message);
  });

  const filtered = (on: string) => parseWorkflowFile(`on:\n${on}\n${job}`);
  it.each([
    ["branches: ['releases/**', '!releases/**-alpha']", ['releases/1.0'], ['releases/1.0-alpha']],
    ["branches: ['!main', 'main']", ['main'], []],
    ["branches: ['feature-?x']", ['feature-x', 'featurex'], ['feature--x']],
    ["branches: ['v1+']", ['v111'], ['v']],
    ["branches: ['v[12].*']", ['v2.0'], ['v3.0']],
    ["branches: ['*']", [], ['a/b']],
    ["branches-ignore: ['dependabot/**']", [], ['dependabot/npm/x']],
    ["tags: ['v*']", [], ['main']],
  ])('a push filter { %s } takes branches %j, not %j', (filter, taken, passed) => {
    const file = filtered(`  push: { ${filter} }`);
    const takes = (branch: string) => matchesTrigger(file, { name: 'push', branch });
    expect(taken.filter(takes)).toEqual(taken);
    expect(passed.filter(takes)).toEqual([]);
  });

  it.each([
    [['docs/a.md'], false],
    [['docs/a.md', 'src/x.ts'], true],
  ])('paths-ignore docs/** with changes %j → %s', (paths, expected) => {
    const file = filtered("  pull_request: { paths-ignore: ['docs/**'] }");
    expect(
      matchesTrigger(file, { name: 'pull_request', action: 'opened', branch: 'main', paths }),
    ).toBe(expected);
  });

  it.each([
    [['src/app.ts'], true],
    [['README.md'], false],
  ])('paths [src/**, !src/**.md] with changes %j → %s', (paths, expected) => {
    const file = filtered("  push: { paths: ['src/**', '!src/**.md'] }");
    expect(matchesTrigger(file, { name: 'push', branch: 'main', paths })).toBe(expected);
  });
});

describe('dispatch inputs', () => {
  const declared = nightly.dispatchInputs;

  it('types the inputs context and stringifies the event inputs, applying defaults', () => {
    expect(
      checkDispatchInputs(declared, { ticket: 'T-1', 'dry-run': 'true', threads: '8' }),
    ).toEqual({
      kind: 'accepted',
      context: { target: 'dev', 'retry-of': '', ticket: 'T-1', 'dry-run': true, threads: 8 },
      payload: { target: 'dev', ticket: 'T-1', 'dry-run': 'true', threads: '8' },
    });
  });

  it.each([
    [undefined, {}, "Workflow does not have 'workflow_dispatch' trigger"],
    [declared, { ticket: 'T', a: '1', b: '2' }, 'Unexpected inputs provided: ["a","b"]'],
    [declared, {}, "Required input 'ticket' not provided"],
    [
      declared,
      { ticket: 'T', target: 'qa' },
      "Provided value 'qa' for input 'target' not in the list of allowed values",
    ],
    [
      declared,
      { ticket: 'T', 'dry-run': 'yes' },
      "Provided value 'yes' for input 'dry-run' is not a valid boolean",
    ],
    [
      declared,
      { ticket: 'T', threads: 'many' },
      "Provided value 'many' for input 'threads' is not a valid number",
    ],
  ])('rejects %#: %s', (inputs, provided, message) => {
    expect(checkDispatchInputs(inputs, provided)).toEqual({ kind: 'rejected', message });
  });
});
