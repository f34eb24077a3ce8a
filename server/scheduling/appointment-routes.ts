import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { viewerOf } from '../access/ehr-access.js';
import { practitionerRoles, type Role } from '../access/roles.js';
import { appendAuditEvent } from '../audit/audit-log.js';
import type { Database } from '../db/database.js';
import { decodeCursor, page } from '../http/pagination.js';
import { problemResponses } from '../http/problem-schema.js';
import { listAppointments } from './appointment-repository.js';
import { bookAppointment, cancelAppointment, rescheduleAppointment } from './appointment-service.js';
import { appointmentView } from './appointment-view.js';
import { bookingParties } from './booking-parties.js';
import * as schemas from './scheduling-schemas.js';

export interface AppointmentRoutesOptions {
  db: Kysely<Database>;
  bookingHorizonDays: number;
}

interface ListQuery {
  from?: string;
  to?: string;
  status?: 'booked' | 'cancelled';
  limit: number;
  cursor?: string;
}

const bookers: Role[] = ['patient', ...practitionerRoles];
const changeProblems = problemResponses('NOT_FOUND', 'APPOINTMENT_CLOSED', 'VALIDATION_FAILED');

/**
 * Booking (SPEC §3): book a free slot, list your appointments, cancel or reschedule one with a
 * reason. Patients and practitioners only; an appointment is visible to its patient and its
 * practitioner, and 404 for everyone else.
 *
 * @example
 * await app.register(appointmentRoutes, { db, bookingHorizonDays: 180 });
 */
export const appointmentRoutes: FastifyPluginAsync<AppointmentRoutesOptions> = async (app, options) => {
  const { db, bookingHorizonDays } = options;
  const policy = () => ({ now: new Date(), horizonDays: bookingHorizonDays });
  const actor = (request: FastifyRequest) => ({
    actorId: request.user.id,
    actorRole: request.user.roles.join(','),
    address: request.ip,
  });

  app.post<{ Body: { practitionerId?: string; patientId?: string; start: string; reason?: string } }>(
    '/api/appointments',
    {
      config: { roles: bookers },
      schema: {
        tags: ['scheduling'],
        summary: 'Book a free slot (a patient for themselves, a practitioner for a patient in their care)',
        body: schemas.bookingBody,
        response: {
          201: schemas.appointmentSchema,
          ...problemResponses('FORBIDDEN', 'NOT_FOUND', 'SLOT_TAKEN', 'VALIDATION_FAILED'),
        },
      },
    },
    async (request, reply) => {
      const parties = await bookingParties(db, viewerOf(request), request.body);
      const { actorId, ...context } = actor(request);
      const booking = { ...parties, start: new Date(request.body.start), reason: request.body.reason };
      const appointment = await bookAppointment(db, { ...booking, bookedBy: actorId, ...context }, policy());
      return reply.code(201).header('location', `/api/appointments/${appointment.id}`).send(appointment);
    },
  );

  app.get<{ Querystring: ListQuery }>(
    '/api/appointments',
    {
      config: { roles: bookers },
      schema: {
        tags: ['scheduling'],
        summary: 'Your appointments (as patient or practitioner), by start',
        querystring: schemas.appointmentListQuery,
        response: { 200: schemas.appointmentList, ...problemResponses('INVALID_REQUEST') },
      },
    },
    async (request) => {
      const { from, to, status, limit, cursor } = request.query;
      const after = cursor ? decodeCursor(cursor, 2) : undefined;
      const rows = await listAppointments(db, {
        accountId: request.user.id,
        limit,
        ...(from ? { from: new Date(from) } : {}),
        ...(to ? { to: new Date(to) } : {}),
        ...(status ? { status } : {}),
        ...(after ? { after: [new Date(after[0]!), String(after[1])] as [Date, string] } : {}),
      });
      const { items, next } = page(rows, limit, (row) => [row.starts_at.toISOString(), row.id]);
      const { actorId, actorRole, address } = actor(request);
      await appendAuditEvent(db, {
        action: 'appointment.list',
        outcome: 'success',
        actorId,
        actorRole,
        details: { count: items.length },
        address,
      });
      return { items: items.map(appointmentView), ...(next ? { next } : {}) };
    },
  );

  app.post<{ Params: { id: string }; Body: { reason: string } }>(
    '/api/appointments/:id/cancel',
    {
      config: { roles: bookers },
      schema: {
        tags: ['scheduling'],
        summary: 'Cancel an appointment with a reason (its patient or practitioner); the slot is free again',
        params: schemas.idParams,
        body: schemas.cancelBody,
        response: { 200: schemas.appointmentSchema, ...changeProblems },
      },
    },
    async (request) =>
      cancelAppointment(
        db,
        { appointmentId: request.params.id, reason: request.body.reason, ...actor(request) },
        new Date(),
      ),
  );

  app.post<{ Params: { id: string }; Body: { start: string; reason: string } }>(
    '/api/appointments/:id/reschedule',
    {
      config: { roles: bookers },
      schema: {
        tags: ['scheduling'],
        summary: 'Move an appointment to another free slot of the same practitioner, with a reason',
        params: schemas.idParams,
        body: schemas.rescheduleBody,
        response: { 200: schemas.appointmentSchema, ...changeProblems, ...problemResponses('SLOT_TAKEN') },
      },
    },
    async (request) => {
      const change = { appointmentId: request.params.id, reason: request.body.reason, ...actor(request) };
      return rescheduleAppointment(db, change, new Date(request.body.start), policy());
    },
  );
};
