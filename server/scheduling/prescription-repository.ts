import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { PrescriptionDocument } from './medication-orders.js';

/** Templates whose compositions are prescriptions (any major version). */
const prescriptionTemplates = 'docsy.prescription.%';

/**
 * The current (not deleted) prescriptions of an EHR with their content, for medication reminders.
 *
 * @example
 * const prescriptions = await currentPrescriptions(db, ehrId);
 */
export async function currentPrescriptions(db: Kysely<Database>, ehrId: string): Promise<PrescriptionDocument[]> {
  const rows = await db
    .selectFrom('composition')
    .select(['uid', 'start_time', sql<unknown>`document->'content'`.as('content')])
    .where('ehr_id', '=', ehrId)
    .where('deleted', '=', false)
    .where('template_id', 'like', prescriptionTemplates)
    .orderBy('start_time')
    .execute();
  return rows.map((row) => ({ uid: row.uid, startTime: row.start_time, content: row.content }));
}
