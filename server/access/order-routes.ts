import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import { appendAuditEvent } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { problemResponses } from '../http/problem-schema.js';
import * as schemas from './access-schemas.js';
import { viewerOf, type EhrAccessControl } from './ehr-access.js';
import type { OrderKind, OrderStatus } from './order-repository.js';
import { finishOrder, orderWorklist, placeOrder, recordOrders } from './order-service.js';

export interface OrderRoutesOptions {
  db: Kysely<Database>;
  ehrAccess: EhrAccessControl;
}

/**
 * Lab and imaging orders (docs/access.md, "Orders"): a doctor orders, the order stays open until
 * fulfilled or cancelled, and while open it lets lab technicians open the patient's record.
 *
 * @example
 * await app.register(orderRoutes, { db, ehrAccess });
 */
export const orderRoutes: FastifyPluginAsync<OrderRoutesOptions> = async (app, { db, ehrAccess }) => {
  app.post<{ Params: { ehrId: string }; Body: { kind: OrderKind; description: string } }>(
    '/api/ehr/:ehrId/orders',
    {
      config: { roles: ['doctor'] },
      schema: {
        tags: ['access'],
        summary: 'Order a lab test or an imaging study for the patient',
        params: schemas.ehrParams,
        body: schemas.orderBody,
        response: { 201: schemas.orderSchema, ...problemResponses('NOT_FOUND', 'VALIDATION_FAILED') },
      },
    },
    async (request, reply) => {
      const access = await ehrAccess.authorize(viewerOf(request), request.params.ehrId, 'read');
      const order = await placeOrder(db, access, request.body);
      reply.code(201).header('location', `/api/ehr/${order.ehrId}/orders?status=open`);
      return order;
    },
  );

  app.get<{ Params: { ehrId: string }; Querystring: { status?: OrderStatus; limit: number; cursor?: string } }>(
    '/api/ehr/:ehrId/orders',
    {
      config: { roles: ['patient', 'doctor', 'nurse', 'lab_technician'] },
      schema: {
        tags: ['access'],
        summary: "The record's orders, newest first",
        params: schemas.ehrParams,
        querystring: schemas.orderListQuery,
        response: { 200: schemas.orderList, ...problemResponses('NOT_FOUND', 'INVALID_REQUEST') },
      },
    },
    async (request) => {
      const access = await ehrAccess.authorize(viewerOf(request), request.params.ehrId, 'read');
      const orders = await recordOrders(db, access.ehrId, request.query);
      await ehrAccess.recordRead(access, { action: 'order.list' });
      return orders;
    },
  );

  app.post<{ Params: { ehrId: string; orderId: string }; Body: { status: 'fulfilled' | 'cancelled' } }>(
    '/api/ehr/:ehrId/orders/:orderId/close',
    {
      config: { roles: ['doctor', 'lab_technician'] },
      schema: {
        tags: ['access'],
        summary: 'Close an open order as fulfilled or cancelled',
        params: schemas.orderParams,
        body: schemas.closeOrderBody,
        response: { 200: schemas.orderSchema, ...problemResponses('NOT_FOUND', 'CONFLICT', 'VALIDATION_FAILED') },
      },
    },
    async (request) => {
      const access = await ehrAccess.authorize(viewerOf(request), request.params.ehrId, 'read');
      return finishOrder(db, access, request.params.orderId, request.body.status);
    },
  );

  app.get<{ Querystring: { kind?: OrderKind; limit: number; cursor?: string } }>(
    '/api/orders',
    {
      config: { roles: ['lab_technician'] },
      schema: {
        tags: ['access'],
        summary: "Open orders of every patient, oldest first: the lab's worklist",
        querystring: schemas.worklistQuery,
        response: { 200: schemas.orderList, ...problemResponses('INVALID_REQUEST') },
      },
    },
    async (request) => {
      const worklist = await orderWorklist(db, request.query);
      await appendAuditEvent(db, {
        action: 'order.worklist',
        outcome: 'success',
        actorId: request.user.id,
        actorRole: request.user.roles.join(','),
        details: { orders: worklist.items.length },
        address: request.ip,
      });
      return worklist;
    },
  );
};
