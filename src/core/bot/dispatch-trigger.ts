import { parseDocument } from 'yaml';
import { listRetryModeForms } from '../retry/mode.js';
import { RETRY_RUN_NAME } from './retry-title.js';

/**
 * Whether a workflow file can be dispatched as a gh-retry retry: it needs a `workflow_dispatch`
 * trigger that declares the `retry-of` input (GitHub answers 422 to undeclared inputs).
 */

/**
 * The dispatch inputs gh-retry sends: the contract between the App (which dispatches) and the
 * Action (which reads them as its own inputs of the same names, action/inputs.ts).
 */
export const RETRY_OF_INPUT = 'retry-of';
export const RETRY_MODE_INPUT = 'retry-mode';

/** The lines to add to a workflow so that gh-retry can dispatch retries of it (YAML). */
export const DISPATCH_TRIGGER_YAML = [
  'on:',
  '  workflow_dispatch:',
  '    inputs:',
  `      ${RETRY_OF_INPUT}:`,
  '        description: Run id or URL of the run to retry',
  '        required: false',
  `      ${RETRY_MODE_INPUT}:`,
  `        description: '${listRetryModeForms()}'`,
  '        required: false',
  '        default: from-failure',
  // Quoted: ` #` would start a YAML comment. The title lets gh-retry find a retry while it is queued.
  `run-name: "${RETRY_RUN_NAME}"`,
].join('\n');

/** What a workflow file says about `workflow_dispatch`. */
export type DispatchTrigger =
  | { readonly kind: 'declared'; readonly inputs: readonly string[] }
  | { readonly kind: 'none' }
  | { readonly kind: 'invalid'; readonly message: string };

/** Read the `workflow_dispatch` trigger of a workflow file (YAML text). */
export function parseDispatchTrigger(text: string): DispatchTrigger {
  const doc = parseDocument(text, { uniqueKeys: false });
  const error = doc.errors[0];
  if (error !== undefined) return { kind: 'invalid', message: error.message };
  const root: unknown = doc.toJS({ maxAliasCount: 100 });
  if (!isMapping(root)) return { kind: 'invalid', message: 'the file is not a mapping' };
  // YAML 1.1 readers turn an unquoted `on` key into `true`.
  const on = root.on ?? root.true;
  if (on === 'workflow_dispatch') return { kind: 'declared', inputs: [] };
  if (Array.isArray(on)) {
    return on.includes('workflow_dispatch') ? { kind: 'declared', inputs: [] } : { kind: 'none' };
  }
  if (!isMapping(on) || !('workflow_dispatch' in on)) return { kind: 'none' };
  const dispatch = on.workflow_dispatch;
  const inputs = isMapping(dispatch) && isMapping(dispatch.inputs) ? dispatch.inputs : {};
  return { kind: 'declared', inputs: Object.keys(inputs) };
}

/**
 * The dispatch inputs for a retry, or null when the workflow does not declare what the retry
 * needs: `retry-of` always, `retry-mode` unless the mode is the Action's default.
 */
export function retryInputs(params: {
  trigger: DispatchTrigger;
  parentRunId: number;
  mode: string;
}): Record<string, string> | null {
  const { trigger } = params;
  if (trigger.kind !== 'declared' || !trigger.inputs.includes(RETRY_OF_INPUT)) return null;
  const inputs: Record<string, string> = { [RETRY_OF_INPUT]: String(params.parentRunId) };
  if (trigger.inputs.includes(RETRY_MODE_INPUT)) inputs[RETRY_MODE_INPUT] = params.mode;
  else if (params.mode !== 'from-failure') return null;
  return inputs;
}

function isMapping(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
