import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { problemResponses } from '../http/problem-schema.js';
import * as schemas from './access-schemas.js';
import { viewerOf, type EhrAccessControl } from './ehr-access.js';
import { listGrants, type GrantRow } from './grant-repository.js';
import { grantAccess, revokeAccess } from './grant-service.js';

export interface GrantRoutesOptions {
  db: Kysely<Database>;
  ehrAccess: EhrAccessControl;
}

/**
 * A patient's grants (SPEC §4): the practitioners they let open their record without an
 * appointment, until a date or until revoked. Only the record's own patient uses these.
 *
 * @example
 * await app.register(grantRoutes, { db, ehrAccess });
 */
export const grantRoutes: FastifyPluginAsync<GrantRoutesOptions> = async (app, { db, ehrAccess }) => {
  app.get<{ Params: { ehrId: string } }>(
    '/api/ehr/:ehrId/grants',
    {
      schema: {
        tags: ['access'],
        summary: 'The practitioners the patient has granted access to their record',
        params: schemas.ehrParams,
        response: { 200: schemas.grantList, ...problemResponses('FORBIDDEN', 'NOT_FOUND') },
      },
    },
    async (request) => {
      const { ehrId } = request.params;
      await ehrAccess.requireOwner(viewerOf(request), ehrId, 'grant.list');
      return { items: (await listGrants(db, ehrId)).map(grantView) };
    },
  );

  app.put<{ Params: { ehrId: string; practitionerId: string }; Body: { until?: string } }>(
    '/api/ehr/:ehrId/grants/:practitionerId',
    {
      schema: {
        tags: ['access'],
        summary: 'Grant a practitioner access to the record (until a date, or until revoked)',
        params: schemas.grantParams,
        body: schemas.grantBody,
        response: { 200: schemas.grantSchema, ...problemResponses('FORBIDDEN', 'NOT_FOUND', 'VALIDATION_FAILED') },
      },
    },
    async (request) => {
      const { ehrId, practitionerId } = request.params;
      const viewer = viewerOf(request);
      await ehrAccess.requireOwner(viewer, ehrId, 'grant.create');
      const until = request.body.until ? new Date(request.body.until) : null;
      return grantView(await grantAccess(db, viewer, ehrId, practitionerId, until));
    },
  );

  app.delete<{ Params: { ehrId: string; practitionerId: string } }>(
    '/api/ehr/:ehrId/grants/:practitionerId',
    {
      schema: {
        tags: ['access'],
        summary: "Revoke a practitioner's grant at once",
        params: schemas.grantParams,
        response: { 204: { type: 'null', description: 'Revoked' }, ...problemResponses('FORBIDDEN', 'NOT_FOUND') },
      },
    },
    async (request, reply) => {
      const { ehrId, practitionerId } = request.params;
      const viewer = viewerOf(request);
      await ehrAccess.requireOwner(viewer, ehrId, 'grant.revoke');
      await revokeAccess(db, viewer, ehrId, practitionerId);
      return reply.code(204).send();
    },
  );
};

function grantView(grant: GrantRow) {
  return {
    practitioner: { id: grant.practitionerId, name: grant.practitionerName, roles: grant.practitionerRoles },
    grantedAt: grant.grantedAt.toISOString(),
    until: grant.until?.toISOString() ?? null,
  };
}
