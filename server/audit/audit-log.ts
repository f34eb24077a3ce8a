import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { jsonb } from '../db/engine-differences.js';

/** The chain of events that concern no EHR (logins, knowledge, administration). */
export const systemChain = 'system';

/** One event to append to the audit log. */
export interface AuditEvent {
  /** What happened, e.g. `composition.read`, `composition.create`, `login`, `break-glass`. */
  action: string;
  outcome: 'success' | 'denied' | 'failure';
  actorId?: string;
  actorRole?: string;
  /** The EHR concerned; its events form that EHR's chain. */
  ehrId?: string;
  /** What was acted on, e.g. a composition's version id. */
  resource?: string;
  /** Anything else worth keeping; never clinical content, passwords or tokens. */
  details?: Record<string, unknown>;
  address?: string;
}

/**
 * The SQL expression that appends one event, for use inside a larger statement (so a commit and
 * its audit event are one round trip) or on its own with {@link appendAuditEvent}.
 *
 * @example
 * await sql`select ${auditAppendCall(event)}`.execute(trx);
 */
export function auditAppendCall(event: AuditEvent) {
  return sql<number>`docsy_audit_append(
    ${event.ehrId ?? systemChain}, ${event.action}, ${event.outcome}, ${event.actorId ?? null}, ${event.actorRole ?? null},
    ${event.ehrId ?? null}::uuid, ${event.resource ?? null}, ${jsonb(event.details ?? {})}, ${event.address ?? null})`;
}

/**
 * Appends one event to its chain (the EHR's, or the system chain) and returns its sequence number.
 *
 * @example
 * await appendAuditEvent(db, { action: 'login', outcome: 'failure', details: { email }, address: request.ip });
 */
export async function appendAuditEvent(db: Kysely<Database>, event: AuditEvent): Promise<number> {
  const { rows } = await sql<{ seq: number }>`select ${auditAppendCall(event)} as seq`.execute(db);
  return Number(rows[0]!.seq);
}
