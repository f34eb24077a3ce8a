import { sql, type Kysely } from 'kysely';

/**
 * The base every capability builds on: the extensions (range exclusion constraints, trigram
 * search, digests) and `docsy_refuse_change()`, the trigger function that makes a table
 * append-only:
 *
 *   create trigger composition_version_append_only before update or delete on composition_version
 *     for each row execute function docsy_refuse_change();
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create extension if not exists btree_gist`.execute(db);
  await sql`create extension if not exists pg_trgm`.execute(db);
  await sql`create extension if not exists pgcrypto`.execute(db);
  await sql`
    create or replace function docsy_refuse_change() returns trigger language plpgsql as $$
    begin
      raise exception '% on % is not allowed: the table is append-only', tg_op, tg_table_name
        using errcode = 'insufficient_privilege';
    end
    $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function if exists docsy_refuse_change()`.execute(db);
}
