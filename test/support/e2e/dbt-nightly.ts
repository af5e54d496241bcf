/** The dbt nightly loop most end-to-end tests start: the App, the emulator and the dbt workflow. */
import { afterAll, beforeAll } from 'vitest';
import { startLoop, type Loop } from './loop.js';
import { dbtJob, type DbtScenario } from './projects.js';
import { DBT_WORKFLOW, dbtWorkflow } from './workflows.js';

/** The loop around a describe block: started before its tests, stopped after them. */
export function dbtNightlySuite(): { readonly scenario: DbtScenario; readonly loop: Loop } {
  const scenario: DbtScenario = { failing: [], files: {} };
  let started: Loop | null = null;
  beforeAll(async () => {
    started = await startLoop({
      workflows: { [DBT_WORKFLOW]: { yaml: dbtWorkflow(), job: dbtJob(scenario) } },
    });
  });
  afterAll(async () => {
    await started?.stop();
  });
  return {
    scenario,
    get loop(): Loop {
      if (started === null) throw new Error('the dbt nightly loop has not started');
      return started;
    },
  };
}
