import { sql, type Kysely } from 'kysely';
import { createAuditAppendWithTwoUpdates } from './0050-audit.js';

/**
 * `docsy_audit_append` with one update of the chain head per event instead of two (SPEC §8: the
 * audit append was the largest part of a commit's database time). The update computes the new
 * hash from the head it locks, in its `SET` (which sees the row as it is when locked, also after
 * waiting for a concurrent append), and keeps the head's previous hash in `prev_hash` so that
 * `RETURNING` can hand it to the event row. One new row version of the head per event, not two.
 * A chain's first event creates its head (sequence 0, the genesis hash) and updates it the same way.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table audit_chain add column prev_hash text`.execute(db);
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
      loop
        update audit_chain
          set last_seq = last_seq + 1,
              prev_hash = last_hash,
              last_hash = docsy_audit_hash(last_hash, p_chain_key, last_seq + 1, v_at, p_action, p_outcome,
                                           p_actor_id, p_actor_role, p_ehr_id, p_resource, coalesce(p_details, '{}'),
                                           p_address)
          where chain_key = p_chain_key
          returning last_seq, prev_hash, last_hash into v_seq, v_prev, v_hash;
        exit when found;
        insert into audit_chain (chain_key, last_seq, last_hash) values (p_chain_key, 0, repeat('0', 64))
          on conflict (chain_key) do nothing;
      end loop;
      insert into audit_event (chain_key, seq, occurred_at, action, outcome, actor_id, actor_role, ehr_id, resource,
                               details, address, prev_hash, hash)
        values (p_chain_key, v_seq, v_at, p_action, p_outcome, p_actor_id, p_actor_role, p_ehr_id, p_resource,
                coalesce(p_details, '{}'), p_address, v_prev, v_hash);
      return v_seq;
    end
    $$`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await createAuditAppendWithTwoUpdates(db);
  await sql`alter table audit_chain drop column if exists prev_hash`.execute(db);
}
