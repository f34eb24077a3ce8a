import { sql, type Kysely } from 'kysely';

/**
 * The EHR: one per patient, identified by a UUID, with the openEHR status flags. The
 * compositions, versions and contributions that belong to it come in later migrations of the
 * EHR capability (0210 and on).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table ehr (
      ehr_id uuid primary key,
      system_id text not null,
      subject_id text unique,
      is_queryable boolean not null default true,
      is_modifiable boolean not null default true,
      created_at timestamptz not null default now()
    )`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists ehr`.execute(db);
}
