import { describe, expect, it } from 'vitest';
import {
  authorize,
  hasPermission,
  parsePermissionLevel,
  resolvePermission,
  type PermissionLevel,
  type PermissionLookup,
} from './authorize.js';

const alice = { login: 'alice', type: 'User' };
const found = (permission: string, roleName: string | null): PermissionLookup => ({
  kind: 'found',
  permission,
  roleName,
});

describe('authorize', () => {
  it.each<[PermissionLevel, PermissionLookup, 'allowed' | 'denied']>([
    ['write', found('admin', 'admin'), 'allowed'],
    ['write', found('write', 'maintain'), 'allowed'],
    ['write', found('write', 'write'), 'allowed'],
    ['write', found('read', 'triage'), 'denied'],
    ['write', found('read', 'read'), 'denied'],
    ['write', found('none', null), 'denied'],
    ['write', found('write', null), 'allowed'],
    ['maintain', found('write', 'write'), 'denied'],
    ['maintain', found('write', 'maintain'), 'allowed'],
    ['admin', found('write', 'maintain'), 'denied'],
    ['triage', found('read', 'triage'), 'allowed'],
    ['read', found('read', 'read'), 'allowed'],
    // A custom role with no known mapping falls back to its legacy base permission.
    ['write', found('write', 'deployer'), 'allowed'],
    ['write', found('read', 'auditor'), 'denied'],
    // Unknown permission text fails closed.
    ['read', found('superuser', 'superuser'), 'denied'],
    ['write', { kind: 'failed', reason: 'HTTP 403' }, 'denied'],
    ['read', { kind: 'failed', reason: 'HTTP 500' }, 'denied'],
  ])('required %s with %j → %s', (required, lookup, kind) => {
    expect(authorize({ required, lookup, sender: alice }).kind).toBe(kind);
  });

  it('maps custom roles through the known table', () => {
    const customRoles = { 'release-manager': 'maintain' } as const;
    const lookup = found('write', 'Release-Manager');
    expect(authorize({ required: 'maintain', lookup, sender: alice, customRoles }).kind).toBe(
      'allowed',
    );
    expect(authorize({ required: 'maintain', lookup, sender: alice }).kind).toBe('denied');
  });

  it.each([
    { login: 'gh-retry[bot]', type: 'Bot' },
    { login: 'dependabot[bot]', type: 'Bot' },
    { login: 'renovate[BOT]', type: 'User' },
    { login: 'ci-robot', type: 'Bot' },
  ])('ignores bot %j even with admin access', (sender) => {
    expect(authorize({ required: 'read', lookup: found('admin', 'admin'), sender }).kind).toBe(
      'ignored',
    );
  });

  it('tells a denied user what to do', () => {
    expect(
      authorize({ required: 'write', lookup: found('read', 'triage'), sender: alice }),
    ).toEqual({
      kind: 'denied',
      reason:
        '@alice has triage access, and /retry needs write access or higher on this repository. ' +
        'Ask someone with write access to comment /retry, or a maintainer to grant you write access.',
    });
  });

  it('explains a failed lookup', () => {
    const result = authorize({
      required: 'write',
      lookup: { kind: 'failed', reason: 'HTTP 502' },
      sender: alice,
    });
    expect(result.kind === 'denied' && result.reason).toContain(
      "Could not check @alice's permission on this repository (HTTP 502)",
    );
  });
});

describe('permission levels', () => {
  it.each([
    ['write', 'write'],
    [' Maintain ', 'maintain'],
    ['owner', null],
    ['', null],
  ])('parsePermissionLevel(%j) = %j', (text, level) => {
    expect(parsePermissionLevel(text)).toBe(level);
  });

  it('orders none < read < triage < write < maintain < admin', () => {
    const order: PermissionLevel[] = ['none', 'read', 'triage', 'write', 'maintain', 'admin'];
    for (const [i, a] of order.entries()) {
      for (const [j, b] of order.entries()) expect(hasPermission(a, b)).toBe(i >= j);
    }
  });

  it.each([
    ['write', 'maintain', 'maintain'],
    ['read', 'triage', 'triage'],
    ['admin', null, 'admin'],
    ['write', '', 'write'],
    ['bogus', null, 'none'],
  ])('resolvePermission(%j, %j) = %j', (permission, roleName, level) => {
    expect(resolvePermission({ permission, roleName })).toBe(level);
  });
});
