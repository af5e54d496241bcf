/**
 * Workflow files of the end-to-end scenarios, written the way the examples in `examples/`
 * tell a user to: dispatch inputs `retry-of` and `retry-mode`, a "Retry of #N" run name, and the
 * gh-retry Action as the step that runs the schedule.
 */
import { commandLines, DISPATCH_TRIGGER, RUN_NAME_LINE } from '../workflows.js';

/** A workflow running `commands` with the gh-retry Action on pull requests, a schedule and dispatch. */
export function scheduleWorkflow(params: {
  readonly name: string;
  readonly job: string;
  readonly scheduleName: string;
  readonly commands: readonly string[];
  readonly workingDirectory?: string;
}): string {
  const workingDirectory =
    params.workingDirectory === undefined
      ? ''
      : `          working-directory: ${params.workingDirectory}\n`;
  return `name: ${params.name}
${RUN_NAME_LINE}
on:
  pull_request:
  schedule:
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
      - uses: ./
        with:
          name: ${params.scheduleName}
${workingDirectory}          commands: |
${commandLines(params.commands)}`;
}

/** The dbt nightly of the scenarios: deps, seed, run, test in `transform/`. */
export const DBT_WORKFLOW = '.github/workflows/dbt-nightly.yml';

/** The dbt nightly workflow file, with extra commands after `dbt test` if asked. */
export function dbtWorkflow(extraCommands: readonly string[] = []): string {
  return scheduleWorkflow({
    name: 'dbt nightly',
    job: 'dbt',
    scheduleName: 'nightly',
    workingDirectory: 'transform',
    commands: ['dbt deps', 'dbt seed', 'dbt run', 'dbt test', ...extraCommands],
  });
}
