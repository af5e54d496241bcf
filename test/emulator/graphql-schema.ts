/**
 * GitHub's public GraphQL schema (`@octokit/graphql-schema`) with the emulator's resolvers
 * installed. Every field of every object type either resolves through the emulator or answers
 * `<Type>.<field> is not emulated` (recorded as a violation), so a query can never read a field
 * the emulator does not model as a silent null.
 */
import { readFile } from 'node:fs/promises';
import {
  buildSchema,
  GraphQLError,
  GraphQLInt,
  GraphQLScalarType,
  isInterfaceType,
  isObjectType,
  type GraphQLFieldResolver,
  type GraphQLOutputType,
  type GraphQLSchema,
} from 'graphql';
import type { Hub } from './hub.js';
import type { Principal } from './records.js';

/** What every resolver sees: the hub, the authenticated caller and the request (for violations). */
export interface GraphqlContext {
  readonly hub: Hub;
  readonly principal: Principal;
  /** `POST /graphql` or `POST /api/graphql`. */
  readonly where: string;
}

/** Field arguments as graphql-js coerced them. */
export type FieldArgs = Readonly<Record<string, unknown>>;

// Method syntax makes the source parameter bivariant, so a resolver typed for its own source
// fits the table: the schema decides which source reaches which type.
interface ResolverSlot {
  resolve(source: unknown, args: FieldArgs, context: GraphqlContext): unknown;
}

/** A field resolver of the emulator. */
export type FieldResolver = ResolverSlot['resolve'];

/** Resolvers by type name, then field name. */
export type Resolvers = Readonly<Record<string, Readonly<Record<string, FieldResolver>>>>;

/** Resolvers of one type over its source record `S`. */
export type Fields<S> = Readonly<
  Record<string, (source: S, args: FieldArgs, context: GraphqlContext) => unknown>
>;

/** Type the sources of one type's resolvers (contextual typing for the table). */
export function resolversOf<S>(fields: Fields<S>): Fields<S> {
  return fields;
}

/** Resolvers that read the named properties of the source as they are. */
export function propertiesOf(...names: readonly string[]): Readonly<Record<string, FieldResolver>> {
  return Object.fromEntries(
    names.map((name) => [name, (source: unknown) => (source as Record<string, unknown>)[name]]),
  );
}

/**
 * An error GitHub answers for one field (`NOT_FOUND`, `FORBIDDEN`, …): the field becomes null and
 * the error carries GitHub's `type`.
 */
export function fieldError(type: string, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { type } });
}

/** A field error caused by the query (bad pagination, bad cursor), recorded as a violation. */
export function requestFieldError(
  context: GraphqlContext,
  type: string,
  message: string,
): GraphQLError {
  context.hub.violations.record({
    kind: 'request',
    subject: 'graphql',
    where: context.where,
    problems: [message],
  });
  return new GraphQLError(message, { extensions: { type, recorded: true } });
}

function notEmulated(typeName: string, fieldName: string): FieldResolver {
  return (_source, _args, context) => {
    const message = `${typeName}.${fieldName} is not emulated`;
    context.hub.violations.record({
      kind: 'unimplemented',
      subject: 'graphql',
      where: context.where,
      problems: [message],
    });
    throw new GraphQLError(message, { extensions: { recorded: true } });
  };
}

// GitHub's database ids are nullable Int fields (`databaseId: Int`) that carry numbers past 32
// bits (workflow runs, check suites and check runs are numbered in the billions), which
// graphql-js's Int refuses to serialize.
const databaseInt = new GraphQLScalarType({
  ...GraphQLInt.toConfig(),
  serialize: (value) =>
    typeof value === 'number' && Number.isSafeInteger(value) ? value : GraphQLInt.serialize(value),
});

function widenInt(type: GraphQLOutputType): GraphQLOutputType {
  return type === GraphQLInt ? databaseInt : type;
}

function install(schema: GraphQLSchema, resolvers: Resolvers): void {
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    const known = isObjectType(type) ? type.getFields() : {};
    for (const fieldName of Object.keys(fields)) {
      if (!(fieldName in known))
        throw new Error(`the schema has no field ${typeName}.${fieldName}`);
    }
  }
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isInterfaceType(type))
      for (const field of Object.values(type.getFields())) field.type = widenInt(field.type);
    if (!isObjectType(type)) continue;
    const own = resolvers[type.name] ?? {};
    for (const field of Object.values(type.getFields())) {
      field.type = widenInt(field.type);
      const resolve = own[field.name] ?? notEmulated(type.name, field.name);
      const adapted: GraphQLFieldResolver<unknown, GraphqlContext> = (source, args, context) =>
        resolve(source, args, context);
      field.resolve = adapted as GraphQLFieldResolver<unknown, unknown>;
    }
  }
}

/** GitHub's schema with the emulator's resolvers installed (about half a second: cache it). */
export async function buildGraphqlSchema(resolvers: Resolvers): Promise<GraphQLSchema> {
  // The SDL file itself: the package's entry would also parse its 5 MB introspection JSON.
  const entry = import.meta.resolve('@octokit/graphql-schema');
  const sdl = await readFile(new URL('./schema.graphql', entry), 'utf8');
  // The published SDL defines two fields of EnterpriseOwnerInfo twice, so validating it throws;
  // the schema is GitHub's own, so it is built without SDL validation.
  const schema = buildSchema(sdl, { assumeValidSDL: true });
  install(schema, resolvers);
  return schema;
}
