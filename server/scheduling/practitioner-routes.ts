import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import { practitionerRoles } from '../access/roles.js';
import { requirePractitioner } from '../access/practitioner-lookup.js';
import type { Database } from '../db/database.js';
import { ApiError } from '../http/api-error.js';
import { decodeCursor, page } from '../http/pagination.js';
import { problemResponses } from '../http/problem-schema.js';
import type { AvailabilityInput } from './availability.js';
import { loadAvailability } from './availability-repository.js';
import { replaceAvailability } from './availability-service.js';
import { availabilityView } from './availability-view.js';
import { freeSlots } from './free-slots.js';
import { bookablePractitioners } from './practitioner-directory.js';
import * as schemas from './scheduling-schemas.js';

export interface PractitionerRoutesOptions {
  db: Kysely<Database>;
  bookingHorizonDays: number;
}

const dayMs = 24 * 3600 * 1000;
/** The longest window one slots request may ask for. */
export const longestSlotWindowDays = 62;

/**
 * Practitioners' availability and free slots: a practitioner replaces and reads their own weekly
 * rules and exceptions; anyone signed in lists bookable practitioners and their free slots.
 *
 * @example
 * await app.register(practitionerRoutes, { db, bookingHorizonDays: 180 });
 */
export const practitionerRoutes: FastifyPluginAsync<PractitionerRoutesOptions> = async (app, options) => {
  const { db, bookingHorizonDays } = options;

  app.put<{ Body: AvailabilityInput }>(
    '/api/practitioners/me/availability',
    {
      config: { roles: practitionerRoles },
      schema: {
        tags: ['scheduling'],
        summary: 'Replace your weekly availability rules and exceptions (leave, extra hours)',
        body: schemas.availabilitySchema,
        response: { 200: schemas.availabilitySchema, ...problemResponses('VALIDATION_FAILED') },
      },
    },
    async (request) => availabilityView(await replaceAvailability(db, request.user.id, request.body, request.ip)),
  );

  app.get(
    '/api/practitioners/me/availability',
    {
      config: { roles: practitionerRoles },
      schema: {
        tags: ['scheduling'],
        summary: 'Your weekly availability rules and exceptions',
        response: { 200: schemas.availabilitySchema },
      },
    },
    async (request) => availabilityView(await loadAvailability(db, request.user.id)),
  );

  app.get<{ Querystring: { limit: number; cursor?: string } }>(
    '/api/practitioners',
    {
      schema: {
        tags: ['scheduling'],
        summary: 'Practitioners who can be booked (active, with availability)',
        querystring: schemas.practitionerListQuery,
        response: { 200: schemas.practitionerList, ...problemResponses('INVALID_REQUEST') },
      },
    },
    async (request) => {
      const { limit, cursor } = request.query;
      const after = cursor ? (decodeCursor(cursor, 2) as [string, string]) : undefined;
      const rows = await bookablePractitioners(db, { limit, ...(after ? { after } : {}) });
      return page(rows, limit, (row) => [row.name, row.id]);
    },
  );

  app.get<{ Params: { id: string }; Querystring: { from?: string; to?: string } }>(
    '/api/practitioners/:id/slots',
    {
      schema: {
        tags: ['scheduling'],
        summary: "A practitioner's free slots in a window (at most 62 days)",
        params: schemas.idParams,
        querystring: schemas.slotsQuery,
        response: { 200: schemas.slotList, ...problemResponses('INVALID_REQUEST', 'NOT_FOUND', 'VALIDATION_FAILED') },
      },
    },
    async (request) => {
      await requirePractitioner(db, request.params.id);
      const now = new Date();
      const from = request.query.from ? new Date(request.query.from) : now;
      const to = request.query.to ? new Date(request.query.to) : new Date(from.getTime() + 7 * dayMs);
      requireWindow(from, to);
      const slots = await freeSlots(db, request.params.id, { from, to }, { now, horizonDays: bookingHorizonDays });
      return {
        items: slots.map((slot) => ({
          start: slot.startIso,
          end: slot.endIso,
          location: slot.location,
        })),
      };
    },
  );
};

function requireWindow(from: Date, to: Date): void {
  const path = '/to';
  if (to <= from) {
    throw new ApiError('VALIDATION_FAILED', 'The window ends before it starts', {
      errors: [{ path, message: 'must be after from' }],
    });
  }
  if (to.getTime() - from.getTime() > longestSlotWindowDays * dayMs) {
    throw new ApiError('VALIDATION_FAILED', `Ask for at most ${longestSlotWindowDays} days of slots at once`, {
      errors: [{ path, message: `must be at most ${longestSlotWindowDays} days after from` }],
    });
  }
}
