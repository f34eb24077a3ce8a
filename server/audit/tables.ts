import type { ColumnType } from 'kysely';

/** One audit event, appended only through `docsy_audit_append` (see migration 0050). */
export interface AuditEventTable {
  chain_key: string;
  seq: number;
  occurred_at: Date;
  action: string;
  outcome: 'success' | 'denied' | 'failure';
  actor_id: string | null;
  actor_role: string | null;
  ehr_id: string | null;
  resource: string | null;
  details: ColumnType<Record<string, unknown>, unknown, unknown>;
  address: string | null;
  prev_hash: string;
  hash: string;
}

/** The head of each hash chain: its last sequence number and hash (and the hash before it, see migration 0051). */
export interface AuditChainTable {
  chain_key: string;
  last_seq: number;
  last_hash: string;
  prev_hash: string | null;
}

export interface AuditTables {
  audit_event: AuditEventTable;
  audit_chain: AuditChainTable;
}
