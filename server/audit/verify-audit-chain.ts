import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';

/** The first event whose hash or link does not hold, in chain and sequence order. */
export interface BrokenAuditEvent {
  chainKey: string;
  seq: number;
  reason: string;
}

export interface AuditVerification {
  ok: boolean;
  checked: number;
  firstBroken: BrokenAuditEvent | null;
}

const genesis = '0'.repeat(64);

/**
 * Recomputes every event's hash with the same SQL function that wrote it, checks each event
 * links to its predecessor and that each chain's head matches its last event. Reads the log in
 * one pass, in the database.
 *
 * @example
 * const { ok, firstBroken } = await verifyAuditChain(db);
 */
export async function verifyAuditChain(db: Kysely<Database>): Promise<AuditVerification> {
  const { rows } = await sql<{ chain_key: string; seq: number; reason: string; checked: number }>`
    with walked as (
      select chain_key, seq, hash, prev_hash,
        docsy_audit_hash(prev_hash, chain_key, seq, occurred_at, action, outcome, actor_id, actor_role, ehr_id,
                         resource, details, address) as recomputed,
        lag(hash) over chain as previous_hash,
        lag(seq) over chain as previous_seq,
        lead(seq) over chain as next_seq
      from audit_event
      window chain as (partition by chain_key order by seq)
    ),
    problems as (
      select w.chain_key, w.seq,
        case
          when w.recomputed <> w.hash then 'its content does not match its hash (changed after it was written)'
          when w.previous_seq is null and (w.seq <> 1 or w.prev_hash <> ${genesis}) then 'the events before it are missing'
          when w.previous_seq is not null and w.seq <> w.previous_seq + 1 then 'the event before it is missing'
          when w.previous_seq is not null and w.prev_hash <> w.previous_hash then 'it does not carry the hash of the event before it'
          when w.next_seq is null and c.last_hash is distinct from w.hash then 'the events after it are missing'
        end as reason
      from walked w left join audit_chain c on c.chain_key = w.chain_key
    )
    select chain_key, seq, reason, (select count(*) from audit_event) as checked
    from problems where reason is not null
    order by chain_key, seq
    limit 1`.execute(db);
  const broken = rows[0];
  if (broken)
    return {
      ok: false,
      checked: Number(broken.checked),
      firstBroken: { chainKey: broken.chain_key, seq: Number(broken.seq), reason: broken.reason },
    };
  const count = await db
    .selectFrom('audit_event')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { ok: true, checked: Number(count.n), firstBroken: null };
}
