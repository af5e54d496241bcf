/**
 * JSON-schema validation against GitHub's REST and webhook descriptions, with schemas compiled
 * lazily and cached for the life of the process (the descriptions are large).
 */
import { createRequire } from 'node:module';
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import ajvFormats from 'ajv-formats';
import { readRestDocument } from './spec.js';

/** Which description a schema belongs to. */
export type SchemaSource = 'rest' | 'webhooks';

const instances = new Map<SchemaSource, Ajv>();
const compiled = new Map<SchemaSource, WeakMap<object, ValidateFunction>>();
const named = new Map<string, ValidateFunction>();

function loadComponents(source: SchemaSource): unknown {
  if (source === 'rest') return readRestDocument().components;
  const require = createRequire(import.meta.url);
  // Deep path: the package's index loads every variant with top-level await.
  return (
    require('@octokit/openapi-webhooks/generated/api.github.com.json') as { components: unknown }
  ).components;
}

/**
 * OpenAPI 3.0 allows `nullable` beside `allOf`/`anyOf` without a `type`, and on enums that do not
 * list null; ajv does not. Rewrite those so every schema of the description compiles as meant.
 */
function normalizeNullable(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(normalizeNullable);
  if (typeof node !== 'object' || node === null) return node;
  const entries = Object.entries(node).map(
    ([key, value]) => [key, normalizeNullable(value)] as const,
  );
  const result = Object.fromEntries(entries) as Record<string, unknown>;
  if (result.nullable === true && Array.isArray(result.enum) && !result.enum.includes(null)) {
    // A nullable enum admits null in OpenAPI 3.0; ajv needs it listed.
    result.enum = [...(result.enum as unknown[]), null];
  }
  if (result.nullable === true && !('type' in result)) {
    delete result.nullable;
    return { anyOf: [result, { type: 'null' }] };
  }
  return result;
}

function instance(source: SchemaSource): Ajv {
  let ajv = instances.get(source);
  if (!ajv) {
    ajv = new Ajv({ strict: false, allErrors: true, validateSchema: false, inlineRefs: false });
    ajvFormats.default(ajv);
    ajv.addSchema({ components: normalizeNullable(loadComponents(source)) }, source);
    instances.set(source, ajv);
  }
  return ajv;
}

/** Compile a schema taken from a description (its `#/components/…` refs point into that description). */
export function compileSchema(source: SchemaSource, schema: unknown): ValidateFunction {
  const key = typeof schema === 'object' && schema !== null ? schema : { const: schema };
  let cache = compiled.get(source);
  if (!cache) {
    cache = new WeakMap();
    compiled.set(source, cache);
  }
  let validate = cache.get(key);
  if (!validate) {
    const rebased = JSON.parse(
      JSON.stringify(key).replaceAll('"#/components/', `"${source}#/components/`),
    ) as unknown;
    validate = instance(source).compile(normalizeNullable(rebased) as object);
    cache.set(key, validate);
  }
  return validate;
}

/** Compile `components.schemas[name]` of a description. */
export function compileNamedSchema(source: SchemaSource, name: string): ValidateFunction {
  const id = `${source}:${name}`;
  let validate = named.get(id);
  if (!validate) {
    validate = instance(source).compile({ $ref: `${source}#/components/schemas/${name}` });
    named.set(id, validate);
  }
  return validate;
}

/** Render ajv errors as `where.field.path: problem` lines, most specific first, at most 10. */
export function formatErrors(
  where: string,
  errors: readonly ErrorObject[] | null | undefined,
): string[] {
  const lines = new Set<string>();
  for (const error of errors ?? []) {
    const missing =
      error.keyword === 'required'
        ? `/${String((error.params as { missingProperty?: string }).missingProperty)}`
        : '';
    const field = `${error.instancePath}${missing}`.split('/').filter(Boolean).join('.');
    const detail =
      error.keyword === 'enum'
        ? `${error.message ?? ''} (${JSON.stringify((error.params as { allowedValues?: unknown }).allowedValues)})`
        : error.message;
    lines.add(`${where}${field ? ` ${field}` : ''}: ${detail ?? error.keyword}`);
  }
  return [...lines].slice(0, 10);
}
