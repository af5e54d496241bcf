/**
 * GitHub Actions expressions (`${{ … }}`) evaluated by GitHub's own implementation,
 * `@actions/expressions` (actions/languageservices): its lexer, parser (which refuses unknown
 * contexts and functions) and evaluator (loose `==`, `<`/`>`, `join`, `case`, object filters,
 * `format` escaping). The emulator only supplies the contexts and, where a step's `if:` is
 * evaluated, the status functions.
 */
import { data, Evaluator, Lexer, Parser } from '@actions/expressions';
import type { FunctionDefinition } from '@actions/expressions/funcs/info';

/** Contexts by name (`github`, `inputs`, `env`, `secrets`, `vars`, …). */
export type ExpressionContext = Readonly<Record<string, unknown>>;

/** The status of the job so far, which makes `success()`, `failure()`, `cancelled()` and `always()` available. */
export type JobStatus = 'success' | 'failure' | 'cancelled';

export interface EvaluateOptions {
  /** Status functions are only allowed where GitHub allows them (`if:`); give the status there. */
  readonly status?: JobStatus;
}

function toData(value: unknown): data.ExpressionData {
  return JSON.parse(JSON.stringify(value ?? null), data.reviver) as data.ExpressionData;
}

function fromData(value: data.ExpressionData | undefined): unknown {
  if (value === undefined) return null;
  return JSON.parse(JSON.stringify(value, data.replacer)) as unknown;
}

function statusFunctions(status: JobStatus): FunctionDefinition[] {
  const is = (name: string, result: () => boolean): FunctionDefinition => ({
    name,
    minArgs: 0,
    maxArgs: 0,
    call: () => new data.BooleanData(result()),
  });
  return [
    is('success', () => status === 'success'),
    is('failure', () => status === 'failure'),
    is('cancelled', () => status === 'cancelled'),
    is('always', () => true),
  ];
}

/** Evaluate one expression (the text between `${{` and `}}`) into plain JSON values. */
export function evaluateExpression(
  expression: string,
  context: ExpressionContext,
  options: EvaluateOptions = {},
): unknown {
  const names = Object.keys(context);
  const functions = options.status ? statusFunctions(options.status) : [];
  const tokens = new Lexer(expression.trim()).lex().tokens;
  const tree = new Parser(tokens, names, functions).parse();
  const dictionary = new data.Dictionary(
    ...names.map((key) => ({ key, value: toData(context[key]) })),
  );
  const implementations = new Map(functions.map((fn) => [fn.name.toLowerCase(), fn]));
  return fromData(new Evaluator(tree, dictionary, implementations).evaluate());
}

/** Convert a value the way Actions does when it lands in a string. */
export function stringifyValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object') return JSON.stringify(value, null, 2);
  return toData(value).coerceString();
}

/** Replace every `${{ … }}` in a string with its value. */
export function interpolate(text: string, context: ExpressionContext): string {
  return text.replace(/\$\{\{([\s\S]*?)\}\}/g, (_match, expression: string) =>
    stringifyValue(evaluateExpression(expression, context)),
  );
}
