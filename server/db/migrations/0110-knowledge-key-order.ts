import { sql, type Kysely } from 'kysely';

/**
 * Archetype and template documents keep their text's key order: `properties` lists elements in
 * display order (docs/modelling.md), and `jsonb` would reorder keys (shorter first), so a form's
 * fields and its error messages would come out in another order after a restart. The column
 * becomes `json` (the text as sent); the guard compares documents as `jsonb`, where order does not
 * matter. Revisions stored before this migration keep the order `jsonb` gave them.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table knowledge_revision alter column document type json using document::json`.execute(db);
  await sql`
    create or replace function docsy_guard_knowledge_revision() returns trigger language plpgsql as $$
    declare
      lifecycle_path text[] := case when old.kind = 'archetype' then '{x-archetype,lifecycle}' else '{lifecycle}' end;
    begin
      if old.lifecycle = 'draft' then
        if tg_op = 'DELETE' then
          return old;
        end if;
        return new;
      end if;
      if tg_op = 'UPDATE' and new.lifecycle = 'deprecated'
         and (old.document::jsonb #- lifecycle_path) = (new.document::jsonb #- lifecycle_path) then
        return new;
      end if;
      raise exception '% % revision % is released and cannot change (only published -> deprecated)', old.kind, old.id, old.revision
        using errcode = 'insufficient_privilege';
    end
    $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`alter table knowledge_revision alter column document type jsonb using document::jsonb`.execute(db);
}
