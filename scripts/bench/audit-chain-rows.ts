import { createHash } from 'node:crypto';

/** An audit event as the generator writes it: every column of `audit_event` but the hashes. */
export interface GeneratedAuditEvent {
  action: string;
  outcome: 'success' | 'denied' | 'failure';
  actorId: string | null;
  actorRole: string | null;
  ehrId: string | null;
  resource: string | null;
  /** A flat object of strings (what the commit path writes), stored as JSONB. */
  details: Record<string, string>;
  address: string | null;
  /** When it happened, with millisecond precision. */
  occurredAt: Date;
}

/** An `audit_event` row with its place in the chain and its hash. */
export interface ChainedAuditEvent extends GeneratedAuditEvent {
  chainKey: string;
  seq: number;
  prevHash: string;
  hash: string;
  /** `details` as JSONB prints it (what the hash covers). */
  detailsText: string;
}

/** The hash a chain starts from (`audit_chain.last_hash` before its first event). */
export const genesisHash = '0'.repeat(64);

/**
 * Chains events the way `docsy_audit_append` (migration 0050) does, without a round trip per
 * event: sequence numbers from 1, each event's SHA-256 over the same fields in the same text
 * form as `docsy_audit_hash`, linked to its predecessor. The bulk loader writes the rows and the
 * chain's head (`last_seq`, `last_hash`); later appends by the server continue the chain.
 *
 * @example
 * const rows = chainAuditEvents(ehrId, events);
 * const head = { lastSeq: rows.length, lastHash: rows.at(-1)!.hash };
 */
export function chainAuditEvents(chainKey: string, events: GeneratedAuditEvent[]): ChainedAuditEvent[] {
  let prevHash = genesisHash;
  return events.map((event, i) => {
    const seq = i + 1;
    const detailsText = jsonbText(event.details);
    const hash = createHash('sha256')
      .update(
        [
          prevHash,
          chainKey,
          String(seq),
          `${event.occurredAt.toISOString().slice(0, -1)}000Z`,
          event.action,
          event.outcome,
          event.actorId ?? '',
          event.actorRole ?? '',
          event.ehrId ?? '',
          event.resource ?? '',
          detailsText,
          event.address ?? '',
        ].join('|'),
      )
      .digest('hex');
    const chained = { ...event, chainKey, seq, prevHash, hash, detailsText };
    prevHash = hash;
    return chained;
  });
}

/**
 * A flat object of strings as Postgres prints it as `jsonb`: keys ordered by length, then
 * bytewise; `": "` and `", "` between them.
 *
 * @example
 * jsonbText({ template: 'a', changeType: 'creation' }); // '{"template": "a", "changeType": "creation"}'
 */
export function jsonbText(object: Record<string, string>): string {
  const keys = Object.keys(object).sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((key) => `${JSON.stringify(key)}: ${JSON.stringify(object[key])}`).join(', ')}}`;
}
