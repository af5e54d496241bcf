/**
 * GitHub drops a step's whole job summary past 1 MiB. The Action's report shares that 1 MiB with
 * what its commands write to `GITHUB_STEP_SUMMARY`, so it fits in the room they leave, or is left
 * out with a warning when too little is left.
 */
import { afterEach, describe, expect, it } from 'vitest';
import {
  nightlyWorkflow,
  startActionHarness,
  type ActionHarness,
} from '../support/action/harness.js';

/** A command that appends `bytes` bytes to the step summary, as a test reporter might. */
const fill = (bytes: number) =>
  `head -c ${bytes} /dev/zero | tr '\\000' x >> "$GITHUB_STEP_SUMMARY"`;

describe('the Action’s job summary and GitHub’s 1 MiB per step', () => {
  let h: ActionHarness | undefined;
  afterEach(async () => {
    await h?.gh.stop();
  });

  it('fits the report in the room the commands left, so GitHub keeps the summary', async () => {
    h = await startActionHarness({
      workflow: nightlyWorkflow({ commands: `${fill(1_047_400)}\ndbt seed\ndbt run` }),
    });
    const run = await h.dispatch();

    // dbt run failed: the full report (failed nodes, how to retry) needs more than the 1.1 KiB left.
    expect(run.conclusion).toBe('failure');
    expect(run.job.annotations).toEqual([]);
    expect(run.job.summary.startsWith('x'.repeat(1_047_400))).toBe(true);
    const report = run.job.summary.slice(1_047_400);
    expect(report).toMatch(/^## ❌ nightly failed in /);
    expect(report).toContain('Shortened to fit GitHub’s size limit');
    expect(Buffer.byteLength(run.job.summary)).toBeLessThanOrEqual(1024 * 1024);
  });

  it('leaves the report out with a warning when the commands filled the summary', async () => {
    h = await startActionHarness({
      workflow: nightlyWorkflow({ commands: `${fill(1_048_000)}\ndbt seed` }),
    });
    const run = await h.dispatch();

    expect(run.job.annotations).toEqual([]);
    expect(run.job.summary).toBe('x'.repeat(1_048_000));
    expect(run.job.main?.stdout).toContain(
      "::warning::The commands wrote 1023 KiB to the job summary, too close to GitHub's 1 MiB limit for one step to add gh-retry's report",
    );
  });
});
