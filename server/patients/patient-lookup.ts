import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { PatientSummary } from './patient-search.js';

/**
 * One active patient by account id, as a search would list them (name, birth date, EHR id), or
 * undefined.
 *
 * @example
 * const patient = await findPatient(db, patientId); // { id, name: 'Ada Lovelace', birthDate: '1971-12-10', ehrId }
 */
export async function findPatient(db: Kysely<Database>, id: string): Promise<PatientSummary | undefined> {
  const row = await db
    .selectFrom('account')
    .select(['id', 'name', 'birth_date', 'ehr_id'])
    .where('id', '=', id)
    .where('ehr_id', 'is not', null)
    .where('status', '=', 'active')
    .executeTakeFirst();
  return row ? { id: row.id, name: row.name, birthDate: row.birth_date, ehrId: row.ehr_id! } : undefined;
}
