/**
 * Authentication (installation tokens, Actions `GITHUB_TOKEN`s, personal tokens, App JWTs) and
 * the permission checks GitHub makes before an operation, with its messages.
 */
import { randomBytes, verify } from 'node:crypto';
import type { MatchedOperation } from './spec.js';
import { HttpError, notFound } from './rest/request.js';
import { installationCovers, isoSeconds, type State } from './state.js';
import type {
  InstallationRecord,
  PermissionLevel,
  Permissions,
  Principal,
  RepoRecord,
  TokenRecord,
} from './records.js';

/** A token string of the given GitHub prefix (`ghs_`, `ghp_`). */
export function newToken(prefix: string): string {
  return `${prefix}${randomBytes(27).toString('base64url')}`;
}

function verifyAppJwt(state: State, jwt: string): Principal {
  const [header, payload, signature] = jwt.split('.');
  if (!header || !payload || !signature)
    throw new HttpError(401, 'A JSON web token could not be decoded');
  let claims: { iss?: unknown; iat?: unknown; exp?: unknown };
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as typeof claims;
  } catch {
    throw new HttpError(401, 'A JSON web token could not be decoded');
  }
  const app = [...state.apps.values()].find(
    (candidate) => String(candidate.id) === String(claims.iss) || candidate.clientId === claims.iss,
  );
  if (!app) throw new HttpError(401, `'Issuer' claim ('iss') must be an Integer`);
  const valid = verify(
    'RSA-SHA256',
    Buffer.from(`${header}.${payload}`),
    app.publicKey,
    Buffer.from(signature, 'base64url'),
  );
  if (!valid) throw new HttpError(401, 'A JSON web token could not be decoded');
  const now = Math.floor(Date.now() / 1000);
  if (typeof claims.exp !== 'number' || claims.exp < now) {
    throw new HttpError(
      401,
      "'Expiration time' claim ('exp') must be a numeric value representing the future time at which the assertion expires",
    );
  }
  if (typeof claims.iat !== 'number' || claims.exp - claims.iat > 600 + 60) {
    throw new HttpError(401, "'Expiration time' claim ('exp') is too far in the future");
  }
  return { kind: 'app', appId: app.id };
}

/** Who sent a request (`Authorization: token X` / `Bearer X`), or undefined when anonymous. */
export function authenticate(
  state: State,
  authorization: string | undefined,
): Principal | undefined {
  if (!authorization) return undefined;
  const match = /^(?:token|bearer)\s+(\S+)$/i.exec(authorization.trim());
  if (!match?.[1]) throw new HttpError(401, 'Bad credentials');
  const credential = match[1];
  if (/^eyJ[\w-]*\.[\w-]+\.[\w-]+$/.test(credential) && !state.tokens.has(credential))
    return verifyAppJwt(state, credential);
  const record = state.tokens.get(credential);
  if (!record || (record.expiresAt !== null && Date.parse(record.expiresAt) <= Date.now()))
    throw new HttpError(401, 'Bad credentials');
  return record.principal;
}

/** Issue an installation token, optionally narrowed to fewer permissions. */
export function createInstallationToken(
  state: State,
  installation: InstallationRecord,
  requested?: Permissions,
): TokenRecord {
  const app = state.apps.get(installation.appId);
  if (!app) throw notFound();
  for (const [name, level] of Object.entries(requested ?? {})) {
    if (!grants(app.permissions, name, level))
      throw new HttpError(422, 'The permissions requested are not granted to this installation.');
  }
  const expiresAt = isoSeconds(new Date(Date.now() + 60 * 60 * 1000));
  const record: TokenRecord = {
    token: newToken('ghs_'),
    expiresAt,
    principal: {
      kind: 'installation',
      user: app.botUser,
      appId: app.id,
      installationId: installation.id,
      permissions: { metadata: 'read', ...(requested ?? app.permissions) },
    },
  };
  state.tokens.set(record.token, record);
  return record;
}

const levels: Readonly<Record<PermissionLevel, number>> = { read: 1, write: 2, admin: 3 };

function grants(permissions: Permissions, name: string, level: PermissionLevel): boolean {
  const held = name === 'metadata' ? 'read' : permissions[name];
  return held !== undefined && levels[held] >= levels[level];
}

type Requirement = readonly (readonly [string, PermissionLevel])[];

const requirements: Readonly<Record<string, Requirement>> = {
  'issues/create-comment': [
    ['issues', 'write'],
    ['pull_requests', 'write'],
  ],
  'issues/update-comment': [
    ['issues', 'write'],
    ['pull_requests', 'write'],
  ],
  'reactions/create-for-issue-comment': [
    ['issues', 'write'],
    ['pull_requests', 'write'],
  ],
  'issues/get': [
    ['issues', 'read'],
    ['pull_requests', 'read'],
  ],
  'issues/get-comment': [
    ['issues', 'read'],
    ['pull_requests', 'read'],
  ],
  'issues/list-comments': [
    ['issues', 'read'],
    ['pull_requests', 'read'],
  ],
  'reactions/list-for-issue-comment': [
    ['issues', 'read'],
    ['pull_requests', 'read'],
  ],
  'pulls/get': [['pull_requests', 'read']],
  'pulls/list': [['pull_requests', 'read']],
  'pulls/create': [['pull_requests', 'write']],
  'repos/get-content': [['contents', 'read']],
  'repos/get': [['metadata', 'read']],
  'repos/get-collaborator-permission-level': [['metadata', 'read']],
};

/** The permissions (any one suffices) an operation needs. */
export function requirementOf(match: MatchedOperation): Requirement {
  const listed = requirements[match.operationId];
  if (listed) return listed;
  const level: PermissionLevel = match.method === 'get' ? 'read' : 'write';
  const area = match.operationId.split('/')[0];
  if (area === 'actions') return [['actions', level]];
  if (area === 'checks') return [['checks', level]];
  return [['metadata', 'read']];
}

/** Whether the principal holds its permissions on this repository (not just public read access). */
function holdsAccess(state: State, principal: Principal, repo: RepoRecord): boolean {
  switch (principal.kind) {
    case 'user':
      return true;
    case 'app':
      return false;
    case 'actions':
      return principal.repoId === repo.id;
    case 'installation': {
      const installation = state.installations.get(principal.installationId);
      return installation !== undefined && installationCovers(installation, repo);
    }
  }
}

/** Throw GitHub's answer when the principal may not run the operation on the repository. */
export function authorize(
  state: State,
  params: {
    principal: Principal | undefined;
    match: MatchedOperation;
    repo: RepoRecord | undefined;
  },
): void {
  const { principal, match, repo } = params;
  if (match.template.startsWith('/app/') || match.template === '/app') {
    if (principal?.kind !== 'app')
      throw new HttpError(
        401,
        principal ? 'A JSON web token could not be decoded' : 'Requires authentication',
      );
    return;
  }
  if (principal?.kind === 'app') {
    if (match.operationId === 'apps/get-repo-installation') return;
    throw new HttpError(401, 'A JSON web token could not be decoded');
  }
  const writes = match.method !== 'get';
  if (!principal) {
    if (repo?.private) throw notFound();
    if (!repo || writes || match.operationId === 'actions/download-artifact')
      throw new HttpError(401, 'Requires authentication');
    return;
  }
  if (!repo) return;
  if (!holdsAccess(state, principal, repo)) {
    if (repo.private) throw notFound();
    if (writes) throw new HttpError(403, 'Resource not accessible by integration');
    return;
  }
  if (principal.kind === 'user') return;
  if (!requirementOf(match).some(([name, level]) => grants(principal.permissions, name, level))) {
    throw new HttpError(403, 'Resource not accessible by integration');
  }
}
