import { sql, type Kysely } from 'kysely';

/**
 * The tamper-evident audit log (SPEC §4). One hash chain per EHR (`chain_key` = the ehr id) and
 * one for events without an EHR (`system`), so commits to different EHRs never wait for each
 * other. Each event carries the SHA-256 of its predecessor; the hash formula lives in one SQL
 * function, used both to append and to verify.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table audit_event (
      chain_key text not null,
      seq bigint not null,
      occurred_at timestamptz not null,
      action text not null,
      outcome text not null check (outcome in ('success', 'denied', 'failure')),
      actor_id text,
      actor_role text,
      ehr_id uuid,
      resource text,
      details jsonb not null default '{}',
      address text,
      prev_hash text not null,
      hash text not null,
      primary key (chain_key, seq)
    )`.execute(db);
  await sql`create index audit_event_ehr on audit_event (ehr_id, occurred_at) where ehr_id is not null`.execute(db);
  await sql`
    create trigger audit_event_append_only before update or delete on audit_event
      for each row execute function docsy_refuse_change()`.execute(db);
  // The head of each chain: the row lock serialises appends to one chain only.
  await sql`
    create table audit_chain (
      chain_key text primary key,
      last_seq bigint not null,
      last_hash text not null
    )`.execute(db);
  await sql`
    create function docsy_audit_hash(
      prev_hash text, chain_key text, seq bigint, occurred_at timestamptz, action text, outcome text,
      actor_id text, actor_role text, ehr_id uuid, resource text, details jsonb, address text
    ) returns text language sql immutable as $$
      select encode(digest(concat_ws('|',
        prev_hash, chain_key, seq::text,
        to_char(occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        action, outcome, coalesce(actor_id, ''), coalesce(actor_role, ''), coalesce(ehr_id::text, ''),
        coalesce(resource, ''), details::text, coalesce(address, '')
      ), 'sha256'), 'hex')
    $$`.execute(db);
  await createAuditAppendWithTwoUpdates(db);
}

/**
 * The first `docsy_audit_append`: the chain head updated twice per event (sequence, then hash).
 * Migration 0051 replaces it with one update; its `down` restores this one.
 */
export async function createAuditAppendWithTwoUpdates(db: Kysely<unknown>): Promise<void> {
  await sql`
    create or replace function docsy_audit_append(
      p_chain_key text, p_action text, p_outcome text, p_actor_id text, p_actor_role text,
      p_ehr_id uuid, p_resource text, p_details jsonb, p_address text
    ) returns bigint language plpgsql as $$
    declare
      v_seq bigint;
      v_prev text;
      v_at timestamptz := clock_timestamp();
      v_hash text;
    begin
      update audit_chain set last_seq = last_seq + 1 where chain_key = p_chain_key
        returning last_seq, last_hash into v_seq, v_prev;
      if not found then
        insert into audit_chain (chain_key, last_seq, last_hash) values (p_chain_key, 1, repeat('0', 64))
          on conflict (chain_key) do update set last_seq = audit_chain.last_seq + 1
          returning last_seq, last_hash into v_seq, v_prev;
      end if;
      v_hash := docsy_audit_hash(v_prev, p_chain_key, v_seq, v_at, p_action, p_outcome, p_actor_id, p_actor_role,
                                 p_ehr_id, p_resource, coalesce(p_details, '{}'), p_address);
      insert into audit_event (chain_key, seq, occurred_at, action, outcome, actor_id, actor_role, ehr_id, resource,
                               details, address, prev_hash, hash)
        values (p_chain_key, v_seq, v_at, p_action, p_outcome, p_actor_id, p_actor_role, p_ehr_id, p_resource,
                coalesce(p_details, '{}'), p_address, v_prev, v_hash);
      update audit_chain set last_hash = v_hash where chain_key = p_chain_key;
      return v_seq;
    end
    $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop function if exists docsy_audit_append`.execute(db);
  await sql`drop function if exists docsy_audit_hash`.execute(db);
  await sql`drop table if exists audit_chain`.execute(db);
  await sql`drop table if exists audit_event`.execute(db);
}
