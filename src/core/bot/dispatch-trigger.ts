import { parseDocument } from 'yaml';

/**
 * Whether a workflow file can be dispatched as a gh-retry retry: it needs a `workflow_dispatch`
 * trigger that declares the `retry-of` input (GitHub answers 422 to undeclared inputs).
 */

/** The dispatch inputs gh-retry sends. */
export const RETRY_OF_INPUT = 'retry-of';
export const RETRY_MODE_INPUT = 'retry-mode';

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
