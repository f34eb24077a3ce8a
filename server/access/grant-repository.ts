import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { Role } from './roles.js';

/** A patient's grant to a practitioner, as the patient sees it. */
export interface GrantRow {
  practitionerId: string;
  practitionerName: string;
  practitionerRoles: Role[];
  grantedAt: Date;
  until: Date | null;
}

/**
 * Grants a practitioner access to the record until `until` (open-ended when null); granting
 * again only moves the end.
 *
 * @example
 * await upsertGrant(trx, { ehrId, practitionerId, until: null });
 */
export async function upsertGrant(
  db: Kysely<Database>,
  grant: { ehrId: string; practitionerId: string; until: Date | null },
): Promise<void> {
  await db
    .insertInto('care_relationship')
    .values({
      id: randomUUID(),
      ehr_id: grant.ehrId,
      practitioner_id: grant.practitionerId,
      kind: 'grant',
      source_id: null,
      valid_from: sql<Date>`now()`,
      valid_until: grant.until,
    })
    .onConflict((conflict) =>
      conflict
        .columns(['ehr_id', 'practitioner_id'])
        .where('kind', '=', 'grant')
        .where('ended_at', 'is', null)
        .doUpdateSet({ valid_until: grant.until }),
    )
    .execute();
}

/** Ends the practitioner's grant; false when there was none. */
export async function endGrant(db: Kysely<Database>, ehrId: string, practitionerId: string): Promise<boolean> {
  const ended = await db
    .updateTable('care_relationship')
    .set({ ended_at: sql<Date>`now()` })
    .where('ehr_id', '=', ehrId)
    .where('practitioner_id', '=', practitionerId)
    .where('kind', '=', 'grant')
    .where('ended_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return ended !== undefined;
}

/**
 * The record's grants that have not ended (expired ones included, with their end), newest first.
 *
 * @example
 * const grants = await listGrants(db, ehrId);
 */
export async function listGrants(db: Kysely<Database>, ehrId: string): Promise<GrantRow[]> {
  return db
    .selectFrom('care_relationship as c')
    .innerJoin('account as a', 'a.id', 'c.practitioner_id')
    .select([
      'c.practitioner_id as practitionerId',
      'a.name as practitionerName',
      'a.roles as practitionerRoles',
      'c.valid_from as grantedAt',
      'c.valid_until as until',
    ])
    .where('c.ehr_id', '=', ehrId)
    .where('c.kind', '=', 'grant')
    .where('c.ended_at', 'is', null)
    .orderBy('c.valid_from', 'desc')
    .execute();
}
