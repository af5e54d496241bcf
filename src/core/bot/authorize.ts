/** Repository permission levels, weakest first. */
export const PERMISSION_LEVELS = ['none', 'read', 'triage', 'write', 'maintain', 'admin'] as const;

/** A repository permission level. */
export type PermissionLevel = (typeof PERMISSION_LEVELS)[number];

/** The answer of `GET /repos/{o}/{r}/collaborators/{user}/permission`, or why it could not be had. */
export type PermissionLookup =
  | { readonly kind: 'found'; readonly permission: string; readonly roleName: string | null }
  | { readonly kind: 'failed'; readonly reason: string };

/** Who sent the event (`payload.sender`). */
export interface Sender {
  readonly login: string;
  readonly type: string;
}

/** Whether a sender may use `/retry`. `ignored` means: do not answer at all (bots, the App itself). */
export type Authorization =
  | { readonly kind: 'allowed' }
  | { readonly kind: 'denied'; readonly reason: string }
  | { readonly kind: 'ignored'; readonly reason: string };

/** Read a permission level from text (`write`, `Maintain`); null when it is not one. */
export function parsePermissionLevel(text: string): PermissionLevel | null {
  const level = text.trim().toLowerCase();
  return PERMISSION_LEVELS.find((l) => l === level) ?? null;
}

/** True when `actual` is at least `required`. */
export function hasPermission(actual: PermissionLevel, required: PermissionLevel): boolean {
  return PERMISSION_LEVELS.indexOf(actual) >= PERMISSION_LEVELS.indexOf(required);
}

/** True for GitHub Apps and bot accounts, whose comments are never commands. */
export function isBot(sender: Sender): boolean {
  return sender.type === 'Bot' || sender.login.toLowerCase().endsWith('[bot]');
}

/**
 * The sender's real level. `role_name` wins because `permission` is lossy (GitHub maps maintain to
 * write and triage to read); a custom role maps through `customRoles` (lowercase name → base level) when the
 * caller knows it, else falls back to `permission`, which already holds the custom role's base.
 */
export function resolvePermission(params: {
  permission: string;
  roleName: string | null;
  customRoles?: Readonly<Record<string, PermissionLevel>>;
}): PermissionLevel {
  const role = params.roleName?.trim().toLowerCase() ?? '';
  const fromRole =
    parsePermissionLevel(role) ?? (role === '' ? undefined : params.customRoles?.[role]);
  if (fromRole !== undefined) return fromRole;
  // Unknown text means no access: authorization fails closed.
  return parsePermissionLevel(params.permission) ?? 'none';
}

/** Decide whether a sender may use `/retry`; fails closed on any doubt. */
export function authorize(params: {
  required: PermissionLevel;
  lookup: PermissionLookup;
  sender: Sender;
  customRoles?: Readonly<Record<string, PermissionLevel>>;
}): Authorization {
  const { required, lookup, sender } = params;
  if (isBot(sender))
    return { kind: 'ignored', reason: `${sender.login} is a bot; comments from bots are ignored.` };
  if (lookup.kind === 'failed') {
    return {
      kind: 'denied',
      reason:
        `Could not check @${sender.login}'s permission on this repository (${lookup.reason}), so nothing was retried. ` +
        'Try the command again in a few minutes; if it keeps failing, ask a maintainer to check the app’s installation.',
    };
  }
  const actual = resolvePermission({
    ...lookup,
    ...(params.customRoles ? { customRoles: params.customRoles } : {}),
  });
  if (hasPermission(actual, required)) return { kind: 'allowed' };
  return {
    kind: 'denied',
    reason:
      `@${sender.login} has ${actual} access, and /retry needs ${required} access or higher on this repository. ` +
      `Ask someone with ${required} access to comment /retry, or a maintainer to grant you ${required} access.`,
  };
}
