import { sql, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../db/database.js';

export type OrderKind = 'lab' | 'imaging';
export type OrderStatus = 'open' | 'fulfilled' | 'cancelled';

/** An order with the names a list shows. */
export interface OrderRow {
  id: string;
  ehrId: string;
  kind: OrderKind;
  description: string;
  status: OrderStatus;
  orderedById: string;
  orderedByName: string;
  orderedAt: Date;
  closedAt: Date | null;
  patientId: string;
  patientName: string;
}

function orders(db: Kysely<Database>) {
  return db
    .selectFrom('clinical_order as o')
    .innerJoin('account as d', 'd.id', 'o.ordered_by')
    .innerJoin('account as p', 'p.ehr_id', 'o.ehr_id')
    .select([
      'o.id',
      'o.ehr_id as ehrId',
      'o.kind',
      'o.description',
      'o.status',
      'o.ordered_by as orderedById',
      'd.name as orderedByName',
      'o.ordered_at as orderedAt',
      'o.closed_at as closedAt',
      'p.id as patientId',
      'p.name as patientName',
    ]);
}

/** Orders before or after a page cursor `[orderedAt, id]`. */
function keyset(direction: '<' | '>', [orderedAt, id]: [string, string]) {
  return sql<SqlBool>`(o.ordered_at, o.id) ${sql.raw(direction)} (cast(${orderedAt} as timestamptz), cast(${id} as uuid))`;
}

/** Stores a new open order. */
export async function insertOrder(
  db: Kysely<Database>,
  order: { id: string; ehrId: string; kind: OrderKind; description: string; orderedBy: string },
): Promise<void> {
  await db
    .insertInto('clinical_order')
    .values({
      id: order.id,
      ehr_id: order.ehrId,
      kind: order.kind,
      description: order.description,
      ordered_by: order.orderedBy,
      // Whole milliseconds, so a page cursor made from a JavaScript date finds the row again.
      ordered_at: new Date(),
      closed_by: null,
      closed_at: null,
    })
    .execute();
}

/** One order of a record, or undefined. */
export async function findOrder(db: Kysely<Database>, ehrId: string, id: string): Promise<OrderRow | undefined> {
  return orders(db).where('o.ehr_id', '=', ehrId).where('o.id', '=', id).executeTakeFirst();
}

/**
 * The orders of a record, newest first; `limit + 1` rows at most, after the cursor `[orderedAt, id]`.
 *
 * @example
 * const rows = await listOrders(db, ehrId, { status: 'open' }, 51);
 */
export async function listOrders(
  db: Kysely<Database>,
  ehrId: string,
  filter: { status?: OrderStatus; before?: [string, string] },
  limit: number,
): Promise<OrderRow[]> {
  let query = orders(db).where('o.ehr_id', '=', ehrId);
  if (filter.status) query = query.where('o.status', '=', filter.status);
  if (filter.before) query = query.where(keyset('<', filter.before));
  return query
    .orderBy('o.ordered_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(limit + 1)
    .execute();
}

/**
 * Open orders across all records, oldest first (a lab's worklist; index `clinical_order_worklist`).
 *
 * @example
 * const rows = await openOrders(db, { kind: 'lab' }, 51);
 */
export async function openOrders(
  db: Kysely<Database>,
  filter: { kind?: OrderKind; after?: [string, string] },
  limit: number,
): Promise<OrderRow[]> {
  let query = orders(db).where('o.status', '=', 'open');
  if (filter.kind) query = query.where('o.kind', '=', filter.kind);
  if (filter.after) query = query.where(keyset('>', filter.after));
  return query
    .orderBy('o.ordered_at')
    .orderBy('o.id')
    .limit(limit + 1)
    .execute();
}

/** Closes an open order; false when it was not open. */
export async function closeOrder(
  db: Kysely<Database>,
  ehrId: string,
  id: string,
  change: { status: 'fulfilled' | 'cancelled'; closedBy: string },
): Promise<boolean> {
  const closed = await db
    .updateTable('clinical_order')
    .set({ status: change.status, closed_by: change.closedBy, closed_at: new Date() })
    .where('ehr_id', '=', ehrId)
    .where('id', '=', id)
    .where('status', '=', 'open')
    .returning('id')
    .executeTakeFirst();
  return closed !== undefined;
}
