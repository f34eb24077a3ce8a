import { sql, type Kysely } from 'kysely';

/**
 * Compositions, their immutable versions and the contributions that committed them (SPEC §2,
 * §5). Every table carries `ehr_id` first in its key (the Citus distribution column, see
 * docs/deploy.md). Versions and contributions are append-only in the database itself;
 * `composition` holds the current version of each, so reads, lists and queries touch one row.
 * Rows are written by `docsy_commit_contribution` (migration 0220), one round trip per commit.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table contribution (
      ehr_id uuid not null references ehr (ehr_id),
      contribution_id uuid not null,
      committer_id text not null,
      committer_name text not null,
      committer_role text,
      committed_at timestamptz not null,
      change_types text[] not null,
      reason text,
      version_count integer not null,
      primary key (ehr_id, contribution_id)
    )`.execute(db);

  await sql`
    create table composition (
      ehr_id uuid not null references ehr (ehr_id),
      uid uuid not null,
      version integer not null check (version > 0),
      template_id text not null,
      template_revision text not null,
      category text not null check (category in ('event', 'persistent')),
      start_time timestamptz not null,
      composer_id text not null,
      composer_name text not null,
      committed_at timestamptz not null,
      deleted boolean not null default false,
      restricted boolean not null default false,
      document jsonb,
      primary key (ehr_id, uid),
      check (deleted = (document is null))
    )`.execute(db);
  // A patient's chart: current compositions of one EHR; scanned backward for newest first (the list's keyset order).
  await sql`
    create index composition_chart on composition (ehr_id, start_time, uid) where not deleted
  `.execute(db);
  // Queries across EHRs by template, newest first.
  await sql`
    create index composition_template on composition (template_id, start_time) where not deleted
  `.execute(db);
  // Archetype-path queries: containment (@>) on the current document, e.g. an entry's archetype and codes.
  await sql`create index composition_document on composition using gin (document jsonb_path_ops)`.execute(db);

  await sql`
    create table composition_version (
      ehr_id uuid not null,
      uid uuid not null,
      version integer not null check (version > 0),
      contribution_id uuid not null,
      change_type text not null check (change_type in ('creation', 'amendment', 'modification', 'deleted')),
      lifecycle text not null check (lifecycle in ('complete', 'deleted')),
      committer_id text not null,
      committer_name text not null,
      committed_at timestamptz not null,
      template_id text not null,
      template_revision text not null,
      document json,
      primary key (ehr_id, uid, version),
      check ((lifecycle = 'deleted') = (document is null))
    )`.execute(db);

  for (const table of ['composition_version', 'contribution']) {
    await sql`
      create trigger ${sql.raw(`${table}_append_only`)} before update or delete on ${sql.table(table)}
        for each row execute function docsy_refuse_change()`.execute(db);
    await sql`
      create trigger ${sql.raw(`${table}_no_truncate`)} before truncate on ${sql.table(table)}
        for each statement execute function docsy_refuse_change()`.execute(db);
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists composition_version`.execute(db);
  await sql`drop table if exists composition`.execute(db);
  await sql`drop table if exists contribution`.execute(db);
}
