import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { decodeCursor, page } from '../http/pagination.js';

/** One entry of a patient's access log: who did what to their record, and when. */
export interface AccessLogEntry {
  at: string;
  actor: { id: string; name: string; role: string | null } | null;
  /** `composition.read`, `composition.create`, `access.denied`, `break-glass`, … */
  action: string;
  outcome: 'success' | 'denied' | 'failure';
  resource?: string;
  /** Set when the event happened under break-glass (or is the break-glass itself). */
  breakGlassReason?: string;
}

/**
 * One page of the audit events of a record's chain, newest first, with the actor's name and the
 * break-glass reason they acted under (SPEC §4: the patient sees who accessed their record).
 *
 * @example
 * const { items, next } = await accessLog(db, ehrId, { limit: 50 });
 */
export async function accessLog(
  db: Kysely<Database>,
  ehrId: string,
  query: { limit: number; cursor?: string },
): Promise<{ items: AccessLogEntry[]; next?: string }> {
  const before = query.cursor ? Number(decodeCursor(query.cursor, 1)[0]) : undefined;
  let select = db
    .selectFrom('audit_event as e')
    .leftJoin('account as a', (join) =>
      join.on(
        'a.id',
        '=',
        sql<string>`case when e.actor_id ~ '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then e.actor_id::uuid end`,
      ),
    )
    .leftJoin('break_glass as b', (join) =>
      join.on(
        'b.id',
        '=',
        sql<string>`case when e.details->>'breakGlass' ~ '^[0-9a-f-]{36}$' then (e.details->>'breakGlass')::uuid end`,
      ),
    )
    .select([
      'e.seq',
      'e.occurred_at',
      'e.action',
      'e.outcome',
      'e.resource',
      'e.actor_id',
      'e.actor_role',
      'a.name as actor_name',
      'b.reason as break_glass_reason',
    ])
    .where('e.chain_key', '=', ehrId);
  if (before !== undefined && Number.isSafeInteger(before)) select = select.where('e.seq', '<', before);
  const rows = await select
    .orderBy('e.seq', 'desc')
    .limit(query.limit + 1)
    .execute();
  const { items, next } = page(rows, query.limit, (row) => [row.seq]);
  return {
    items: items.map((row) => ({
      at: row.occurred_at.toISOString(),
      actor: row.actor_id ? { id: row.actor_id, name: row.actor_name ?? 'Unknown', role: row.actor_role } : null,
      action: row.action,
      outcome: row.outcome,
      ...(row.resource ? { resource: row.resource } : {}),
      ...(row.break_glass_reason ? { breakGlassReason: row.break_glass_reason } : {}),
    })),
    ...(next ? { next } : {}),
  };
}
