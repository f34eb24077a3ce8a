/**
 * The administration routes as the admin pages use them (docs/access.md, "Administration"):
 * accounts (approve, reject, disable, roles), the permission policy, the audit verification.
 */
import type { DocsyApi } from '../../api.js';
import type { Role } from '../../app/account.js';

export type AccountStatus = 'active' | 'pending' | 'disabled';

/** An account as an administrator sees it. */
export interface AdminAccount {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  status: AccountStatus;
  createdAt: string;
}

export interface AccountPage {
  items: AdminAccount[];
  /** The cursor of the next page, when there is one. */
  next?: string;
}

export const policyActions = ['read', 'create', 'amend', 'delete'] as const;
export type PolicyAction = (typeof policyActions)[number];
export type PolicyEffect = 'allow' | 'deny';

/** One rule of the permission policy: a role may (or may not) do an action on a target. */
export interface PermissionRule {
  role: Role;
  /** A template id, an entry class (`class:OBSERVATION`) or `*`. */
  target: string;
  action: PolicyAction;
  effect: PolicyEffect;
}

/** The audit chain's verification: events checked, and the first broken one. */
export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBroken: { chainKey: string; seq: number; reason: string } | null;
}

/**
 * One page of accounts, oldest first, filtered by status, role and words of the name or email.
 *
 * @example
 * const pending = await accountsPage(api, { status: 'pending' });
 */
export function accountsPage(
  api: DocsyApi,
  filter: { status?: AccountStatus; role?: Role; q?: string; cursor?: string },
): Promise<AccountPage> {
  return api.json('GET', '/api/admin/accounts', { query: { limit: 50, ...filter } });
}

/**
 * Approves (pending → active), rejects or disables (→ disabled), or re-enables an account.
 *
 * @example
 * await setAccountStatus(api, account.id, 'active');
 */
export function setAccountStatus(
  api: DocsyApi,
  accountId: string,
  status: 'active' | 'disabled',
): Promise<AdminAccount> {
  return api.json('PUT', `/api/admin/accounts/${encodeURIComponent(accountId)}/status`, { body: { status } });
}

/**
 * Assigns an account's roles (all of them: the list replaces the old one).
 *
 * @example
 * await setAccountRoles(api, account.id, ['doctor', 'nurse']);
 */
export function setAccountRoles(api: DocsyApi, accountId: string, roles: Role[]): Promise<AdminAccount> {
  return api.json('PUT', `/api/admin/accounts/${encodeURIComponent(accountId)}/roles`, { body: { roles } });
}

/**
 * The whole permission policy.
 *
 * @example
 * const rules = await permissionPolicy(api);
 */
export async function permissionPolicy(api: DocsyApi): Promise<PermissionRule[]> {
  return (await api.json<{ rules: PermissionRule[] }>('GET', '/api/admin/policy')).rules;
}

/**
 * Replaces the whole permission policy; the answer is the policy as stored.
 *
 * @example
 * await replacePermissionPolicy(api, [...rules, { role: 'nurse', target: '*', action: 'read', effect: 'allow' }]);
 */
export async function replacePermissionPolicy(api: DocsyApi, rules: PermissionRule[]): Promise<PermissionRule[]> {
  return (await api.json<{ rules: PermissionRule[] }>('PUT', '/api/admin/policy', { body: { rules } })).rules;
}

/**
 * Verifies every hash chain of the audit log.
 *
 * @example
 * const { ok, checked, firstBroken } = await verifyAudit(api);
 */
export function verifyAudit(api: DocsyApi): Promise<AuditVerification> {
  return api.json('GET', '/api/admin/audit/verify');
}
