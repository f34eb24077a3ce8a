import type { Kysely } from 'kysely';
import { appendAuditEvent } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { ApiError } from '../http/api-error.js';
import { decodeCursor, page } from '../http/pagination.js';
import { findAccountById, type AccountRow } from './account-repository.js';
import {
  listAccounts,
  revokeAccountSessions,
  updateAccountRoles,
  updateAccountStatus,
  type AdminAccountRow,
} from './admin-repository.js';
import { accountIdentity } from './auth-user.js';
import type { Viewer } from './ehr-access.js';
import type { AccountStatus, Role } from './roles.js';

/** An account as an administrator sees it. */
export interface AdminAccountView {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  status: AccountStatus;
  createdAt: string;
}

/**
 * One page of accounts for an administrator (e.g. those pending approval, or those whose name
 * or email contains the words of `q`), oldest first.
 *
 * @example
 * await accountsPage(db, { status: 'pending', limit: 50 });
 */
export async function accountsPage(
  db: Kysely<Database>,
  query: { status?: AccountStatus; role?: Role; q?: string; limit: number; cursor?: string },
): Promise<{ items: AdminAccountView[]; next?: string }> {
  const after = query.cursor ? (decodeCursor(query.cursor, 2) as [string, string]) : undefined;
  const rows = await listAccounts(db, { status: query.status, role: query.role, q: query.q, after }, query.limit);
  const { items, next } = page(rows, query.limit, (row) => [row.createdKey, row.id]);
  return { items: items.map(adminView), ...(next ? { next } : {}) };
}

/**
 * Approves (pending -> active), disables or re-enables an account. Disabling ends every session
 * of the account at once. An administrator cannot change their own status (409).
 *
 * @example
 * await setAccountStatus(db, viewerOf(request), accountId, 'active');
 */
export async function setAccountStatus(
  db: Kysely<Database>,
  viewer: Viewer,
  accountId: string,
  status: 'active' | 'disabled',
): Promise<AdminAccountView> {
  if (accountId === viewer.user.id) throw new ApiError('CONFLICT', 'You cannot change the status of your own account');
  await db.transaction().execute(async (trx) => {
    const before = await updateAccountStatus(trx, accountId, status);
    if (!before) throw new ApiError('NOT_FOUND', `No account ${accountId}`);
    const sessions = status === 'disabled' ? await revokeAccountSessions(trx, accountId, 'account-disabled') : 0;
    await appendAuditEvent(trx, {
      ...adminEvent('account.status', viewer, accountId),
      details: { from: before, to: status, sessionsEnded: sessions },
    });
  });
  return adminAccount(db, accountId);
}

/**
 * Assigns an account's roles. The `patient` role comes with a registration (and an EHR): it can
 * be neither added nor removed here (422). An administrator cannot drop their own `admin` role (409).
 *
 * @example
 * await setAccountRoles(db, viewerOf(request), accountId, ['doctor']);
 */
export async function setAccountRoles(
  db: Kysely<Database>,
  viewer: Viewer,
  accountId: string,
  roles: Role[],
): Promise<AdminAccountView> {
  const account = await findAccountById(db, accountId);
  if (!account) throw new ApiError('NOT_FOUND', `No account ${accountId}`);
  if (account.roles.includes('patient') !== roles.includes('patient')) {
    throw new ApiError('VALIDATION_FAILED', 'The patient role comes with a registration and cannot change', {
      errors: [
        {
          path: '/roles',
          message: account.roles.includes('patient') ? 'must keep "patient"' : 'must not add "patient"',
        },
      ],
    });
  }
  if (accountId === viewer.user.id && !roles.includes('admin')) {
    throw new ApiError('CONFLICT', 'You cannot remove your own admin role');
  }
  await db.transaction().execute(async (trx) => {
    await updateAccountRoles(trx, accountId, roles);
    await appendAuditEvent(trx, {
      ...adminEvent('account.roles', viewer, accountId),
      details: { from: account.roles, to: roles },
    });
  });
  return adminAccount(db, accountId);
}

async function adminAccount(db: Kysely<Database>, accountId: string): Promise<AdminAccountView> {
  const row = await findAccountById(db, accountId);
  if (!row) throw new ApiError('NOT_FOUND', `No account ${accountId}`);
  return adminView({ ...row, createdAt: row.created_at });
}

function adminView(row: AdminAccountRow | (AccountRow & { createdAt: Date })): AdminAccountView {
  const { ehrId: _ehrId, ...identity } = accountIdentity(row);
  return { ...identity, createdAt: row.createdAt.toISOString() };
}

function adminEvent(action: string, viewer: Viewer, accountId: string) {
  return {
    action,
    outcome: 'success' as const,
    actorId: viewer.user.id,
    actorRole: viewer.user.roles.join(','),
    resource: `account:${accountId}`,
    address: viewer.address,
  };
}
