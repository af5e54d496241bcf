/**
 * The workflow file of a job that runs its schedule with the gh-retry Action, written the way the
 * examples in `examples/` tell a user to: the "Retry of #N" run name, a nightly schedule and
 * `workflow_dispatch` with the `retry-of` and `retry-mode` inputs, and a checkout before the
 * Action step. One builder for the Action harness, the end-to-end loop and the benches.
 */
import { commandLines, DISPATCH_TRIGGER, RUN_NAME_LINE } from '../workflows.js';

/** What varies between the workflows the tests and benches run. */
export interface ActionWorkflow {
  /** The workflow's name. */
  readonly name: string;
  /** The id of its one job. */
  readonly job: string;
  /** Also run on pull requests (the end-to-end loop opens them). */
  readonly pullRequest?: boolean;
  /** The Action step's id, when a later step reads its outputs. */
  readonly stepId?: string;
  /** The Action's inputs other than `commands`, in order (e.g. `name`, `working-directory`). */
  readonly with: Readonly<Record<string, string>>;
  /** The schedule: one command a line of the `commands` input. */
  readonly commands: readonly string[];
}

/** The workflow file's text. */
export function actionWorkflow(params: ActionWorkflow): string {
  const step =
    params.stepId === undefined
      ? '      - uses: ./\n'
      : `      - id: ${params.stepId}\n        uses: ./\n`;
  const inputs = Object.entries(params.with)
    .map(([key, value]) => `          ${key}: ${yamlScalar(value)}\n`)
    .join('');
  return `name: ${params.name}
${RUN_NAME_LINE}
on:
${params.pullRequest === true ? '  pull_request:\n' : ''}  schedule:
    - cron: '0 3 * * *'
${DISPATCH_TRIGGER}
permissions:
  actions: read
  contents: read
jobs:
  ${params.job}:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@08eba0b27e820071cde6df949e0beb9ba4906955
${step}        with:
${inputs}          commands: |
${commandLines(params.commands)}`;
}

/** A value as YAML: plain when it is a simple word or path, else double-quoted. */
function yamlScalar(value: string): string {
  return /^[\w./-]+$/.test(value) ? value : JSON.stringify(value);
}
