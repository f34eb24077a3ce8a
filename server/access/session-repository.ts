import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { AccountRow } from './account-repository.js';
import { accountIdentity, type AuthUser } from './auth-user.js';

/**
 * Starts a session (one sign-in) with its first refresh token.
 *
 * @example
 * await insertSession(trx, { id, accountId, expiresAt, refreshTokenHash, refreshExpiresAt });
 */
export async function insertSession(
  db: Kysely<Database>,
  session: { id: string; accountId: string; expiresAt: Date; refreshTokenHash: string; refreshExpiresAt: Date },
): Promise<void> {
  await db
    .insertInto('auth_session')
    .values({ id: session.id, account_id: session.accountId, expires_at: session.expiresAt })
    .execute();
  await insertRefreshToken(db, session.id, session.refreshTokenHash, session.refreshExpiresAt);
}

/** Adds a refresh token to a session's family. */
export async function insertRefreshToken(
  db: Kysely<Database>,
  sessionId: string,
  hash: string,
  expiresAt: Date,
): Promise<void> {
  await db
    .insertInto('refresh_token')
    .values({ token_hash: hash, session_id: sessionId, expires_at: expiresAt })
    .execute();
}

/** What presenting a refresh token found. */
export type RefreshTokenUse =
  | { outcome: 'fresh'; sessionId: string }
  | { outcome: 'reused'; sessionId: string }
  | { outcome: 'expired' | 'unknown' };

/**
 * Marks a refresh token used, atomically: of two requests presenting the same token, exactly one
 * gets `fresh`; the other (and any later one) gets `reused`.
 *
 * @example
 * const use = await useRefreshToken(trx, tokenHash(refreshToken));
 */
export async function useRefreshToken(db: Kysely<Database>, hash: string): Promise<RefreshTokenUse> {
  const used = await db
    .updateTable('refresh_token')
    .set({ used_at: sql<Date>`now()` })
    .where('token_hash', '=', hash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', sql<Date>`now()`)
    .returning('session_id')
    .executeTakeFirst();
  if (used) return { outcome: 'fresh', sessionId: used.session_id };
  const known = await db
    .selectFrom('refresh_token')
    .select(['session_id', 'used_at'])
    .where('token_hash', '=', hash)
    .executeTakeFirst();
  if (!known) return { outcome: 'unknown' };
  return known.used_at ? { outcome: 'reused', sessionId: known.session_id } : { outcome: 'expired' };
}

/**
 * Ends a session and with it every refresh token of its family and every access token naming it.
 * Returns the account it belonged to, when it was still open.
 *
 * @example
 * await revokeSession(db, sessionId, 'logout');
 */
export async function revokeSession(
  db: Kysely<Database>,
  sessionId: string,
  reason: string,
): Promise<string | undefined> {
  const row = await db
    .updateTable('auth_session')
    .set({ revoked_at: sql<Date>`now()`, revoked_reason: reason })
    .where('id', '=', sessionId)
    .where('revoked_at', 'is', null)
    .returning('account_id')
    .executeTakeFirst();
  return row?.account_id;
}

/** The open sessions of active accounts, joined to their account. */
function openSessions(db: Kysely<Database>, sessionId: string) {
  return db
    .selectFrom('auth_session as s')
    .innerJoin('account as a', 'a.id', 's.account_id')
    .where('s.id', '=', sessionId)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', sql<Date>`now()`)
    .where('a.status', '=', 'active');
}

/**
 * The user of an open session of an active account, or undefined: the one query behind every
 * authenticated request (primary-key lookups of the session and its account).
 *
 * @example
 * const user = await findSessionUser(db, claims.sid, claims.sub);
 */
export async function findSessionUser(
  db: Kysely<Database>,
  sessionId: string,
  accountId: string,
): Promise<AuthUser | undefined> {
  const row = await openSessions(db, sessionId)
    .select(['a.id', 'a.email', 'a.name', 'a.roles', 'a.status', 'a.ehr_id'])
    .where('s.account_id', '=', accountId)
    .executeTakeFirst();
  return row ? { ...accountIdentity(row), sessionId } : undefined;
}

/**
 * The account of an open session with the session's end, or undefined when the session was
 * revoked, has expired or its account is no longer active.
 *
 * @example
 * const open = await findOpenSession(trx, use.sessionId);
 */
export async function findOpenSession(
  db: Kysely<Database>,
  sessionId: string,
): Promise<{ account: AccountRow; expiresAt: Date } | undefined> {
  const row = await openSessions(db, sessionId)
    .selectAll('a')
    .select('s.expires_at as session_expires_at')
    .executeTakeFirst();
  if (!row) return undefined;
  const { session_expires_at: expiresAt, ...account } = row;
  return { account, expiresAt };
}
