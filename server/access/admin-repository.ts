import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { containsPattern } from '../db/like-pattern.js';
import type { AccountStatus, Role } from './roles.js';

/** An account as an administrator lists it. */
export interface AdminAccountRow {
  id: string;
  email: string;
  name: string;
  roles: Role[];
  status: AccountStatus;
  ehr_id: string | null;
  createdAt: Date;
  /** `created_at` at full precision, for the keyset cursor. */
  createdKey: string;
}

/**
 * Accounts oldest first, optionally of one status or role, and whose name or email contains
 * every word of `q` (any case); `limit + 1` rows at most, after the cursor `[createdKey, id]`.
 *
 * @example
 * const pending = await listAccounts(db, { status: 'pending' }, 51);
 */
export async function listAccounts(
  db: Kysely<Database>,
  filter: { status?: AccountStatus; role?: Role; q?: string; after?: [string, string] },
  limit: number,
): Promise<AdminAccountRow[]> {
  let query = db
    .selectFrom('account')
    .select([
      'id',
      'email',
      'name',
      'roles',
      'status',
      'ehr_id',
      'created_at as createdAt',
      sql<string>`to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`.as('createdKey'),
    ]);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.role) query = query.where(sql<boolean>`${filter.role} = any (roles)`);
  for (const word of (filter.q ?? '').toLowerCase().split(/\s+/).filter(Boolean)) {
    const pattern = containsPattern(word);
    query = query.where((eb) =>
      eb.or([eb(eb.fn('lower', ['name']), 'like', pattern), eb(eb.fn('lower', ['email']), 'like', pattern)]),
    );
  }
  if (filter.after) {
    const [key, id] = filter.after;
    query = query.where(sql<boolean>`(created_at, id) > (cast(${key} as timestamptz), cast(${id} as uuid))`);
  }
  return query
    .orderBy('created_at')
    .orderBy('id')
    .limit(limit + 1)
    .execute();
}

/** Sets an account's status; returns the previous one, or undefined when there is no such account. */
export async function updateAccountStatus(
  db: Kysely<Database>,
  id: string,
  status: AccountStatus,
): Promise<AccountStatus | undefined> {
  const before = await db.selectFrom('account').select('status').where('id', '=', id).forUpdate().executeTakeFirst();
  if (!before) return undefined;
  await db.updateTable('account').set({ status }).where('id', '=', id).execute();
  return before.status;
}

/** Sets an account's roles. */
export async function updateAccountRoles(db: Kysely<Database>, id: string, roles: Role[]): Promise<void> {
  await db.updateTable('account').set({ roles }).where('id', '=', id).execute();
}

/** Ends every open session of an account (its tokens stop working at once); returns how many. */
export async function revokeAccountSessions(db: Kysely<Database>, accountId: string, reason: string): Promise<number> {
  const ended = await db
    .updateTable('auth_session')
    .set({ revoked_at: sql<Date>`now()`, revoked_reason: reason })
    .where('account_id', '=', accountId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute();
  return ended.length;
}
