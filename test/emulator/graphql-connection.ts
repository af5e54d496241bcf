/**
 * Relay connections as GitHub pages them: `first`/`after` or `last`/`before`, at most 100 nodes,
 * one of `first`/`last` required, opaque cursors.
 */
import {
  propertiesOf,
  requestFieldError,
  type FieldArgs,
  type GraphqlContext,
  type Resolvers,
} from './graphql-schema.js';

/** One page of a connection, as the `*Connection`, `*Edge` and `PageInfo` resolvers read it. */
export interface ConnectionSource<T> {
  readonly totalCount: number;
  readonly nodes: readonly T[];
  readonly edges: readonly { readonly cursor: string; readonly node: T }[];
  readonly pageInfo: {
    readonly hasNextPage: boolean;
    readonly hasPreviousPage: boolean;
    readonly startCursor: string | null;
    readonly endCursor: string | null;
  };
}

function cursorOf(index: number): string {
  return Buffer.from(`cursor:v2:${index + 1}`).toString('base64');
}

function indexOf(context: GraphqlContext, cursor: unknown): number | undefined {
  if (typeof cursor !== 'string') return undefined;
  const match = /^cursor:v2:(\d+)$/.exec(Buffer.from(cursor, 'base64').toString('utf8'));
  if (!match?.[1])
    throw requestFieldError(
      context,
      'INVALID_CURSOR_ARGUMENTS',
      `\`${cursor}\` does not appear to be a valid cursor.`,
    );
  return Number(match[1]) - 1;
}

function boundOf(context: GraphqlContext, args: FieldArgs, name: 'first' | 'last', field: string) {
  const value = args[name];
  if (typeof value !== 'number') return undefined;
  if (value > 100 || value < 0)
    throw requestFieldError(
      context,
      'EXCESSIVE_PAGINATION',
      `Requesting ${value} records on the \`${field}\` connection exceeds the \`${name}\` limit of 100 records.`,
    );
  return value;
}

/** The page of `items` the arguments ask for; `field` names the connection in GitHub's errors. */
export function pageOf<T>(
  context: GraphqlContext,
  params: { readonly items: readonly T[]; readonly args: FieldArgs; readonly field: string },
): ConnectionSource<T> {
  const { items, args, field } = params;
  const first = boundOf(context, args, 'first', field);
  const last = boundOf(context, args, 'last', field);
  if (first === undefined && last === undefined)
    throw requestFieldError(
      context,
      'MISSING_PAGINATION_BOUNDARIES',
      `You must provide a \`first\` or \`last\` value to properly paginate the \`${field}\` connection.`,
    );
  let start = Math.min(items.length, (indexOf(context, args.after) ?? -1) + 1);
  let end = Math.max(start, Math.min(items.length, indexOf(context, args.before) ?? items.length));
  if (first !== undefined) end = Math.min(end, start + first);
  if (last !== undefined) start = Math.max(start, end - last);
  const edges = items.slice(start, end).map((node, i) => ({ cursor: cursorOf(start + i), node }));
  return {
    totalCount: items.length,
    nodes: edges.map((edge) => edge.node),
    edges,
    pageInfo: {
      hasNextPage: end < items.length,
      hasPreviousPage: start > 0,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
  };
}

/** Resolvers of the connection and edge types of the named node types, and of `PageInfo`. */
export function connectionResolvers(...nodeTypes: readonly string[]): Resolvers {
  return Object.fromEntries([
    ['PageInfo', propertiesOf('hasNextPage', 'hasPreviousPage', 'startCursor', 'endCursor')],
    ...nodeTypes.flatMap((type) => [
      [`${type}Connection`, propertiesOf('totalCount', 'nodes', 'edges', 'pageInfo')],
      [`${type}Edge`, propertiesOf('cursor', 'node')],
    ]),
  ]);
}
