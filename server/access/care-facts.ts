import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';

/** What the database knows about a practitioner and a patient's record, right now. */
export interface CareFacts {
  ehrExists: boolean;
  /** An appointment or a grant of the patient's, currently valid. */
  related: boolean;
  /** An order on the record that is still open. */
  openOrder: boolean;
  /** The practitioner's break-glass access to this record that has not expired, if any. */
  breakGlass?: { id: string; reason: string; expiresAt: Date };
}

/**
 * Everything the care-relationship rule needs, in one round trip served by indexes
 * (`care_relationship_pair`, `clinical_order_open`, `break_glass_active`).
 *
 * @example
 * const facts = await careFacts(db, ehrId, request.user.id);
 */
export async function careFacts(db: Kysely<Database>, ehrId: string, practitionerId: string): Promise<CareFacts> {
  const { rows } = await sql<{
    ehr_exists: boolean;
    related: boolean;
    open_order: boolean;
    glass_id: string | null;
    glass_reason: string | null;
    glass_expires_at: Date | null;
  }>`
    select
      exists (select 1 from ehr where ehr_id = ${ehrId}) as ehr_exists,
      exists (
        select 1 from care_relationship c
        where c.ehr_id = ${ehrId} and c.practitioner_id = ${practitionerId} and c.ended_at is null
          and c.valid_from <= now() and (c.valid_until is null or c.valid_until > now())
      ) as related,
      exists (select 1 from clinical_order o where o.ehr_id = ${ehrId} and o.status = 'open') as open_order,
      g.id as glass_id, g.reason as glass_reason, g.expires_at as glass_expires_at
    from (select 1) as one
    left join lateral (
      select b.id, b.reason, b.expires_at from break_glass b
      where b.ehr_id = ${ehrId} and b.practitioner_id = ${practitionerId} and b.expires_at > now()
      order by b.expires_at desc limit 1
    ) g on true`.execute(db);
  const row = rows[0]!;
  return {
    ehrExists: row.ehr_exists,
    related: row.related,
    openOrder: row.open_order,
    ...(row.glass_id
      ? { breakGlass: { id: row.glass_id, reason: row.glass_reason!, expiresAt: row.glass_expires_at! } }
      : {}),
  };
}
