/**
 * The parts of a gh-retry workflow every tier writes, built from the rules in core so that the
 * tests' workflows say what the App tells users to add: the `run-name` that titles a retry
 * "Retry of #N", and the `workflow_dispatch` trigger with the `retry-of` and `retry-mode` inputs.
 */
import { RETRY_RUN_NAME } from '../../src/core/bot/retry-title.js';
import { DISPATCH_TRIGGER_YAML } from '../../src/core/bot/dispatch-trigger.js';

/** The `run-name:` line of a gh-retry workflow. */
export const RUN_NAME_LINE = `run-name: "${RETRY_RUN_NAME}"`;

/** The `workflow_dispatch:` trigger, indented to stand under `on:`. */
export const DISPATCH_TRIGGER = DISPATCH_TRIGGER_YAML.split('\n')
  .filter((line) => line !== 'on:' && !line.startsWith('run-name:'))
  .join('\n');

/** The lines of a `commands: |` block scalar, one command a line, at the Action step's indent. */
export function commandLines(commands: readonly string[]): string {
  return commands.map((command) => `            ${command}\n`).join('');
}
