import { sql, type Kysely } from 'kysely';

/**
 * Archetype and template revisions. A released revision never changes: the guard trigger lets a
 * draft be rewritten or removed, and a released revision change only its lifecycle
 * (published -> deprecated); anything else is refused by the database itself.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table knowledge_revision (
      kind text not null check (kind in ('archetype', 'template')),
      id text not null,
      revision text not null,
      major integer not null,
      minor integer not null,
      patch integer not null,
      lifecycle text not null check (lifecycle in ('draft', 'published', 'deprecated')),
      title text not null,
      kind_of text not null,
      author_roles jsonb,
      document jsonb not null,
      created_by text not null,
      created_at timestamptz not null default now(),
      primary key (kind, id, revision)
    )`.execute(db);
  await sql`create index knowledge_revision_order on knowledge_revision (kind, id, major, minor, patch)`.execute(db);
  await sql`
    create function docsy_guard_knowledge_revision() returns trigger language plpgsql as $$
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
         and (old.document #- lifecycle_path) = (new.document #- lifecycle_path) then
        return new;
      end if;
      raise exception '% % revision % is released and cannot change (only published -> deprecated)', old.kind, old.id, old.revision
        using errcode = 'insufficient_privilege';
    end
    $$`.execute(db);
  await sql`
    create trigger knowledge_revision_guard before update or delete on knowledge_revision
      for each row execute function docsy_guard_knowledge_revision()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop table if exists knowledge_revision`.execute(db);
  await sql`drop function if exists docsy_guard_knowledge_revision()`.execute(db);
}
