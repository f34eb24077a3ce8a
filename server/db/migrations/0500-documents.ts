import { sql, type Kysely } from 'kysely';

/**
 * Attachments (SPEC §3, docs/documents.md): files uploaded into an EHR and referenced from its
 * compositions by id. The bytes live in Postgres beside their SHA-256 (checked on every read);
 * the table carries `ehr_id` first in its key (the Citus distribution column) and is
 * append-only in the database itself: a stored file is never changed or removed.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table attachment (
      ehr_id uuid not null references ehr (ehr_id),
      id uuid not null,
      media_type text not null,
      size integer not null check (size >= 0),
      sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
      name text,
      content bytea not null,
      uploaded_by text not null,
      uploaded_at timestamptz not null default now(),
      primary key (ehr_id, id)
    )`.execute(db);
  // Images and PDFs are already compressed: store them out of line without trying again.
  await sql`alter table attachment alter column content set storage external`.execute(db);
  await sql`
    create trigger attachment_append_only before update or delete on attachment
      for each row execute function docsy_refuse_change()`.execute(db);
  await sql`
    create trigger attachment_no_truncate before truncate on attachment
      for each statement execute function docsy_refuse_change()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists attachment`.execute(db);
}
