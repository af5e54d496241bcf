import { describe, expect, it } from 'vitest';
import { checkDispatchInputs } from './dispatch-inputs.js';
import { matchesTrigger, parseWorkflowFile, WorkflowFileError } from './workflow-file.js';

const nightly = parseWorkflowFile(`name: Nightly
run-name: Nightly \${{ inputs.target }}
on:
  schedule: [{ cron: '0 3 * * *' }]
  push:
    branches: [main, 'release/**']
    branches-ignore: ['release/old-*']
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
      `on: push\njobs:\n  a:\n    steps:\n      - uses: actions/cache@v4\n      - uses: ${uses}\n        with: { x: 1 }\n`,
    );
    expect(file.actionStep?.uses).toBe(found ? uses : undefined);
  });

  it.each([
    ['on: push\n', ['push']],
    ['on: [push, workflow_dispatch]\n', ['push', 'workflow_dispatch']],
  ])('accepts `on` as %j', (text, triggers) => {
    expect([...parseWorkflowFile(`${text}jobs: {}\n`).triggers.keys()]).toEqual(triggers);
  });

  it.each([
    ['jobs: {}\n'],
    ['on: { workflow_dispatch: { inputs: { x: { type: color } } } }\n'],
    ['on: { workflow_dispatch: { inputs: { x: { type: choice } } } }\n'],
    [
      `on: { workflow_dispatch: { inputs: { ${Array.from({ length: 26 }, (_, i) => `i${i}: {}`).join(', ')} } } }\n`,
    ],
    ['on: [push\n'],
  ])('rejects an invalid file %#', (text) => {
    expect(() => parseWorkflowFile(text)).toThrow(WorkflowFileError);
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
