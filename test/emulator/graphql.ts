/**
 * The GraphQL endpoint (`POST /graphql`, and `POST /api/graphql` for GHES-style clients): every
 * query is parsed and validated against GitHub's public schema and executed by graphql-js over
 * the emulator's state, so every answer is type-checked against that schema. Invalid queries are
 * answered as GitHub answers them and recorded as violations, like the REST side's bad requests.
 */
import {
  execute,
  GraphQLError,
  parse,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { authenticate } from './auth.js';
import { checkResolvers } from './graphql-checks.js';
import { connectionResolvers } from './graphql-connection.js';
import { repositoryResolvers } from './graphql-repository.js';
import { buildGraphqlSchema, type GraphqlContext } from './graphql-schema.js';
import type { Hub } from './hub.js';
import { HttpError } from './rest/request.js';
import type { Principal } from './records.js';

/** The paths GitHub serves GraphQL on (`/api/graphql` is where Octokit goes from `…/api/v3`). */
export const graphqlPaths: readonly string[] = ['/graphql', '/api/graphql'];

/** What the endpoint answers: HTTP status, JSON body, and the caller (for the request log). */
export interface GraphqlReply {
  readonly status: number;
  readonly body: unknown;
  readonly principal: Principal | undefined;
  readonly headers?: Readonly<Record<string, string>>;
}

let schema: Promise<GraphQLSchema> | undefined;

/** GitHub's schema with the emulator's resolvers, built once per process. */
export async function emulatedSchema(): Promise<GraphQLSchema> {
  schema ??= buildGraphqlSchema({
    ...repositoryResolvers,
    ...checkResolvers,
    ...connectionResolvers('PullRequestCommit', 'CheckSuite', 'CheckRun'),
  });
  return await schema;
}

const documentationUrl = 'https://docs.github.com/graphql';

function httpReply(error: HttpError, principal?: Principal): GraphqlReply {
  return {
    status: error.status,
    body: {
      message: error.message,
      documentation_url: documentationUrl,
      status: String(error.status),
    },
    principal,
    ...(error.headers ? { headers: error.headers } : {}),
  };
}

interface GraphqlRequest {
  readonly query: string;
  readonly variables: Record<string, unknown> | undefined;
  readonly operationName: string | undefined;
}

function parseRequest(raw: Buffer): GraphqlRequest | string {
  let body: unknown;
  try {
    body = JSON.parse(raw.toString('utf8'));
  } catch {
    throw new HttpError(400, 'Problems parsing JSON');
  }
  const { query, variables, operationName } = (body ?? {}) as Record<string, unknown>;
  if (typeof query !== 'string') return 'A query attribute must be specified and must be a string.';
  return {
    query,
    variables:
      typeof variables === 'object' && variables !== null
        ? (variables as Record<string, unknown>)
        : undefined,
    operationName: typeof operationName === 'string' ? operationName : undefined,
  };
}

/** GitHub's wording for the commonest mistake, a field the type does not have. */
function githubValidationError(error: GraphQLError): Record<string, unknown> {
  const unknownField = /^Cannot query field "(\w+)" on type "(\w+)"\./.exec(error.message);
  if (!unknownField) return githubError(error);
  const [, fieldName, typeName] = unknownField;
  return {
    ...githubError(error),
    message: `Field '${fieldName ?? ''}' doesn't exist on type '${typeName ?? ''}'`,
    extensions: { code: 'undefinedField', typeName, fieldName },
  };
}

/** An error as GitHub writes it: `type` (NOT_FOUND, FORBIDDEN, …), `path`, `locations`, `message`. */
function githubError(error: GraphQLError): Record<string, unknown> {
  const type = error.extensions.type;
  return {
    ...(typeof type === 'string' ? { type } : {}),
    ...(error.path ? { path: error.path } : {}),
    ...(error.locations ? { locations: error.locations } : {}),
    message: error.message,
  };
}

function rejectQuery(context: GraphqlContext, errors: readonly GraphQLError[]): GraphqlReply {
  context.hub.violations.record({
    kind: 'request',
    subject: 'graphql',
    where: context.where,
    problems: errors.map((error) => error.message),
  });
  return {
    status: 200,
    body: { errors: errors.map(githubValidationError) },
    principal: context.principal,
  };
}

function checkDocument(
  schema: GraphQLSchema,
  query: string,
): DocumentNode | readonly GraphQLError[] {
  try {
    const document = parse(query);
    const errors = validate(schema, document);
    return errors.length > 0 ? errors : document;
  } catch (error) {
    if (error instanceof GraphQLError) return [error];
    throw error;
  }
}

/** Errors no resolver meant to answer are emulator faults: the answer broke the schema. */
function recordFaults(context: GraphqlContext, result: ExecutionResult): void {
  const faults = (result.errors ?? []).filter(
    (error) => typeof error.extensions.type !== 'string' && error.extensions.recorded !== true,
  );
  if (faults.length === 0) return;
  context.hub.violations.record({
    kind: 'response',
    subject: 'graphql',
    where: context.where,
    problems: faults.map(
      (error) => `${error.path?.join('.') ?? ''}: ${error.stack ?? error.message}`,
    ),
  });
}

async function run(context: GraphqlContext, request: GraphqlRequest): Promise<GraphqlReply> {
  const schema = await emulatedSchema();
  const document = checkDocument(schema, request.query);
  if (!('kind' in document)) return rejectQuery(context, document);
  const result = await execute({
    schema,
    document,
    contextValue: context,
    variableValues: request.variables,
    operationName: request.operationName,
  });
  // Without data the request itself was wrong (variables, operation name).
  if (result.data === undefined) return rejectQuery(context, result.errors ?? []);
  recordFaults(context, result);
  return {
    status: 200,
    body: {
      data: result.data,
      ...(result.errors ? { errors: result.errors.map(githubError) } : {}),
    },
    principal: context.principal,
  };
}

/** Answer one POST to the GraphQL endpoint. */
export async function answerGraphql(
  hub: Hub,
  request: {
    readonly raw: Buffer;
    readonly authorization: string | undefined;
    readonly where: string;
  },
): Promise<GraphqlReply> {
  let principal: Principal | undefined;
  try {
    if (!request.authorization)
      throw new HttpError(401, 'This endpoint requires you to be authenticated.');
    principal = authenticate(hub.state, request.authorization);
    if (!principal) throw new HttpError(401, 'This endpoint requires you to be authenticated.');
    if (principal.kind === 'app') throw new HttpError(401, 'A JSON web token could not be decoded');
    const fault = hub.faults.find(
      (candidate) => candidate.operationId === 'graphql' && candidate.remaining > 0,
    );
    if (fault) {
      fault.remaining -= 1;
      throw new HttpError(fault.status, fault.message, undefined, fault.headers);
    }
    const context: GraphqlContext = { hub, principal, where: request.where };
    const parsed = parseRequest(request.raw);
    if (typeof parsed === 'string') return rejectQuery(context, [new GraphQLError(parsed)]);
    return await run(context, parsed);
  } catch (error) {
    if (error instanceof HttpError) return httpReply(error, principal);
    throw error;
  }
}
