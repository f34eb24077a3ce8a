import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { problemResponses } from '../http/problem-schema.js';
import * as schemas from './access-schemas.js';
import { viewerOf, type EhrAccessControl } from './ehr-access.js';
import { compositionRestriction, restrictComposition } from './restriction-service.js';

export interface RestrictionRoutesOptions {
  db: Kysely<Database>;
  ehrAccess: EhrAccessControl;
}

/**
 * `PUT` and `GET /api/ehr/{ehr_id}/compositions/{uuid}/restriction`: the patient restricts a
 * composition of their record from practitioners (naming any who still see it), or frees it.
 *
 * @example
 * await app.register(restrictionRoutes, { db, ehrAccess });
 */
export const restrictionRoutes: FastifyPluginAsync<RestrictionRoutesOptions> = async (app, { db, ehrAccess }) => {
  const url = '/api/ehr/:ehrId/compositions/:uuid/restriction';

  app.get<{ Params: { ehrId: string; uuid: string } }>(
    url,
    {
      schema: {
        tags: ['access'],
        summary: 'Whether a composition is restricted, and who still sees it (the patient only)',
        params: schemas.restrictionParams,
        response: { 200: schemas.restrictionSchema, ...problemResponses('FORBIDDEN', 'NOT_FOUND') },
      },
    },
    async (request) => {
      const { ehrId, uuid } = request.params;
      await ehrAccess.requireOwner(viewerOf(request), ehrId, 'restriction.read');
      return compositionRestriction(db, ehrId, uuid.toLowerCase());
    },
  );

  app.put<{ Params: { ehrId: string; uuid: string }; Body: { restricted: boolean; allowed?: string[] } }>(
    url,
    {
      schema: {
        tags: ['access'],
        summary: 'Restrict a composition from practitioners (but those named), or free it (the patient only)',
        params: schemas.restrictionParams,
        body: schemas.restrictionBody,
        response: {
          200: schemas.restrictionSchema,
          ...problemResponses('FORBIDDEN', 'NOT_FOUND', 'VALIDATION_FAILED'),
        },
      },
    },
    async (request) => {
      const { ehrId, uuid } = request.params;
      const viewer = viewerOf(request);
      await ehrAccess.requireOwner(viewer, ehrId, 'restriction.change');
      return restrictComposition(db, viewer, ehrId, uuid.toLowerCase(), request.body);
    },
  );
};
