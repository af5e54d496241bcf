/*
 * The runner's side of the Action, through `@actions/core`: inputs from `INPUT_*`, log lines and
 * workflow commands on stdout, outputs, state and the job summary in the files the runner names.
 * One module, so that every part of the Action names the same calls.
 */
import * as core from '@actions/core';

export const {
  getInput,
  info,
  warning,
  error,
  setFailed,
  setSecret,
  startGroup,
  endGroup,
  group,
  setOutput,
  saveState,
} = core;

/** Append Markdown to the job summary, when the runner gives one (`GITHUB_STEP_SUMMARY`). */
export async function appendJobSummary(markdown: string): Promise<void> {
  await core.summary.addRaw(markdown, true).write();
}
