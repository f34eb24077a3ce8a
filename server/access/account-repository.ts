import type { Kysely, Selectable } from 'kysely';
import type { Database } from '../db/database.js';
import type { AccountTable } from './tables.js';

export type AccountRow = Selectable<AccountTable>;

/** A new account as stored; `created_at` is the database's. */
export type NewAccountRow = Omit<AccountRow, 'created_at'>;

/**
 * Inserts an account. A second account with the same email (in any case) fails on the unique
 * index `account_email`.
 *
 * @example
 * await insertAccount(trx, row);
 */
export async function insertAccount(db: Kysely<Database>, row: NewAccountRow): Promise<AccountRow> {
  return db.insertInto('account').values(row).returningAll().executeTakeFirstOrThrow();
}

/**
 * The account with this email, compared without case (served by the index on `lower(email)`).
 *
 * @example
 * const account = await findAccountByEmail(db, 'Ann@Example.org');
 */
export async function findAccountByEmail(db: Kysely<Database>, email: string): Promise<AccountRow | undefined> {
  return db
    .selectFrom('account')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
}

/** The account with this id, or undefined. */
export async function findAccountById(db: Kysely<Database>, id: string): Promise<AccountRow | undefined> {
  return db.selectFrom('account').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The account whose calendar feed token has this SHA-256 (see `calendar-token.ts`), for the
 * calendar feed route.
 *
 * @example
 * const account = await findAccountByCalendarTokenHash(db, tokenHash(request.params.token));
 */
export async function findAccountByCalendarTokenHash(
  db: Kysely<Database>,
  hash: string,
): Promise<AccountRow | undefined> {
  return db.selectFrom('account').selectAll().where('calendar_token_hash', '=', hash).executeTakeFirst();
}

/** Stores the SHA-256 of an account's current calendar feed token. */
export async function updateCalendarTokenHash(db: Kysely<Database>, id: string, hash: string): Promise<void> {
  await db.updateTable('account').set({ calendar_token_hash: hash }).where('id', '=', id).execute();
}

/**
 * Gives an account a new calendar nonce and the hash of the token it derives: the old feed URL
 * stops working at once.
 *
 * @example
 * await replaceCalendarNonce(trx, accountId, nonce, tokenHash(calendar.token(accountId, nonce)));
 */
export async function replaceCalendarNonce(
  db: Kysely<Database>,
  id: string,
  nonce: string,
  hash: string,
): Promise<void> {
  await db
    .updateTable('account')
    .set({ calendar_nonce: nonce, calendar_token_hash: hash })
    .where('id', '=', id)
    .execute();
}
