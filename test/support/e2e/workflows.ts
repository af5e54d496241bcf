/**
 * Workflow files of the end-to-end scenarios: the gh-retry workflow of `../action/workflow.ts`,
 * also run on pull requests.
 */
import { actionWorkflow } from '../action/workflow.js';

/** A workflow running `commands` with the gh-retry Action on pull requests, a schedule and dispatch. */
export function scheduleWorkflow(params: {
  readonly name: string;
  readonly job: string;
  readonly scheduleName: string;
  readonly commands: readonly string[];
  readonly workingDirectory?: string;
}): string {
  return actionWorkflow({
    name: params.name,
    job: params.job,
    pullRequest: true,
    with: {
      name: params.scheduleName,
      ...(params.workingDirectory === undefined
        ? {}
        : { 'working-directory': params.workingDirectory }),
    },
    commands: params.commands,
  });
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
