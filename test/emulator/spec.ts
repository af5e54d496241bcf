/**
 * GitHub's REST description (`@octokit/openapi`), loaded once per process: maps a request to its
 * operation and validates requests and responses against the operation's schemas.
 */
import { createRequire } from 'node:module';
import { compileSchema, formatErrors } from './schema-validator.js';

/** The parts of an OpenAPI operation the emulator reads. */
export interface OpenApiOperation {
  readonly operationId: string;
  readonly parameters?: readonly unknown[];
  readonly requestBody?: {
    readonly required?: boolean;
    readonly content?: Record<string, { schema?: unknown }>;
  };
  readonly responses: Record<string, unknown>;
  readonly externalDocs?: { readonly url: string };
}

interface ParameterObject {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header' | 'cookie';
  readonly required?: boolean;
  readonly schema?: { readonly type?: string };
}

interface OpenApiDocument {
  readonly paths: Record<string, Record<string, OpenApiOperation>>;
  readonly components: {
    readonly parameters: Record<string, ParameterObject>;
    readonly responses: Record<string, unknown>;
  };
}

/** A request matched to an operation of the description. */
export interface MatchedOperation {
  readonly operationId: string;
  readonly method: string;
  readonly template: string;
  readonly params: Record<string, string>;
  readonly operation: OpenApiOperation;
  readonly documentationUrl: string;
}

interface PathMatcher {
  readonly template: string;
  readonly pattern: RegExp;
  readonly names: readonly string[];
  readonly literals: number;
}

let loaded: { doc: OpenApiDocument; matchers: PathMatcher[] } | undefined;

function loadSpec(): { doc: OpenApiDocument; matchers: PathMatcher[] } {
  if (loaded) return loaded;
  // Deep path on purpose: the package's main entry loads every GHES variant (~385 MB).
  const require = createRequire(import.meta.url);
  const doc = require('@octokit/openapi/generated/api.github.com.json') as OpenApiDocument;
  const matchers = Object.keys(doc.paths)
    .map((template) => {
      const names: string[] = [];
      const source = template
        .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
        .replace(/\{([^}]+)\}/g, (_match, name: string) => {
          names.push(name);
          return name === 'path' ? '(.+)' : '([^/]+)';
        });
      const literals = template
        .split('/')
        .filter((part) => part !== '' && !part.startsWith('{')).length;
      return { template, pattern: new RegExp(`^${source}$`), names, literals };
    })
    .sort((a, b) => b.literals - a.literals);
  loaded = { doc, matchers };
  return loaded;
}

/** The whole REST description (components are needed by the schema validator). */
export function readRestDocument(): OpenApiDocument {
  return loadSpec().doc;
}

/** Find the operation a request targets, preferring the most specific path template. */
export function findOperation(method: string, pathname: string): MatchedOperation | undefined {
  const { doc, matchers } = loadSpec();
  const verb = method.toLowerCase();
  for (const matcher of matchers) {
    const hit = matcher.pattern.exec(pathname);
    const operation = hit ? doc.paths[matcher.template]?.[verb] : undefined;
    if (!hit || !operation) continue;
    const params = Object.fromEntries(
      matcher.names.map((name, i) => [name, decodeURIComponent(hit[i + 1] ?? '')]),
    );
    return {
      operationId: operation.operationId,
      method: verb,
      template: matcher.template,
      params,
      operation,
      documentationUrl: operation.externalDocs?.url ?? 'https://docs.github.com/rest',
    };
  }
  return undefined;
}

function resolveParameters(operation: OpenApiOperation): ParameterObject[] {
  const { doc } = loadSpec();
  return (operation.parameters ?? []).map((parameter) => {
    const ref = (parameter as { $ref?: string }).$ref;
    if (!ref) return parameter as ParameterObject;
    const resolved = doc.components.parameters[ref.split('/').pop() ?? ''];
    if (!resolved) throw new Error(`unresolved parameter ${ref}`);
    return resolved;
  });
}

/** Convert a path or query string to the type its schema declares, so the schema can judge it. */
function coerceParameter(value: string, schema: { type?: string } | undefined): unknown {
  if (schema?.type === 'integer' && /^-?\d+$/.test(value)) return Number(value);
  if (schema?.type === 'number' && value.trim() !== '' && !Number.isNaN(Number(value)))
    return Number(value);
  if (schema?.type === 'boolean' && (value === 'true' || value === 'false'))
    return value === 'true';
  return value;
}

/** Parameters coerced to their declared types, plus everything wrong with the request. */
export interface RequestCheck {
  readonly query: Record<string, unknown>;
  readonly path: Record<string, unknown>;
  readonly problems: readonly string[];
}

/** Validate path and query parameters and the JSON body of a request against its operation. */
export function validateRequest(
  match: MatchedOperation,
  request: { readonly query: URLSearchParams; readonly body: unknown; readonly hasBody: boolean },
): RequestCheck {
  const problems: string[] = [];
  const path: Record<string, unknown> = {};
  const query: Record<string, unknown> = {};
  const parameters = resolveParameters(match.operation);
  for (const parameter of parameters) {
    if (parameter.in !== 'path' && parameter.in !== 'query') continue;
    const raw =
      parameter.in === 'path' ? match.params[parameter.name] : request.query.get(parameter.name);
    if (raw === undefined || raw === null) {
      if (parameter.required)
        problems.push(`${parameter.in} parameter '${parameter.name}' is required`);
      continue;
    }
    const value = coerceParameter(raw, parameter.schema);
    (parameter.in === 'path' ? path : query)[parameter.name] = value;
    const validate = compileSchema('rest', parameter.schema ?? {});
    if (!validate(value))
      problems.push(
        ...formatErrors(`${parameter.in} parameter '${parameter.name}'`, validate.errors),
      );
  }
  for (const name of new Set(request.query.keys())) {
    if (!parameters.some((p) => p.in === 'query' && p.name === name))
      problems.push(`query parameter '${name}' is not defined`);
  }
  problems.push(...validateBody(match, request));
  return { query, path, problems };
}

function validateBody(
  match: MatchedOperation,
  request: { body: unknown; hasBody: boolean },
): string[] {
  const requestBody = match.operation.requestBody;
  if (!requestBody) return [];
  if (!request.hasBody) return requestBody.required ? ['request body is required'] : [];
  const schema = requestBody.content?.['application/json']?.schema;
  if (!schema) return [];
  const validate = compileSchema('rest', schema);
  return validate(request.body) ? [] : formatErrors('body', validate.errors);
}

function responseSchema(match: MatchedOperation, status: number): unknown {
  const { doc } = loadSpec();
  let response = match.operation.responses[String(status)] as
    { $ref?: string; content?: Record<string, { schema?: unknown }> } | undefined;
  if (response?.$ref)
    response = doc.components.responses[response.$ref.split('/').pop() ?? ''] as typeof response;
  if (!response) return undefined;
  return response.content?.['application/json']?.schema ?? null;
}

const errorSchema = {
  anyOf: [
    { $ref: '#/components/schemas/basic-error' },
    { $ref: '#/components/schemas/validation-error' },
  ],
};

/** Validate a JSON response the emulator is about to send; returns what is wrong with it. */
export function validateResponse(match: MatchedOperation, status: number, body: unknown): string[] {
  const schema = responseSchema(match, status);
  if (schema === undefined) {
    // GitHub answers many errors an operation does not list (403 on dispatch, 422 on rerun): they must still be well-formed.
    if (status >= 400) {
      const validate = compileSchema('rest', errorSchema);
      return validate(body) ? [] : formatErrors(`response ${status}`, validate.errors);
    }
    return [`status ${status} is not a documented response`];
  }
  if (schema === null)
    return body === undefined ? [] : [`response ${status} must have no JSON body`];
  const validate = compileSchema('rest', schema);
  return validate(body) ? [] : formatErrors(`response ${status}`, validate.errors);
}
