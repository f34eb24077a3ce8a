import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';

/**
 * Login attempts allowed per window (docs/access.md). Only failures count: a successful login
 * gives its attempt back, so a clinic behind one address is never limited by its own sign-ins.
 */
export const loginLimits = {
  windowSeconds: 15 * 60,
  /** Failed attempts on one account (from anywhere) before it must wait for the window's end. */
  perAccount: 5,
  /** Failed attempts from one address (on any accounts, known or not). */
  perAddress: 100,
} as const;

/** The throttle keys of one login attempt. */
export interface ThrottleKeys {
  address: string;
  /** Absent when the email has no account. */
  account?: string;
}

/**
 * Counts one attempt against each key, atomically (concurrent attempts each count), and returns
 * the seconds to wait when any key is now over its limit, or 0.
 *
 * @example
 * const wait = await countLoginAttempt(db, { address: request.ip, account: account?.id });
 * if (wait > 0) throw tooManyAttempts(wait);
 */
export async function countLoginAttempt(db: Kysely<Database>, keys: ThrottleKeys): Promise<number> {
  const window = sql<Date>`now() - make_interval(secs => ${loginLimits.windowSeconds})`;
  const rows = await db
    .insertInto('login_throttle')
    .values(throttleKeys(keys).map(({ key }) => ({ key, attempts: 1, window_start: sql<Date>`now()` })))
    .onConflict((conflict) =>
      conflict.column('key').doUpdateSet({
        attempts: sql<number>`case when login_throttle.window_start > ${window} then login_throttle.attempts + 1 else 1 end`,
        window_start: sql<Date>`case when login_throttle.window_start > ${window} then login_throttle.window_start else now() end`,
      }),
    )
    .returning([
      'key',
      'attempts',
      sql<number>`ceil(extract(epoch from window_start - ${window}))::int`.as('seconds_left'),
    ])
    .execute();
  const limits = new Map(throttleKeys(keys).map(({ key, limit }) => [key, limit]));
  const over = rows.filter((row) => row.attempts > (limits.get(row.key) ?? 0));
  return over.length === 0 ? 0 : Math.max(1, ...over.map((row) => Number(row.seconds_left)));
}

/**
 * Gives back a successful login's attempt: the account starts afresh, the address's count drops
 * by one.
 *
 * @example
 * await refundLoginAttempt(trx, { address: request.ip, account: account.id });
 */
export async function refundLoginAttempt(db: Kysely<Database>, keys: Required<ThrottleKeys>): Promise<void> {
  const [address, account] = throttleKeys(keys);
  await db.deleteFrom('login_throttle').where('key', '=', account!.key).execute();
  await db
    .updateTable('login_throttle')
    .set({ attempts: sql<number>`greatest(attempts - 1, 0)` })
    .where('key', '=', address!.key)
    .execute();
}

function throttleKeys(keys: ThrottleKeys): { key: string; limit: number }[] {
  const all: { key: string; limit: number }[] = [{ key: `address:${keys.address}`, limit: loginLimits.perAddress }];
  if (keys.account) all.push({ key: `account:${keys.account}`, limit: loginLimits.perAccount });
  return all;
}
