import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import { CalendarTokens } from '../access/calendar-token.js';
import type { Database } from '../db/database.js';
import { appointmentRoutes } from './appointment-routes.js';
import { calendarRoutes } from './calendar-routes.js';
import { practitionerRoutes } from './practitioner-routes.js';

export interface SchedulingCapabilityOptions {
  db: Kysely<Database>;
  /** How many days ahead appointments may be booked (`BOOKING_HORIZON_DAYS`). */
  bookingHorizonDays: number;
  /** The server's secret, from which calendar feed tokens derive (`JWT_SECRET`). */
  jwtSecret: string;
}

/**
 * The scheduling routes: availability and free slots, appointments, the calendar feed (docs/scheduling.md).
 *
 * @example
 * await app.register(schedulingCapability, { db: database.db, bookingHorizonDays: config.bookingHorizonDays, jwtSecret: config.jwtSecret });
 */
export const schedulingCapability: FastifyPluginAsync<SchedulingCapabilityOptions> = async (app, options) => {
  await app.register(practitionerRoutes, options);
  await app.register(appointmentRoutes, options);
  await app.register(calendarRoutes, { db: options.db, calendarTokens: new CalendarTokens(options.jwtSecret) });
};
