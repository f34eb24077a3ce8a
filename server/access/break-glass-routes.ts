import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { problemResponses } from '../http/problem-schema.js';
import * as schemas from './access-schemas.js';
import { breakGlass } from './break-glass.js';
import { viewerOf } from './ehr-access.js';
import { practitionerRoles } from './roles.js';

export interface BreakGlassRoutesOptions {
  db: Kysely<Database>;
}

/**
 * `POST /api/ehr/{ehr_id}/break-glass {reason}`: a practitioner's emergency access to a record
 * for 60 minutes, audited and shown to the patient.
 *
 * @example
 * await app.register(breakGlassRoutes, { db });
 */
export const breakGlassRoutes: FastifyPluginAsync<BreakGlassRoutesOptions> = async (app, { db }) => {
  app.post<{ Params: { ehrId: string }; Body: { reason: string } }>(
    '/api/ehr/:ehrId/break-glass',
    {
      config: { roles: practitionerRoles },
      schema: {
        tags: ['access'],
        summary: 'Emergency access to a record for 60 minutes, with a reason; audited and shown to the patient',
        params: schemas.ehrParams,
        body: schemas.breakGlassBody,
        response: { 201: schemas.breakGlassSchema, ...problemResponses('NOT_FOUND', 'VALIDATION_FAILED') },
      },
    },
    async (request, reply) => {
      const access = await breakGlass(db, viewerOf(request), request.params.ehrId, request.body.reason);
      reply.code(201);
      return access;
    },
  );
};
