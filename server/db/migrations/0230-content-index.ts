import { sql, type Kysely } from 'kysely';

/**
 * Archetype-path queries look into a composition's entries, never into the fields the server
 * sets (uid, version id, composer, times): the GIN index covers `document -> 'content'` only,
 * which makes it smaller and every commit cheaper than an index of the whole document.
 * Queries use the same expression: `document -> 'content' @> '[{"archetype": …}]'`.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists composition_document`.execute(db);
  await sql`create index composition_content on composition using gin ((document -> 'content') jsonb_path_ops)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index if exists composition_content`.execute(db);
  await sql`create index composition_document on composition using gin (document jsonb_path_ops)`.execute(db);
}
