import { sql, type Kysely } from 'kysely';

/**
 * The audit hash with Postgres's built-in `sha256()` instead of pgcrypto's `digest()`: the same
 * bytes (the UTF-8 text of the event) give the same hash, so every chain written before still
 * verifies, and no audit append depends on the extension (PGlite's pgcrypto has failed to find
 * its digest provider now and then, which failed the append, and with it the commit).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await createAuditHash(db, sql`sha256(convert_to(event_text, 'UTF8'))`);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await createAuditHash(db, sql`digest(event_text, 'sha256')`);
}

async function createAuditHash(db: Kysely<unknown>, hashOfEventText: ReturnType<typeof sql>): Promise<void> {
  await sql`
    create or replace function docsy_audit_hash(
      prev_hash text, chain_key text, seq bigint, occurred_at timestamptz, action text, outcome text,
      actor_id text, actor_role text, ehr_id uuid, resource text, details jsonb, address text
    ) returns text language sql immutable as $$
      select encode(${hashOfEventText}, 'hex') from (select concat_ws('|',
        prev_hash, chain_key, seq::text,
        to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        action, outcome, coalesce(actor_id, ''), coalesce(actor_role, ''), coalesce(ehr_id::text, ''),
        coalesce(resource, ''), details::text, coalesce(address, '')
      ) as event_text) as event
    $$`.execute(db);
}
