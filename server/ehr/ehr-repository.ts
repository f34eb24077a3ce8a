import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';

/** An EHR as the rest of the server sees it. */
export interface EhrRecord {
  ehrId: string;
  systemId: string;
  subjectId: string | null;
  isQueryable: boolean;
  isModifiable: boolean;
  createdAt: Date;
}

/**
 * Creates an EHR (a patient's record) and returns its id. Pass the transaction when the EHR is
 * created together with something else, such as a patient's account.
 *
 * @example
 * const ehrId = await createEhr(trx, { systemId: config.systemId, subjectId: accountId });
 */
export async function createEhr(
  db: Kysely<Database>,
  options: { systemId: string; subjectId?: string; ehrId?: string },
): Promise<string> {
  const ehrId = options.ehrId ?? randomUUID();
  await db
    .insertInto('ehr')
    .values({ ehr_id: ehrId, system_id: options.systemId, subject_id: options.subjectId ?? null })
    .execute();
  return ehrId;
}

/** Reads one EHR, or undefined when there is none with that id. */
export async function findEhr(db: Kysely<Database>, ehrId: string): Promise<EhrRecord | undefined> {
  const row = await db.selectFrom('ehr').selectAll().where('ehr_id', '=', ehrId).executeTakeFirst();
  if (!row) return undefined;
  return {
    ehrId: row.ehr_id,
    systemId: row.system_id,
    subjectId: row.subject_id,
    isQueryable: row.is_queryable,
    isModifiable: row.is_modifiable,
    createdAt: row.created_at,
  };
}
