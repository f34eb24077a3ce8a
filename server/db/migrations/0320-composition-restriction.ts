import { sql, type Kysely } from 'kysely';

/**
 * Restriction (SPEC §4): a patient restricts a composition (`composition.restricted`, migration
 * 0210) and may name practitioners who still see it; everyone else does not, outside break-glass.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table composition_allowance (
      ehr_id uuid not null,
      uid uuid not null,
      practitioner_id uuid not null references account (id),
      primary key (ehr_id, uid, practitioner_id),
      foreign key (ehr_id, uid) references composition (ehr_id, uid)
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists composition_allowance`.execute(db);
}
