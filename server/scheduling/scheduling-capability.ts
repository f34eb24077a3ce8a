import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { appointmentRoutes } from './appointment-routes.js';
import { practitionerRoutes } from './practitioner-routes.js';

export interface SchedulingCapabilityOptions {
  db: Kysely<Database>;
  /** How many days ahead appointments may be booked (`BOOKING_HORIZON_DAYS`). */
  bookingHorizonDays: number;
}

/**
 * The scheduling routes: availability and free slots, appointments (docs/scheduling.md).
 *
 * @example
 * await app.register(schedulingCapability, { db: database.db, bookingHorizonDays: config.bookingHorizonDays });
 */
export const schedulingCapability: FastifyPluginAsync<SchedulingCapabilityOptions> = async (app, options) => {
  await app.register(practitionerRoutes, options);
  await app.register(appointmentRoutes, options);
};
