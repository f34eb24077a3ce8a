import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';

/**
 * Whose record an EHR is: the patient's name and birth date (`YYYY-MM-DD`), when a patient's
 * account holds it.
 *
 * @example
 * await recordSubject(db, ehrId); // { name: 'Ada Example', birthDate: '1971-12-10' }
 */
export async function recordSubject(
  db: Kysely<Database>,
  ehrId: string,
): Promise<{ name: string; birthDate: string | null } | undefined> {
  const row = await db
    .selectFrom('account')
    .select(['name', 'birth_date'])
    .where('ehr_id', '=', ehrId)
    .executeTakeFirst();
  return row ? { name: row.name, birthDate: row.birth_date } : undefined;
}

/**
 * The number of a composition's latest version (a deletion's tombstone included), or undefined.
 *
 * @example
 * await latestVersion(db, ehrId, uid); // 3
 */
export async function latestVersion(db: Kysely<Database>, ehrId: string, uid: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('composition')
    .select('version')
    .where('ehr_id', '=', ehrId)
    .where('uid', '=', uid)
    .executeTakeFirst();
  return row?.version;
}
