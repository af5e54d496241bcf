/**
 * The checks GitHub makes on the `inputs` of a workflow_dispatch request, with its messages,
 * and the two views of accepted inputs: typed (`inputs` context) and strings (event payload).
 */
import type { DispatchInput } from './workflow-file.js';

/** Accepted inputs, or why GitHub answers 422. */
export type DispatchInputsCheck =
  | {
      readonly kind: 'accepted';
      /** The `inputs` context: booleans stay booleans, numbers stay numbers. */
      readonly context: Readonly<Record<string, string | boolean | number>>;
      /** `github.event.inputs`: every value as a string. */
      readonly payload: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'rejected'; readonly message: string };

function typed(
  input: DispatchInput,
  value: unknown,
): { value: string | boolean | number } | { error: string } {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  switch (input.type) {
    case 'boolean':
      if (value === true || value === false) return { value };
      if (text === 'true' || text === 'false') return { value: text === 'true' };
      return { error: `Provided value '${text}' for input '${input.name}' is not a valid boolean` };
    case 'number':
      if (text.trim() !== '' && !Number.isNaN(Number(text))) return { value: Number(text) };
      return { error: `Provided value '${text}' for input '${input.name}' is not a valid number` };
    case 'choice':
      if (input.options.includes(text)) return { value: text };
      return {
        error: `Provided value '${text}' for input '${input.name}' not in the list of allowed values`,
      };
    default:
      return { value: text };
  }
}

/** Check provided inputs against the workflow's declarations (undefined: no dispatch trigger). */
export function checkDispatchInputs(
  declared: readonly DispatchInput[] | undefined,
  provided: Readonly<Record<string, unknown>>,
): DispatchInputsCheck {
  if (!declared)
    return { kind: 'rejected', message: "Workflow does not have 'workflow_dispatch' trigger" };
  const unexpected = Object.keys(provided).filter(
    (name) => !declared.some((input) => input.name === name),
  );
  if (unexpected.length > 0)
    return {
      kind: 'rejected',
      message: `Unexpected inputs provided: ${JSON.stringify(unexpected)}`,
    };
  const context: Record<string, string | boolean | number> = {};
  const payload: Record<string, string> = {};
  for (const input of declared) {
    const given = provided[input.name];
    if (given === undefined && input.default === undefined) {
      if (input.required)
        return { kind: 'rejected', message: `Required input '${input.name}' not provided` };
      context[input.name] = input.type === 'boolean' ? false : '';
      continue;
    }
    const result = typed(input, given ?? input.default);
    if ('error' in result) return { kind: 'rejected', message: result.error };
    context[input.name] = result.value;
    payload[input.name] = String(result.value);
  }
  return { kind: 'accepted', context, payload };
}
