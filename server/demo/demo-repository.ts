import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { demoEmailDomain } from './demo-accounts.js';

/** The marker row of a loaded demo data set, or undefined. */
export async function findDemoLoad(db: Kysely<Database>) {
  return db.selectFrom('demo_load').selectAll().executeTakeFirst();
}

/**
 * Writes the marker of a loaded demo data set; false when one exists already (another load got
 * there first: the primary key holds one row, and a concurrent load waits on it).
 *
 * @example
 * if (!(await insertDemoLoad(trx, { seed, anchor_date, accounts, compositions }))) return 'already-loaded';
 */
export async function insertDemoLoad(
  db: Kysely<Database>,
  load: { seed: number; anchor_date: string; accounts: number; compositions: number },
): Promise<boolean> {
  const inserted = await db
    .insertInto('demo_load')
    .values(load)
    .onConflict((conflict) => conflict.column('id').doNothing())
    .returning('seed')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Whether the database holds any account or EHR (anything but knowledge and terminology). */
export async function holdsRecords(db: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    select exists (select 1 from account) or exists (select 1 from ehr) as found`.execute(db);
  return rows[0]!.found;
}

/**
 * The distinct password hashes of accounts under the demo email domain (`…@docsy.demo`,
 * `…@staff.docsy.demo`, …); demo data shares one hash, so this is one row unless someone changed
 * a password.
 *
 * @example
 * const hashes = await demoAccountPasswordHashes(db);
 */
export async function demoAccountPasswordHashes(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('account')
    .select('password_hash')
    .distinct()
    .where((eb) =>
      eb.or([
        eb(eb.fn('lower', ['email']), 'like', `%@${demoEmailDomain}`),
        eb(eb.fn('lower', ['email']), 'like', `%.${demoEmailDomain}`),
      ]),
    )
    .limit(20)
    .execute();
  return rows.map((row) => row.password_hash);
}
