import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { CalendarTokens } from '../access/calendar-token.js';
import type { Database } from '../db/database.js';
import { problemResponses } from '../http/problem-schema.js';
import { calendarFeedText, rotateCalendarFeed } from './calendar-service.js';

export interface CalendarRoutesOptions {
  db: Kysely<Database>;
  calendarTokens: CalendarTokens;
}

/**
 * The secret per-account calendar feed (`GET /api/calendar/{token}.ics`, public: the token is
 * the credential) and its revocation (`POST /api/me/calendar/rotate`, a new URL).
 *
 * @example
 * await app.register(calendarRoutes, { db, calendarTokens: new CalendarTokens(config.jwtSecret) });
 */
export const calendarRoutes: FastifyPluginAsync<CalendarRoutesOptions> = async (app, { db, calendarTokens }) => {
  app.get<{ Params: { token: string } }>(
    '/api/calendar/:token.ics',
    {
      config: { public: true },
      schema: {
        tags: ['scheduling'],
        summary: 'Your appointments and medication reminders as an iCalendar feed (the URL is the secret)',
        params: {
          type: 'object',
          required: ['token'],
          properties: { token: { type: 'string', pattern: '^[A-Za-z0-9_-]{20,100}$' } },
        },
        response: {
          200: { type: 'string', description: 'text/calendar (RFC 5545)' },
          ...problemResponses('INVALID_REQUEST', 'NOT_FOUND'),
        },
      },
    },
    async (request, reply) => {
      const text = await calendarFeedText(db, request.params.token, new Date(), request.ip);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('cache-control', 'private, max-age=300')
        .header('content-disposition', 'inline; filename="docsy.ics"')
        .send(text);
    },
  );

  app.post(
    '/api/me/calendar/rotate',
    {
      schema: {
        tags: ['scheduling'],
        summary: 'Revoke your calendar feed URL and get a new one',
        response: {
          200: {
            type: 'object',
            required: ['calendarUrl'],
            additionalProperties: false,
            properties: { calendarUrl: { type: 'string' } },
          },
        },
      },
    },
    async (request) => ({ calendarUrl: await rotateCalendarFeed(db, calendarTokens, request.user, request.ip) }),
  );
};
