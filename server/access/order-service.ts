import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { appendAuditEvent } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { ApiError } from '../http/api-error.js';
import { decodeCursor, page } from '../http/pagination.js';
import type { EhrAccess, Viewer } from './ehr-access.js';
import {
  closeOrder,
  findOrder,
  insertOrder,
  listOrders,
  openOrders,
  type OrderKind,
  type OrderRow,
  type OrderStatus,
} from './order-repository.js';

/** An order as the API shows it. */
export interface OrderView {
  id: string;
  ehrId: string;
  kind: OrderKind;
  description: string;
  status: OrderStatus;
  orderedBy: { id: string; name: string };
  orderedAt: string;
  closedAt?: string;
  patient: { id: string; name: string };
}

/**
 * A doctor orders a lab test or an imaging study for a patient whose record they may open. The
 * order is open until fulfilled or cancelled; while it is open, lab technicians may open the
 * record (the policy limits them to lab and imaging reports).
 *
 * @example
 * const order = await placeOrder(db, access, { kind: 'lab', description: 'Full blood count' });
 */
export async function placeOrder(
  db: Kysely<Database>,
  access: EhrAccess,
  order: { kind: OrderKind; description: string },
): Promise<OrderView> {
  const id = randomUUID();
  const { viewer, ehrId } = access;
  await db.transaction().execute(async (trx) => {
    await insertOrder(trx, { id, ehrId, kind: order.kind, description: order.description, orderedBy: viewer.user.id });
    await appendAuditEvent(trx, orderEvent('order.create', viewer, ehrId, id));
  });
  return orderView((await findOrder(db, ehrId, id))!);
}

/**
 * Closes an open order as fulfilled or cancelled; 404 when there is none, 409 when it is closed.
 *
 * @example
 * await finishOrder(db, access, orderId, 'fulfilled');
 */
export async function finishOrder(
  db: Kysely<Database>,
  access: EhrAccess,
  orderId: string,
  status: 'fulfilled' | 'cancelled',
): Promise<OrderView> {
  const { viewer, ehrId } = access;
  const closed = await db.transaction().execute(async (trx) => {
    if (!(await closeOrder(trx, ehrId, orderId, { status, closedBy: viewer.user.id }))) return false;
    await appendAuditEvent(trx, { ...orderEvent('order.close', viewer, ehrId, orderId), details: { status } });
    return true;
  });
  const order = await findOrder(db, ehrId, orderId);
  if (!order) throw new ApiError('NOT_FOUND', `No order ${orderId} on this record`);
  if (!closed) throw new ApiError('CONFLICT', `The order is already ${order.status}`);
  return orderView(order);
}

/**
 * One page of a record's orders, newest first.
 *
 * @example
 * await recordOrders(db, ehrId, { status: 'open', limit: 50 });
 */
export async function recordOrders(
  db: Kysely<Database>,
  ehrId: string,
  query: { status?: OrderStatus; limit: number; cursor?: string },
): Promise<{ items: OrderView[]; next?: string }> {
  const before = query.cursor ? (decodeCursor(query.cursor, 2) as [string, string]) : undefined;
  const rows = await listOrders(db, ehrId, { status: query.status, before }, query.limit);
  return pageOfOrders(rows, query.limit);
}

/**
 * One page of the open orders of every record, oldest first: a lab's worklist.
 *
 * @example
 * await orderWorklist(db, { kind: 'imaging', limit: 50 });
 */
export async function orderWorklist(
  db: Kysely<Database>,
  query: { kind?: OrderKind; limit: number; cursor?: string },
): Promise<{ items: OrderView[]; next?: string }> {
  const after = query.cursor ? (decodeCursor(query.cursor, 2) as [string, string]) : undefined;
  const rows = await openOrders(db, { kind: query.kind, after }, query.limit);
  return pageOfOrders(rows, query.limit);
}

function pageOfOrders(rows: OrderRow[], limit: number): { items: OrderView[]; next?: string } {
  const { items, next } = page(rows, limit, (row) => [row.orderedAt.toISOString(), row.id]);
  return { items: items.map(orderView), ...(next ? { next } : {}) };
}

function orderView(row: OrderRow): OrderView {
  return {
    id: row.id,
    ehrId: row.ehrId,
    kind: row.kind,
    description: row.description,
    status: row.status,
    orderedBy: { id: row.orderedById, name: row.orderedByName },
    orderedAt: row.orderedAt.toISOString(),
    ...(row.closedAt ? { closedAt: row.closedAt.toISOString() } : {}),
    patient: { id: row.patientId, name: row.patientName },
  };
}

function orderEvent(action: string, viewer: Viewer, ehrId: string, orderId: string) {
  return {
    action,
    outcome: 'success' as const,
    actorId: viewer.user.id,
    actorRole: viewer.user.roles.join(','),
    ehrId,
    resource: `order:${orderId}`,
    address: viewer.address,
  };
}
