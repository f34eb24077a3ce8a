import { sql, type Kysely } from 'kysely';

/** Finding patients by any part of their name (trigram index), for practitioners' patient search. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index account_patient_name on account using gin (lower(name) gin_trgm_ops) where ehr_id is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists account_patient_name`.execute(db);
}
