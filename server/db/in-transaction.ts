import type { Kysely } from 'kysely';
import type { Database } from './database.js';

/**
 * Runs `work` in a transaction: a new one, or the caller's when `db` is already a transaction
 * (Kysely does not nest them), so a service's writes can join a larger unit such as a data load.
 *
 * @example
 * await inTransaction(db, async (trx) => {
 *   await insertAppointment(trx, row);
 *   await appendAuditEvent(trx, event);
 * });
 */
export function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
