/**
 * Who may read what through GraphQL: the same rules as the REST side, applied per field. A
 * repository the caller cannot see is not found; a field whose data needs a permission the token
 * lacks (contents for `object`, pull requests for `pullRequest`, checks for `checkSuites`) is
 * forbidden, exactly when the REST operation that reads the same data would be.
 */
import { authorize } from './auth.js';
import { fieldError, type GraphqlContext } from './graphql-schema.js';
import { HttpError } from './rest/request.js';
import { findOperation, type MatchedOperation } from './spec.js';
import type { RepoRecord } from './records.js';

/** The REST reads whose permission rules gate a GraphQL field. */
const gates = {
  repository: '/repos/o/r',
  contents: '/repos/o/r/contents/path',
  pullRequest: '/repos/o/r/pulls/1',
  checks: '/repos/o/r/commits/ref/check-suites',
} as const;

/** What a field reads, named by the REST read that needs the same permission. */
export type Gate = keyof typeof gates;

const operations = new Map<Gate, MatchedOperation>();

function operationOf(gate: Gate): MatchedOperation {
  let match = operations.get(gate);
  if (!match) {
    match = findOperation('GET', gates[gate]);
    if (!match) throw new Error(`no REST operation for ${gates[gate]}`);
    operations.set(gate, match);
  }
  return match;
}

/** Whether the caller may read this data of the repository: `found`, `not-found` or `forbidden`. */
export function accessTo(
  context: GraphqlContext,
  repo: RepoRecord,
  gate: Gate,
): 'found' | 'not-found' | 'forbidden' {
  try {
    authorize(context.hub.state, {
      principal: context.principal,
      match: operationOf(gate),
      repo,
    });
    return 'found';
  } catch (error) {
    if (!(error instanceof HttpError)) throw error;
    return error.status === 404 ? 'not-found' : 'forbidden';
  }
}

/** Throw GitHub's FORBIDDEN field error unless the caller may read this data. */
export function requireAccess(context: GraphqlContext, repo: RepoRecord, gate: Gate): void {
  if (accessTo(context, repo, gate) !== 'found')
    throw fieldError('FORBIDDEN', 'Resource not accessible by integration');
}
