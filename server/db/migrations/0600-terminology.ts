import { sql, type Kysely } from 'kysely';

/**
 * Value sets for search-as-you-type (SNOMED CT, LOINC and UCUM subsets, and any imported by CSV).
 * A trigram index serves word and fuzzy search on large imported sets; the shipped sets are small.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table value_set (
      id text primary key,
      title text not null,
      code_system text not null,
      source text not null,
      source_sha256 text not null,
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`
    create table concept (
      value_set_id text not null references value_set (id) on delete cascade,
      code text not null,
      display text not null,
      synonyms text[] not null default '{}',
      search_text text not null,
      primary key (value_set_id, code)
    )`.execute(db);
  await sql`create index concept_search on concept using gin (search_text gin_trgm_ops)`.execute(db);
  await sql`create index concept_code on concept (value_set_id, lower(code))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists concept`.execute(db);
  await sql`drop table if exists value_set`.execute(db);
}
