import { renderRunSummary } from '../src/core/report/run-summary.js';
import type { RunRecord } from '../src/core/run-record/schema.js';
import type { GitHubContext } from './github-context.js';
import * as core from '@actions/core';
import { stat } from 'node:fs/promises';
import { summaryRoom } from '../src/core/report/markdown.js';

/** The Action's outputs; typed so that an output missing here is a compile error. */
export interface Outputs {
  /** `success`, `failed` or `cancelled`. */
  readonly status: string;
  /** Path of this run's `record.json`. */
  readonly runRecord: string;
  /** Comma-separated ids of the steps that failed or were cancelled. */
  readonly failedSteps: string;
  /** The record id (`<run_id>-<attempt>`) of the run this one retried; empty for a first run. */
  readonly retriedFrom: string;
}

/** The action.yml name of every output. */
export const OUTPUT_NAMES: Readonly<Record<keyof Outputs, string>> = {
  status: 'status',
  runRecord: 'run-record',
  failedSteps: 'failed-steps',
  retriedFrom: 'retried-from',
};

/** The outputs of a finished run. */
export function toOutputs(record: RunRecord, recordPath: string): Outputs {
  return {
    status: record.status,
    runRecord: recordPath,
    failedSteps: record.steps
      .filter((step) => step.status === 'failed' || step.status === 'cancelled')
      .map((step) => step.id)
      .join(','),
    retriedFrom: record.lineage.parent ?? '',
  };
}

/** Set every output. */
export function writeOutputs(outputs: Outputs): void {
  for (const key of Object.keys(OUTPUT_NAMES) as (keyof Outputs)[]) {
    core.setOutput(OUTPUT_NAMES[key], outputs[key]);
  }
}

/**
 * Write the job summary: steps table, failed nodes, lineage and how to retry. It shares the step's
 * 1 MiB with what the commands wrote there, so it is fitted to the room they left.
 */
export async function writeJobSummary(record: RunRecord, context: GitHubContext): Promise<void> {
  const file = process.env.GITHUB_STEP_SUMMARY;
  if (file === undefined || file === '') return;
  const used = await stat(file).then(
    (info) => info.size,
    () => 0,
  );
  const room = summaryRoom(used);
  if (room === null) {
    core.warning(
      `The commands wrote ${Math.floor(used / 1024)} KiB to the job summary, too close to GitHub's 1 MiB limit for one step to add gh-retry's report (past the limit GitHub drops the whole summary); write less there, the run record has every detail.`,
    );
    return;
  }
  const base = `${context.serverUrl.replace(/\/+$/, '')}/${context.repository}/actions/runs`;
  const runUrl = (runId: number) => `${base}/${runId}`;
  const markdown = renderRunSummary({ record, runUrl, maxLength: room });
  await core.summary.addRaw(markdown, true).write();
}
